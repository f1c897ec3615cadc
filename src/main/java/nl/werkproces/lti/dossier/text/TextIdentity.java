package nl.werkproces.lti.dossier.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity a dossier text states about itself: title, crebo, versie and geldig vanaf, taken
 * from the cover page, the leeswijzer and running headers or footers. Any part may be
 * {@code null}.
 */
record TextIdentity(String titel, String crebo, String versie, LocalDate geldigVanaf) {

	private static final Pattern TITLE = Pattern
		.compile("^Kwalificatiedossier(?:\\s+mbo)?\\s*[:\\-\u2013]?\\s*(.*)$");

	private static final Pattern TITLE_END = Pattern.compile(
			"\\s*(?:[,(|\u2013]|\\s-\\s)?\\s*\\b(?:crebo|versie|geldig|cohort|pagina)\\b.*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern CREBO = Pattern
		.compile("\\bcrebo(?:nummer|code|-?nr\\.?)?\\s*:?\\s*(\\d{5})\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern VERSIE = Pattern
		.compile("\\bversie\\s*:?\\s*(\\d{1,4}(?:[.-]\\d{1,4})?)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern GELDIG_VANAF = Pattern.compile("\\bgeldig\\s+(?:vanaf|per|m\\.?i\\.?v\\.?)\\s*:?\\s*"
			+ "(\\d{1,2})[-\\s./]+(\\d{1,2}|[a-z]+)[-\\s./]+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("januari", 1),
			Map.entry("februari", 2), Map.entry("maart", 3), Map.entry("april", 4), Map.entry("mei", 5),
			Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("augustus", 8), Map.entry("september", 9),
			Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("december", 12));

	/**
	 * Reads the identity from the lines before the overview (cover, leeswijzer) and from every
	 * line that names the kwalificatiedossier (running headers and footers).
	 */
	static TextIdentity read(List<String> lines) {
		String titel = null;
		String crebo = null;
		String versie = null;
		LocalDate geldigVanaf = null;
		boolean beforeOverview = true;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			beforeOverview = beforeOverview && !DocumentParts.startsOverview(line);
			if (!beforeOverview && !line.toLowerCase(Locale.ROOT).contains("kwalificatiedossier")) {
				continue;
			}
			titel = (titel != null) ? titel : titel(lines, i);
			crebo = (crebo != null) ? crebo : group(CREBO, line);
			versie = (versie != null) ? versie : group(VERSIE, line);
			geldigVanaf = (geldigVanaf != null) ? geldigVanaf : date(line);
		}
		return new TextIdentity(titel, crebo, versie, geldigVanaf);
	}

	private static String titel(List<String> lines, int index) {
		Matcher matcher = TITLE.matcher(lines.get(index));
		if (!matcher.matches()) {
			return null;
		}
		// "Kwalificatiedossier" alone on the cover: the title is on the next line.
		String printed = matcher.group(1).isBlank() ? nextContentLine(lines, index) : matcher.group(1);
		String titel = TITLE_END.matcher(printed).replaceFirst("").strip();
		boolean titleLike = titel.length() >= 3 && titel.length() <= 80 && !titel.endsWith(".")
				&& !Character.isLowerCase(titel.charAt(0));
		return titleLike ? titel : null;
	}

	private static String nextContentLine(List<String> lines, int index) {
		for (int i = index + 1; i < lines.size() && i <= index + 3; i++) {
			if (!lines.get(i).isBlank()) {
				return lines.get(i);
			}
		}
		return "";
	}

	private static String group(Pattern pattern, String line) {
		Matcher matcher = pattern.matcher(line);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static LocalDate date(String line) {
		Matcher matcher = GELDIG_VANAF.matcher(line);
		if (!matcher.find()) {
			return null;
		}
		String month = matcher.group(2).toLowerCase(Locale.ROOT);
		Integer monthNumber = month.chars().allMatch(Character::isDigit) ? Integer.valueOf(month) : MONTHS.get(month);
		if (monthNumber == null) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(matcher.group(3)), monthNumber, Integer.parseInt(matcher.group(1)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
