package nl.werkproces.lti.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a resultaat text into result statements, each of which becomes one product criterion.
 * <p>
 * Rule: a statement ends at a line that ends a sentence (a line whose last character, ignoring closing brackets and
 * quotes, is '.', '!' or '?'). Other line breaks and blank lines are wrapping, including the blank lines that PDF
 * extraction leaves inside items. Sentences on the same line stay in one statement: the dossier writes related
 * sentences of one result as one paragraph ("De implementatie ... uitgevoerd. De rapportage ... opgeleverd." is one
 * result about one delivery) and starts independent results on a new line (as in B1-K2-W1). A resultaat without
 * line breaks is one statement. Each item of a list (as {@link nl.werkproces.lti.dossier.TextBlock} stores it) that
 * ends a sentence is a statement of its own, without its bullet or number.
 */
final class ResultaatStatements {

	private static final Pattern LINE_BREAK = Pattern.compile("\\R");

	/** A list item's bullet or number as the catalog stores it ("- ", "2. "): not part of the statement. */
	private static final Pattern LIST_ITEM = Pattern.compile("^(?:- |\\d{1,3}\\. )");

	private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?][)\"'\u2019\u201d]*$");

	private ResultaatStatements() {
	}

	static List<String> split(String resultaat) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : LINE_BREAK.split(resultaat)) {
			String stripped = LIST_ITEM.matcher(line.strip()).replaceFirst("");
			if (stripped.isEmpty()) {
				continue;
			}
			current.append(' ').append(stripped);
			if (SENTENCE_END.matcher(stripped).matches()) {
				add(statements, current.toString());
				current.setLength(0);
			}
		}
		add(statements, current.toString());
		return statements;
	}

	private static void add(List<String> statements, String statement) {
		if (!DossierText.isEmpty(statement)) {
			statements.add(DossierText.capitaliseFirst(DossierText.normalise(statement)));
		}
	}

}
