package nl.werkproces.lti.rubric;

import java.util.Locale;
import java.util.regex.Pattern;

/** Small text rules for dossier texts as the rubric shows them. */
final class DossierText {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern BULLET_MARKER = Pattern.compile("^[-\u2013\u2022\u00a7]\\s*");

	private static final Pattern NOT_APPLICABLE = Pattern.compile("(?i)n\\.?\\s*v\\.?\\s*t\\.?");

	private DossierText() {
	}

	/** Collapses whitespace (wrapped lines, blank lines) and drops a leading bullet marker. */
	static String normalise(String text) {
		String collapsed = WHITESPACE.matcher(text).replaceAll(" ").strip();
		return BULLET_MARKER.matcher(collapsed).replaceFirst("");
	}

	/** Whether a text means nothing: empty or the dossier's "N.v.t.". */
	static boolean isEmpty(String text) {
		String normalised = normalise(text);
		return normalised.isEmpty() || NOT_APPLICABLE.matcher(normalised).matches();
	}

	/** "zorgt ervoor dat ..." becomes "Zorgt ervoor dat ...". */
	static String capitaliseFirst(String text) {
		if (text.isEmpty()) {
			return text;
		}
		return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

	/** "De implementatie ..." becomes "de implementatie ..."; an abbreviation such as "ICT" stays. */
	static String lowercaseFirst(String text) {
		if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || Character.isUpperCase(text.charAt(1))) {
			return text;
		}
		return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
	}

}
