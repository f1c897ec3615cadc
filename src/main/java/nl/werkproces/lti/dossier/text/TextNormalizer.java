package nl.werkproces.lti.dossier.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns raw extracted text into clean lines: one line separator, ordinary spaces, no
 * ligatures, zero-width or soft-hyphen characters, and one bullet glyph ({@value #BULLET}) for
 * the many that PDFs use. A form feed becomes a line of its own ({@link #PAGE_BREAK}) so that
 * page artefacts can be recognised.
 */
public final class TextNormalizer {

	public static final String PAGE_BREAK = "\f";

	public static final char BULLET = '•';

	/** Glyphs used as list bullets in SBB dossiers and by PDF extraction (Symbol/Wingdings). */
	private static final String BULLET_GLYPHS = "•§▪■□◦●○►‣⁃∙·\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF06E\uF0A8";

	private static final Pattern DASH_BULLET = Pattern.compile("^[\u2013\u2014\u2012\u2212]\\s+");

	private static final Pattern INVISIBLE = Pattern.compile("[\u00AD\u200B\u200C\u200D\u2060\uFEFF]");

	private TextNormalizer() {
	}

	public static List<String> lines(String text) {
		String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace(PAGE_BREAK, "\n" + PAGE_BREAK + "\n");
		List<String> lines = new ArrayList<>();
		for (String line : unified.split("\n", -1)) {
			lines.add(line.equals(PAGE_BREAK) ? PAGE_BREAK : normalizeLine(line));
		}
		return lines;
	}

	public static String normalizeLine(String line) {
		String text = isAscii(line) ? line
				: replaceLigatures(INVISIBLE.matcher(Normalizer.normalize(line, Normalizer.Form.NFC)).replaceAll(""));
		text = collapseSpaces(text);
		if (!text.isEmpty() && BULLET_GLYPHS.indexOf(text.charAt(0)) >= 0) {
			return BULLET + " " + text.substring(1).strip();
		}
		return DASH_BULLET.matcher(text).replaceFirst("- ");
	}

	private static boolean isAscii(String line) {
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/** Every run of white space (also non-breaking and other Unicode spaces) becomes one space. */
	private static String collapseSpaces(String text) {
		StringBuilder result = new StringBuilder(text.length());
		boolean pendingSpace = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				pendingSpace = result.length() > 0;
				continue;
			}
			if (pendingSpace) {
				result.append(' ');
				pendingSpace = false;
			}
			result.append(c);
		}
		return result.toString();
	}

	private static String replaceLigatures(String text) {
		return text.replace("\uFB00", "ff")
			.replace("\uFB01", "fi")
			.replace("\uFB02", "fl")
			.replace("\uFB03", "ffi")
			.replace("\uFB04", "ffl")
			.replace("\uFB05", "st")
			.replace("\uFB06", "st");
	}

}
