package nl.werkproces.lti.launch;

import java.util.Locale;

/** The tool speaks Dutch, and English for anyone whose language starts with "en". */
public final class SupportedLocales {

	public static final Locale DUTCH = Locale.forLanguageTag("nl");

	public static final Locale ENGLISH = Locale.ENGLISH;

	private SupportedLocales() {
	}

	/** Maps a launch locale ({@code en}, {@code en-US}, {@code en_GB}, {@code nl}) to a supported one. */
	public static Locale of(String tag) {
		if (tag != null && tag.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
			return ENGLISH;
		}
		return DUTCH;
	}

	public static Locale of(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage())) ? ENGLISH : DUTCH;
	}

}
