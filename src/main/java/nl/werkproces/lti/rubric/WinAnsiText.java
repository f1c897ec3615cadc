package nl.werkproces.lti.rubric;

import java.text.Normalizer;
import java.util.Map;

/**
 * Makes text printable with a standard 14 PDF font, which only knows the WinAnsi (Windows-1252) characters. Dutch
 * text (ë, ï, é, ’, “, –, …) passes unchanged; other characters become a close WinAnsi equivalent (≥ becomes
 * {@code >=}, ő becomes o) or {@code ?}. Line breaks and tabs become spaces, because a PDF text run has no line breaks.
 */
final class WinAnsiText {

	/** The characters Windows-1252 has in 0x80..0x9F, beyond Latin-1. */
	private static final String CP1252_EXTRAS = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
			+ "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
			+ "\u0153\u017e\u0178";

	private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(Map.entry(0x2265, ">="),
			Map.entry(0x2264, "<="), Map.entry(0x2260, "!="), Map.entry(0x2212, "-"), Map.entry(0x2010, "-"),
			Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"),
			Map.entry(0x2248, "~"), Map.entry(0x2032, "'"), Map.entry(0x2033, "\""), Map.entry(0x00a0, " "),
			Map.entry(0x2009, " "), Map.entry(0x202f, " "), Map.entry(0x2007, " "), Map.entry(0x00ad, ""),
			Map.entry(0x200b, ""), Map.entry(0x2713, "v"), Map.entry(0x2714, "v"), Map.entry(0x2610, "[ ]"));

	private WinAnsiText() {
	}

	static String of(String text) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder printable = new StringBuilder(composed.length());
		composed.codePoints().forEach((codePoint) -> printable.append(printable(codePoint)));
		return printable.toString();
	}

	private static String printable(int codePoint) {
		if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
			return " ";
		}
		String replacement = REPLACEMENTS.get(codePoint);
		if (replacement != null) {
			return replacement;
		}
		if (isWinAnsi(codePoint)) {
			return Character.toString(codePoint);
		}
		String base = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return (!base.isEmpty() && base.codePoints().allMatch(WinAnsiText::isWinAnsi)) ? base : "?";
	}

	private static boolean isWinAnsi(int codePoint) {
		return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa1 && codePoint <= 0xff)
				|| CP1252_EXTRAS.indexOf(codePoint) >= 0;
	}

}
