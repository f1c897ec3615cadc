package nl.werkproces.lti.submission;

import java.util.Locale;

/** File sizes as people read them: 840 B, 12,5 kB, 3,2 MB (decimal comma, as in Dutch and fine in English). */
public final class Sizes {

	private Sizes() {
	}

	public static String format(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.GERMANY, "%.1f kB", bytes / 1024.0);
		}
		return String.format(Locale.GERMANY, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
