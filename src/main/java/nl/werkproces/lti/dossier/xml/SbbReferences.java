package nl.werkproces.lti.dossier.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Element;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.text.TextNormalizer;

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

	/**
	 * The competentie a {@code referentie} element points to.
	 * @throws DossierFormatException if the export does not define it
	 */
	String competentie(Element reference) {
		return resolve(this.competenties, reference, "competentie", "competentie");
	}

	/**
	 * The kennis-of-vaardigheid (or else the category of them) a {@code referentie} element points to.
	 * @throws DossierFormatException if the dossier defines neither
	 */
	String kennisOfVaardigheid(Element reference) {
		String nr = XmlElements.attribute(reference, "referentie");
		if (nr != null && this.categorieen.containsKey(nr)) {
			return this.categorieen.get(nr);
		}
		return resolve(this.kennisEnVaardigheden, reference, "kennis of vaardigheid", "kennis-of-vaardigheid");
	}

	/** The name of the profiel with the given nr, if it is one. */
	Optional<String> profielNaam(String nr) {
		return Optional.ofNullable((nr != null) ? this.profielen.get(nr) : null);
	}

	Iterable<String> profielNamen() {
		return this.profielen.values();
	}

	private static String resolve(Map<String, String> titles, Element reference, String dutchWhat,
			String englishWhat) {
		String nr = XmlElements.attribute(reference, "referentie");
		String titel = (nr != null) ? titles.get(nr) : null;
		if (titel == null) {
			String path = XmlElements.path(reference);
			throw new DossierFormatException(Reason.XML_UNKNOWN_REFERENCE,
					"Het XML-bestand verwijst naar " + dutchWhat + " " + nr + " (" + path
							+ "), die het niet definieert; het dossier is geweigerd zodat er geen inhoud verloren gaat.",
					"Reference to " + englishWhat + " " + nr + " at " + path + " is not defined; refused.", path);
		}
		return titel;
	}

}
