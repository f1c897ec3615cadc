package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits clean dossier lines into the parts that are read differently: the overview (which
 * lists profielen, kerntaken and werkprocessen by title), the descriptions (from each "B1-K1:"
 * heading on) and the profieldeel (profiel headings with their mbo-niveau). The leeswijzer, the
 * typering of the beroepengroep and the generieke onderdelen are left out.
 *
 * @param overview the overview lines
 * @param descriptions the lines from the first kerntaak heading on, without the parts in between
 * @param profieldeel the profieldeel lines that are not descriptions
 */
record DocumentParts(List<String> overview, List<String> descriptions, List<String> profieldeel) {

	private static final Pattern OVERVIEW = Pattern.compile("^overzicht van het kwalificatiedossier$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern BASISDEEL = Pattern.compile("^basisdeel$", Pattern.CASE_INSENSITIVE);

	private static final Pattern GENERIEK = Pattern.compile("^(?:\\d+\\.\\s*)?generieke onderdelen$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PROFIELDEEL = Pattern.compile("^profieldeel$", Pattern.CASE_INSENSITIVE);

	private static final Pattern PROFIEL_HEADING = Pattern.compile("^P\\d{1,2}\\s+\\S.*$");

	private enum Part {

		PREAMBLE, OVERVIEW, BASISDEEL_INTRO, DESCRIPTION, GENERIEK, PROFIELDEEL

	}

	static boolean startsOverview(String line) {
		return OVERVIEW.matcher(line).matches();
	}

	static DocumentParts split(List<String> lines) {
		List<String> overview = new ArrayList<>();
		List<String> descriptions = new ArrayList<>();
		List<String> profieldeel = new ArrayList<>();
		Part part = Part.PREAMBLE;
		boolean inProfieldeel = false;
		for (String line : lines) {
			part = next(part, line, inProfieldeel);
			inProfieldeel = inProfieldeel || part == Part.PROFIELDEEL;
			switch (part) {
				case OVERVIEW -> overview.add(line);
				case DESCRIPTION -> descriptions.add(line);
				case PROFIELDEEL -> profieldeel.add(line);
				default -> {
					// leeswijzer, typering van de beroepengroep, generieke onderdelen
				}
			}
		}
		return new DocumentParts(overview, descriptions, profieldeel);
	}

	private static Part next(Part part, String line, boolean inProfieldeel) {
		if (startsOverview(line)) {
			return Part.OVERVIEW;
		}
		if (LineClassifier.isHeading(line)) {
			return Part.DESCRIPTION;
		}
		if (BASISDEEL.matcher(line).matches()) {
			return Part.BASISDEEL_INTRO;
		}
		if (GENERIEK.matcher(line).matches()) {
			return Part.GENERIEK;
		}
		boolean profieldeelStarts = PROFIELDEEL.matcher(line).matches() && part != Part.OVERVIEW;
		boolean nextProfiel = inProfieldeel && part == Part.DESCRIPTION && PROFIEL_HEADING.matcher(line).matches();
		return (profieldeelStarts || nextProfiel) ? Part.PROFIELDEEL : part;
	}

}
