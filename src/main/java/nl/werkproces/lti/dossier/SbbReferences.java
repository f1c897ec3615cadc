package nl.werkproces.lti.dossier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.w3c.dom.Element;

/**
 * What the references in SBB's XML point to, by {@code nr}: competenties (in
 * {@code sbb/competenties}), kennis en vaardigheden and their categories (in the dossier), and
 * the dossier's profielen.
 */
final class SbbReferences {

	private final Map<String, String> competenties;

	private final Map<String, String> kennisEnVaardigheden;

	private final Map<String, String> categorieen;

	private final Map<String, String> profielen;

	private SbbReferences(Map<String, String> competenties, Map<String, String> kennisEnVaardigheden,
			Map<String, String> categorieen, Map<String, String> profielen) {
		this.competenties = competenties;
		this.kennisEnVaardigheden = kennisEnVaardigheden;
		this.categorieen = categorieen;
		this.profielen = profielen;
	}

	static SbbReferences of(Element sbb, Element dossier) {
		Map<String, String> kennis = titlesByNr(sbb, "kennisenvaardigheden", "kennisofvaardigheid");
		kennis.putAll(titlesByNr(dossier, "kennisenvaardigheden", "kennisofvaardigheid"));
		return new SbbReferences(titlesByNr(sbb, "competenties", "competentie"), kennis,
				titlesByNr(dossier, "categoriekennisenvaardigheden", "categorie"),
				titlesByNr(dossier, "profielen", "profiel"));
	}

	private static Map<String, String> titlesByNr(Element parent, String listName, String itemName) {
		Map<String, String> titles = new LinkedHashMap<>();
		XmlElements.child(parent, listName)
			.ifPresent((list) -> XmlElements.children(list, itemName).forEach((item) -> {
				String nr = XmlElements.attribute(item, "nr");
				String titel = XmlElements.attribute(item, "titel");
				if (nr != null && titel != null) {
					titles.put(nr, TextNormalizer.normalizeLine(titel));
				}
			}));
		return titles;
	}

	Optional<String> competentie(String nr, String where, Consumer<String> warnings) {
		return resolve(this.competenties, nr, where, "competentie", warnings);
	}

	/** A kennis-of-vaardigheid, or else a category of them. */
	Optional<String> kennisOfVaardigheid(String nr, String where, Consumer<String> warnings) {
		if (nr != null && this.categorieen.containsKey(nr)) {
			return Optional.of(this.categorieen.get(nr));
		}
		return resolve(this.kennisEnVaardigheden, nr, where, "vakkennis en vaardigheden", warnings);
	}

	/** The name of the profiel with the given nr, if it is one. */
	Optional<String> profielNaam(String nr) {
		return Optional.ofNullable((nr != null) ? this.profielen.get(nr) : null);
	}

	Iterable<String> profielNamen() {
		return this.profielen.values();
	}

	private static Optional<String> resolve(Map<String, String> titles, String nr, String where, String what,
			Consumer<String> warnings) {
		String titel = (nr != null) ? titles.get(nr) : null;
		if (titel == null) {
			warnings.accept(where + ": onbekende verwijzing naar " + what + " " + nr + " overgeslagen.");
		}
		return Optional.ofNullable(titel);
	}

}
