package nl.werkproces.lti.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Dossier versions are named by title, crebo and versie (or start year), never by a hash. */
class DossierNamesTests {

	private static final Instant IMPORTED = Instant.parse("2026-12-02T09:30:00Z");

	private final DossierNames names = new DossierNames(messages());

	@Test
	void namesTitleCreboAndVersie() {
		assertThat(this.names.name(version("25999", "2", LocalDate.of(2026, 8, 1)), Locale.forLanguageTag("nl")))
			.isEqualTo("Testberoep \u00b7 crebo 25999 \u00b7 versie 2");
		assertThat(this.names.name(version("25999", "2", null), Locale.ENGLISH))
			.isEqualTo("Testberoep \u00b7 crebo 25999 \u00b7 version 2");
	}

	@Test
	void namesTheStartYearWhenTheSourceStatesNoVersie() {
		assertThat(this.names.name(version("23189", null, LocalDate.of(2015, 8, 1)), Locale.forLanguageTag("nl")))
			.isEqualTo("Testberoep \u00b7 crebo 23189 \u00b7 vanaf 2015");
	}

	@Test
	void saysVersieOnbekendWithTheImportDateWhenTheSourceStatesNeither() {
		assertThat(this.names.name(version(null, null, null), Locale.forLanguageTag("nl")))
			.isEqualTo("Testberoep \u00b7 versie onbekend, ge\u00efmporteerd 2026-12-02")
			.doesNotContain("bron");
		assertThat(this.names.name(version(null, null, null), Locale.ENGLISH))
			.isEqualTo("Testberoep \u00b7 version unknown, imported 2026-12-02");
	}

	private static DossierVersion version(String crebo, String versie, LocalDate geldigVanaf) {
		DossierIdentity identity = new DossierIdentity("Testberoep", crebo, versie, geldigVanaf, "a".repeat(64));
		Dossier dossier = new Dossier(identity, SourceKind.XML, List.of(), List.of());
		return new DossierVersion(1, dossier, 1, "testberoep.xml", IMPORTED, "test", List.of());
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
