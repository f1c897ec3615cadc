package nl.werkproces.lti.submission;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes an uploaded file's name safe to store and to offer for download, while keeping it readable: no directory
 * part, no control or bidi characters, no characters Windows refuses, at most {@value #MAX_LENGTH} characters with
 * the extension kept.
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	/** The longest name accepted at all (most file systems' limit); longer names are refused, not shortened. */
	static final int MAX_ORIGINAL_LENGTH = 255;

	private static final String FALLBACK = "bestand";

	private FileNames() {
	}

	static String sanitise(String original) {
		String name = (original != null) ? original : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC)
			.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "")
			.replaceAll("[<>:\"|?*]", "_")
			.replaceAll("\\s+", " ")
			.strip();
		name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
		if (name.isEmpty()) {
			return FALLBACK;
		}
		if (name.length() > MAX_LENGTH) {
			String extension = extension(name);
			int keep = MAX_LENGTH - ((extension.isEmpty()) ? 0 : extension.length() + 1);
			name = name.substring(0, keep).strip() + (extension.isEmpty() ? "" : "." + extension);
		}
		return name;
	}

	/** Whether the name as sent holds a control character (NUL, a line break, a tab...): refused, not cleaned. */
	static boolean hasControlCharacters(String original) {
		return original != null && original.codePoints().anyMatch(Character::isISOControl);
	}

	/** Whether the name as sent, without its directory part, is longer than {@value #MAX_ORIGINAL_LENGTH}. */
	static boolean isTooLong(String original) {
		if (original == null) {
			return false;
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		return name.codePointCount(0, name.length()) > MAX_ORIGINAL_LENGTH;
	}

	/** The extension in lower case, without the dot; empty when there is none. */
	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0 && dot < name.length() - 1) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

}
