package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Overzicht van het kwalificatiedossier": the profiel table, the kerntaken and werkprocessen
 * by code and title, and which profiel lists which profiel kerntaken.
 *
 * @param tableRows the profielen of the overview table (name, mbo-niveau; code as printed there)
 * @param listedProfielen the profielen as listed under "Profieldeel" in the overview
 * @param entries the kerntaken and werkprocessen, in the overview's order
 */
record Overview(List<ProfielLine> tableRows, List<ProfielLine> listedProfielen, List<Entry> entries) {

	private static final Pattern TABLE_ROW = Pattern
		.compile("^(?:(P\\d{1,2})\\s+)?(\\S.*?)\\s+([1-4])(?:\\s*\\(\\d\\))?\\s+(?:Ja|Nee)(?:\\s.*)?$");

	private static final Pattern PROFIEL_LINE = Pattern.compile("^(P\\d{1,2})\\s+(\\S.*)$");

	private static final Pattern ENTRY_CODE = Pattern.compile("(?<![\\w-])(" + LineClassifier.CODE + ")\\s+");

	private static final Pattern PROFIELDEEL = Pattern.compile("^profieldeel$", Pattern.CASE_INSENSITIVE);

	/** A profiel as one line of the overview names it; {@code mboNiveau} may be {@code null}. */
	record ProfielLine(String code, String naam, Integer mboNiveau) {
	}

	/** A kerntaak or werkproces named in the overview; {@code profielNaam} is set under a profiel. */
	record Entry(String code, String titel, String profielNaam) {

		Entry withMoreTitle(String line) {
			return new Entry(this.code, new LineJoiner().add(this.titel).add(line).toString(), this.profielNaam);
		}

	}

	static Overview parse(List<String> lines) {
		List<ProfielLine> tableRows = new ArrayList<>();
		List<ProfielLine> listed = new ArrayList<>();
		List<Entry> entries = new ArrayList<>();
		boolean inListing = false;
		boolean afterEntry = false;
		String listingProfiel = null;
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			Matcher tableRow = TABLE_ROW.matcher(line);
			Matcher profielLine = PROFIEL_LINE.matcher(line);
			boolean isEntry = startsWithCode(line);
			if (PROFIELDEEL.matcher(line).matches()) {
				inListing = true;
			}
			else if (!inListing && !isEntry && tableRow.matches()) {
				Integer niveau = Integer.valueOf(tableRow.group(3));
				tableRows.add(new ProfielLine(tableRow.group(1), tableRow.group(2), niveau));
			}
			else if (isEntry) {
				entries.addAll(entries(line, inListing ? listingProfiel : null));
			}
			else if (profielLine.matches()) {
				listingProfiel = profielLine.group(2);
				listed.add(new ProfielLine(profielLine.group(1), listingProfiel, null));
			}
			else if (afterEntry && continuesTitle(line)) {
				entries.set(entries.size() - 1, entries.get(entries.size() - 1).withMoreTitle(line));
				continue;
			}
			afterEntry = isEntry;
		}
		return new Overview(tableRows, listed, entries);
	}

	private static boolean startsWithCode(String line) {
		Matcher matcher = ENTRY_CODE.matcher(line);
		return matcher.find() && matcher.start() == 0;
	}

	/** Splits a line that may hold several entries (table columns): "P1-K1 Title P1-K1-W1 Title". */
	private static List<Entry> entries(String line, String profielNaam) {
		List<Entry> entries = new ArrayList<>();
		Matcher matcher = ENTRY_CODE.matcher(line);
		List<int[]> bounds = new ArrayList<>();
		while (matcher.find()) {
			bounds.add(new int[] { matcher.start(1), matcher.end(1), matcher.end() });
		}
		for (int i = 0; i < bounds.size(); i++) {
			int end = (i + 1 < bounds.size()) ? bounds.get(i + 1)[0] : line.length();
			String code = line.substring(bounds.get(i)[0], bounds.get(i)[1]).toUpperCase(Locale.ROOT);
			String titel = line.substring(bounds.get(i)[2], end).strip();
			entries.add(new Entry(code, titel, code.startsWith("P") ? profielNaam : null));
		}
		return entries;
	}

	/** A wrapped title goes on in lower case ("informatiesystemen", "(onderdelen van)"). */
	private static boolean continuesTitle(String line) {
		char first = line.charAt(0);
		return Character.isLowerCase(first) || first == '(' || first == '/';
	}

}
