package nl.werkproces.lti.evidence;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names of entries in evidence archives that every unzip tool and file system takes: accents dropped
 * ("Şükrü" becomes "Sukru"), letters of other scripts kept, anything else (slashes, dots, spaces) an underscore, at
 * most {@value #MAX_LENGTH} characters. A {@link Used} set keeps names unique within one folder.
 */
public final class EvidenceFileNames {

	static final int MAX_LENGTH = 80;

	private EvidenceFileNames() {
	}

	/**
	 * One safe name part.
	 * @param text any text, may be {@code null}
	 * @param fallback used when nothing is left of {@code text}
	 * @return letters, digits, hyphens and single underscores only
	 */
	public static String part(String text, String fallback) {
		if (text == null) {
			return fallback;
		}
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		String safe = plain.replaceAll("[^\\p{L}\\p{N}-]+", "_").replaceAll("^_+|_+$", "");
		if (safe.length() > MAX_LENGTH) {
			safe = safe.substring(0, MAX_LENGTH).replaceAll("_+$", "");
		}
		return safe.isEmpty() ? fallback : safe;
	}

	/**
	 * A file name with its extension kept: {@code "verslag (def).PDF"} becomes {@code "verslag_def.pdf"}.
	 * @param filename a handed-in file's name, may be {@code null}
	 * @return a safe file name
	 */
	public static String file(String filename) {
		String name = (filename != null) ? filename.replace('\\', '/') : "";
		name = name.substring(name.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && dot < name.length() - 1) ? part(name.substring(dot + 1), "") : "";
		String base = part((dot > 0) ? name.substring(0, dot) : name, "bestand");
		return extension.isEmpty() ? base : base + "." + extension.toLowerCase(Locale.ROOT);
	}

	/** The PDF of one student's form: {@code <achternaam>_<voornaam>_<user id>.pdf}. */
	static String studentPdf(StudentName student) {
		return studentBase(student) + ".pdf";
	}

	/** {@code <achternaam>_<voornaam>_<user id>}, the student's part of evidence file names. */
	static String studentBase(StudentName student) {
		return part(student.familyName(), "student") + "_" + part(student.givenName(), "x") + "_" + student.id();
	}

	/** Names already taken in one folder; a second "verslag.pdf" becomes "verslag-2.pdf". */
	static final class Used {

		private final Set<String> names = new HashSet<>();

		String unique(String name) {
			String candidate = name;
			int dot = name.lastIndexOf('.');
			String base = (dot > 0) ? name.substring(0, dot) : name;
			String extension = (dot > 0) ? name.substring(dot) : "";
			for (int n = 2; !this.names.add(candidate.toLowerCase(Locale.ROOT)); n++) {
				candidate = base + "-" + n + extension;
			}
			return candidate;
		}

	}

}
