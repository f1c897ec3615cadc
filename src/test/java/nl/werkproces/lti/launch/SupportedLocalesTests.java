package nl.werkproces.lti.launch;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dutch, and English for whoever asks for any kind of English. */
class SupportedLocalesTests {

	@Test
	void englishTagsInAnySpellingGiveEnglish() {
		assertThat(SupportedLocales.of("en")).isEqualTo(SupportedLocales.ENGLISH);
		assertThat(SupportedLocales.of("en-US")).isEqualTo(SupportedLocales.ENGLISH);
		assertThat(SupportedLocales.of("en_GB")).isEqualTo(SupportedLocales.ENGLISH);
		assertThat(SupportedLocales.of("EN-gb")).isEqualTo(SupportedLocales.ENGLISH);
		assertThat(SupportedLocales.of(" en ")).isEqualTo(SupportedLocales.ENGLISH);
	}

	@Test
	void dutchOtherLanguagesAndNothingGiveDutch() {
		assertThat(SupportedLocales.of("nl")).isEqualTo(SupportedLocales.DUTCH);
		assertThat(SupportedLocales.of("nl-BE")).isEqualTo(SupportedLocales.DUTCH);
		assertThat(SupportedLocales.of("de-DE")).isEqualTo(SupportedLocales.DUTCH);
		assertThat(SupportedLocales.of("fy")).isEqualTo(SupportedLocales.DUTCH);
		assertThat(SupportedLocales.of("")).isEqualTo(SupportedLocales.DUTCH);
		assertThat(SupportedLocales.of((String) null)).isEqualTo(SupportedLocales.DUTCH);
	}

	@Test
	void englishLocalesGiveEnglish() {
		assertThat(SupportedLocales.of(Locale.ENGLISH)).isEqualTo(SupportedLocales.ENGLISH);
		assertThat(SupportedLocales.of(Locale.US)).isEqualTo(SupportedLocales.ENGLISH);
		assertThat(SupportedLocales.of(Locale.forLanguageTag("en-GB"))).isEqualTo(SupportedLocales.ENGLISH);
	}

	@Test
	void otherLocalesAndNoLocaleGiveDutch() {
		assertThat(SupportedLocales.of(Locale.forLanguageTag("nl-NL"))).isEqualTo(SupportedLocales.DUTCH);
		assertThat(SupportedLocales.of(Locale.GERMAN)).isEqualTo(SupportedLocales.DUTCH);
		assertThat(SupportedLocales.of(Locale.ROOT)).isEqualTo(SupportedLocales.DUTCH);
		assertThat(SupportedLocales.of((Locale) null)).isEqualTo(SupportedLocales.DUTCH);
	}

	@Test
	void supportedLocalesAreDutchAndEnglish() {
		assertThat(SupportedLocales.DUTCH.getLanguage()).isEqualTo("nl");
		assertThat(SupportedLocales.ENGLISH.getLanguage()).isEqualTo("en");
	}

}
