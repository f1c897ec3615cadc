package nl.werkproces.lti.dossier.text;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a kerntaak and a werkproces, as headed in the dossier.
 */
enum Section {

	COMPLEXITEIT(false), VERANTWOORDELIJKHEID(false), VAKKENNIS(false),

	OMSCHRIJVING(true), RESULTAAT(true), GEDRAG(true), COMPETENTIES(true);

	private static final Map<String, Section> HEADINGS = Map.of("complexiteit", COMPLEXITEIT,
			"verantwoordelijkheid en zelfstandigheid", VERANTWOORDELIJKHEID, "vakkennis en vaardigheden", VAKKENNIS,
			"omschrijving", OMSCHRIJVING, "resultaat", RESULTAAT, "gedrag", GEDRAG);

	private static final int MAX_HEADING_LENGTH = 45;

	private final boolean ofWerkproces;

	Section(boolean ofWerkproces) {
		this.ofWerkproces = ofWerkproces;
	}

	/** Whether this section belongs to a werkproces (rather than to a kerntaak). */
	boolean isOfWerkproces() {
		return this.ofWerkproces;
	}

	/** The section a line heads, e.g. "Gedrag" or "Vakkennis en vaardigheden:". */
	static Optional<Section> headedBy(String line) {
		if (line.length() > MAX_HEADING_LENGTH) {
			return Optional.empty();
		}
		String key = line.toLowerCase(Locale.ROOT);
		key = key.endsWith(":") ? key.substring(0, key.length() - 1).strip() : key;
		return Optional.ofNullable(HEADINGS.get(key));
	}

}
