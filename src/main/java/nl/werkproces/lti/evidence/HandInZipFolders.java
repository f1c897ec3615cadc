package nl.werkproces.lti.evidence;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names inside the hand-in ZIP that are safe on every operating system and can never leave the archive's folder:
 * no path separators or {@code ..}, no control, bidi or format characters, none of the characters Windows refuses,
 * no leading or trailing dots or spaces, a bounded length. A student's folder is their name and their id in the tool
 * ({@code "Sam Student (12)"}), so two students of the same name get two folders; file names in one folder are
 * made unique ({@code "verslag (2).pdf"}).
 */
final class HandInZipFolders {

	static final int MAX_FOLDER_LENGTH = 60;

	static final int MAX_FILE_LENGTH = 150;

	private HandInZipFolders() {
	}

	/** The folder of one student: their (safe) name and their id, which alone makes it unique. */
	static String folder(String name, long userId) {
		String safe = safe(name, MAX_FOLDER_LENGTH);
		return (safe.isEmpty() ? "student" : safe) + " (" + userId + ")";
	}

	/** A safe version of a stored file name, at most {@value #MAX_FILE_LENGTH} characters with the extension kept. */
	static String file(String name) {
		String safe = safe(name, Integer.MAX_VALUE);
		if (safe.isEmpty()) {
			return "bestand";
		}
		if (safe.codePointCount(0, safe.length()) <= MAX_FILE_LENGTH) {
			return safe;
		}
		String extension = extension(safe);
		String base = safe.substring(0, safe.length() - extension.length());
		int keep = Math.max(1, MAX_FILE_LENGTH - extension.codePointCount(0, extension.length()));
		return cut(base, keep).strip() + extension;
	}

	/** The names already used in one folder, compared without regard to case (as Windows and macOS do). */
	static final class Folder {

		private final Set<String> used = new HashSet<>();

		/** {@code name}, or {@code name (2).ext}, {@code name (3).ext} ... when it is taken already. */
		String unique(String name) {
			String extension = extension(name);
			String base = name.substring(0, name.length() - extension.length());
			String candidate = name;
			for (int n = 2; !this.used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
				candidate = base + " (" + n + ")" + extension;
			}
			return candidate;
		}

	}

	private static String safe(String original, int maxLength) {
		String name = (original != null) ? original : "";
		name = Normalizer.normalize(name, Normalizer.Form.NFC)
			.replaceAll("\\s+", " ")
			.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}]", "")
			.replaceAll("[/\\\\<>:\"|?*]", "_")
			.strip();
		name = cut(name, maxLength);
		// no "." or ".." and nothing Windows would silently strip
		return name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
	}

	/** At most {@code length} code points: never half a surrogate pair. */
	private static String cut(String text, int length) {
		if (text.codePointCount(0, text.length()) <= length) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, length));
	}

	/** {@code ".pdf"} for {@code "verslag.pdf"}; empty when there is no extension. */
	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0 && dot < name.length() - 1 && name.length() - dot <= 11) ? name.substring(dot) : "";
	}

}
