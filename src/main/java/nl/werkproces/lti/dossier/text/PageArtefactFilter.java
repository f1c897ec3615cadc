package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.werkproces.lti.dossier.text.ClassifiedLine.Kind;

/**
 * Removes what a PDF adds at its page breaks: page numbers, running headers and footers, and the
 * kerntaak or werkproces heading that SBB repeats at the top of every page (sometimes in the
 * middle of a bullet). Takes normalized lines ({@link TextNormalizer}) and returns lines without
 * page break markers.
 */
final class PageArtefactFilter {

	private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:(?:pagina|page|blz\\.?|p\\.)\\s*\\d+"
			+ "(?:\\s*(?:van|of|/)\\s*\\d+)?|\\d+\\s*(?:van|/)\\s*\\d+|-\\s*\\d+\\s*-)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern BARE_NUMBER = Pattern.compile("^\\d{1,3}$");

	private static final Pattern NIVEAU_LABEL = Pattern.compile("niveau\\s*:?$", Pattern.CASE_INSENSITIVE);

	private static final Pattern RUNNING_DOSSIER_LINE = Pattern.compile(
			"^kwalificatiedossier\\b.*\\b(?:crebo|versie|geldig vanaf|pagina|cohort)\\b.*$", Pattern.CASE_INSENSITIVE);

	/** A line at a page's edge on at least this many pages is a running header or footer. */
	private static final int RUNNING_MIN_PAGES = 3;

	/** How many lines at the top and bottom of a page count as its edge. */
	private static final int EDGE = 2;

	private PageArtefactFilter() {
	}

	static List<String> clean(List<String> lines) {
		List<List<String>> pages = pages(lines);
		Set<String> running = runningLines(pages);
		List<String> kept = new ArrayList<>();
		String previous = "";
		for (List<String> page : pages) {
			Set<Integer> edge = edgeIndexes(page);
			for (int i = 0; i < page.size(); i++) {
				String line = page.get(i);
				boolean atEdge = edge.contains(i);
				// a number right after "Mbo-niveau" is the niveau, not a page number
				boolean pageNumber = PAGE_NUMBER.matcher(line).matches() || (pages.size() > 1 && atEdge
						&& BARE_NUMBER.matcher(line).matches() && !NIVEAU_LABEL.matcher(previous).find());
				boolean runningLine = RUNNING_DOSSIER_LINE.matcher(line).matches()
						|| (atEdge && running.contains(line));
				if (!pageNumber && !runningLine) {
					kept.add(line);
					previous = line.isBlank() ? previous : line;
				}
			}
		}
		return withoutRepeatedHeadings(kept);
	}

	private static List<List<String>> pages(List<String> lines) {
		List<List<String>> pages = new ArrayList<>();
		List<String> page = new ArrayList<>();
		for (String line : lines) {
			if (line.equals(TextNormalizer.PAGE_BREAK)) {
				pages.add(page);
				page = new ArrayList<>();
			}
			else {
				page.add(line);
			}
		}
		pages.add(page);
		return pages;
	}

	/** The indexes of the first and last {@value #EDGE} non-blank lines of a page. */
	private static Set<Integer> edgeIndexes(List<String> page) {
		List<Integer> content = new ArrayList<>();
		for (int i = 0; i < page.size(); i++) {
			if (!page.get(i).isBlank()) {
				content.add(i);
			}
		}
		Set<Integer> edge = new HashSet<>();
		for (int i = 0; i < content.size(); i++) {
			if (i < EDGE || i >= content.size() - EDGE) {
				edge.add(content.get(i));
			}
		}
		return edge;
	}

	/** Lines that stand at the edge of several pages and are not dossier structure. */
	private static Set<String> runningLines(List<List<String>> pages) {
		Map<String, Integer> counts = new HashMap<>();
		for (List<String> page : pages) {
			Set<String> edgeLines = new HashSet<>();
			edgeIndexes(page).forEach((index) -> edgeLines.add(page.get(index)));
			edgeLines.forEach((line) -> counts.merge(line, 1, Integer::sum));
		}
		Set<String> running = new HashSet<>();
		counts.forEach((line, count) -> {
			if (count >= RUNNING_MIN_PAGES && LineClassifier.classify(line).kind() == Kind.TEXT) {
				running.add(line);
			}
		});
		return running;
	}

	/**
	 * Drops a heading whose kerntaak or werkproces was already opened and described: that is the
	 * heading SBB repeats on a new page. A title that wrapped onto following lines is dropped
	 * with it.
	 */
	private static List<String> withoutRepeatedHeadings(List<String> lines) {
		Map<String, String> titles = new HashMap<>();
		Set<String> described = new HashSet<>();
		String open = null;
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			ClassifiedLine line = LineClassifier.classify(lines.get(i));
			if (line.kind() == Kind.SECTION && open != null) {
				described.add(open);
			}
			if (line.kind() != Kind.HEADING) {
				kept.add(lines.get(i));
				continue;
			}
			if (described.contains(line.code())) {
				i = skipWrappedTitle(lines, i, titles.get(line.code()), line.text());
				continue;
			}
			open = line.code();
			titles.putIfAbsent(line.code(), fullTitle(lines, i, line.text()));
			kept.add(lines.get(i));
		}
		return kept;
	}

	/** The heading's title with the lines it wrapped onto (up to the first blank or structural line). */
	private static String fullTitle(List<String> lines, int headingIndex, String printed) {
		LineJoiner title = new LineJoiner().add(printed);
		for (int i = headingIndex + 1; i < lines.size() && i <= headingIndex + 2; i++) {
			if (LineClassifier.classify(lines.get(i)).kind() != Kind.TEXT) {
				break;
			}
			title.add(lines.get(i));
		}
		return title.toString();
	}

	private static int skipWrappedTitle(List<String> lines, int headingIndex, String fullTitle, String printed) {
		if (fullTitle == null || printed.isEmpty() || !fullTitle.startsWith(printed)) {
			return headingIndex;
		}
		String rest = fullTitle.substring(printed.length()).strip();
		int index = headingIndex;
		while (!rest.isEmpty() && index + 1 < lines.size()) {
			String next = lines.get(index + 1).strip();
			if (next.isEmpty() || !rest.startsWith(next)) {
				break;
			}
			rest = rest.substring(next.length()).strip();
			index++;
		}
		return index;
	}

}
