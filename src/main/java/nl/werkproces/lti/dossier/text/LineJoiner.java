package nl.werkproces.lti.dossier.text;

import java.util.Locale;
import java.util.Set;

/**
 * Joins the lines of a wrapped paragraph or bullet with single spaces. A line that ends in a
 * word-hyphen and continues a compound ("netwerk-" + "/mediainfrastructuur", "ICT-" +
 * "dienstverlenende") is joined without a space; "netwerk-" + "en mediabeheer" keeps its space.
 */
public final class LineJoiner {

	private static final Set<String> CONJUNCTIONS = Set.of("en", "of", "tot", "en/of", "t/m", "als");

	private final StringBuilder text = new StringBuilder();

	/** Appends a line; blank lines are ignored (they appear inside wrapped items). */
	public LineJoiner add(String line) {
		String part = line.strip();
		if (part.isEmpty()) {
			return this;
		}
		if (this.text.length() > 0 && !continuesCompound(part)) {
			this.text.append(' ');
		}
		this.text.append(part);
		return this;
	}

	public boolean isEmpty() {
		return this.text.length() == 0;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	public static String join(Iterable<String> lines) {
		LineJoiner joiner = new LineJoiner();
		lines.forEach(joiner::add);
		return joiner.toString();
	}

	private boolean continuesCompound(String next) {
		int length = this.text.length();
		boolean endsWithWordHyphen = length >= 2 && this.text.charAt(length - 1) == '-'
				&& Character.isLetterOrDigit(this.text.charAt(length - 2));
		if (!endsWithWordHyphen) {
			return false;
		}
		if (next.startsWith("/")) {
			return true;
		}
		String firstWord = next.split("[\\s,.;:]", 2)[0].toLowerCase(Locale.ROOT);
		return Character.isLowerCase(next.charAt(0)) && !CONJUNCTIONS.contains(firstWord);
	}

}
