package nl.werkproces.lti.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.w3c.dom.Element;

/**
 * Reads one {@code kerntaak} element of SBB's XML (basisdeel or profiel) with its
 * {@code werkproces} elements. Codes are built from the {@code hoofdstuk} attributes (or the
 * position when it is missing): {@code B1-K1-W2}, {@code P2-K1-W3}.
 */
final class XmlKerntaakReader {

	private static final Set<String> COMPETENTIE_REFERENCES = Set.of("competentie");

	private static final Set<String> VAKKENNIS_REFERENCES = Set.of("vakkennisenvaardigheden", "kennisofvaardigheid",
			"categorie");

	private final SbbReferences references;

	private final XmlPerProfiel perProfiel;

	private final Consumer<String> warnings;

	XmlKerntaakReader(SbbReferences references, Consumer<String> warnings) {
		this.references = references;
		this.perProfiel = new XmlPerProfiel(references, warnings);
		this.warnings = warnings;
	}

	/** The kerntaken in a list element such as {@code basiskerntaken}, coded under the given part. */
	List<Kerntaak> kerntaken(Element list, String deelCode) {
		List<Kerntaak> kerntaken = new ArrayList<>();
		List<Element> elements = XmlElements.children(list, "kerntaak");
		for (int i = 0; i < elements.size(); i++) {
			String code = deelCode + "-K" + number(elements.get(i), i);
			kerntaken.add(kerntaak(elements.get(i), code));
		}
		return kerntaken;
	}

	private Kerntaak kerntaak(Element element, String code) {
		Optional<Element> complexiteit = XmlElements.child(element, "complexiteit");
		Optional<Element> verantwoordelijkheid = XmlElements.child(element, "verantwoordelijkheid");
		Optional<Element> vakkennis = XmlElements.child(element, "vakkennisenvaardigheden");
		Map<String, XmlPerProfiel.Part> complexiteitPer = perProfiel(complexiteit, "complexiteitperprofiel", code);
		Map<String, XmlPerProfiel.Part> verantwoordelijkheidPer = perProfiel(verantwoordelijkheid,
				"verantwoordelijkheidperprofiel", code);
		Map<String, XmlPerProfiel.Part> vakkennisPer = perProfiel(vakkennis, "vakkennisenvaardighedenperprofiel", code);
		Map<String, KerntaakAanvulling> aanvullingen = new LinkedHashMap<>();
		for (String profiel : profielen(complexiteitPer, verantwoordelijkheidPer, vakkennisPer)) {
			KerntaakAanvulling aanvulling = new KerntaakAanvulling(paragraph(complexiteitPer.get(profiel)),
					paragraph(verantwoordelijkheidPer.get(profiel)), vakkennis(vakkennisPer.get(profiel), code));
			if (!aanvulling.isEmpty()) {
				aanvullingen.put(profiel, aanvulling);
			}
		}
		List<String> vakkennisItems = vakkennis.map((list) -> vakkennis(list, code)).orElse(List.of());
		return new Kerntaak(code, titel(element, code), complexiteit.map(this::ownParagraph).orElse(""),
				verantwoordelijkheid.map(this::ownParagraph).orElse(""), vakkennisItems, aanvullingen,
				werkprocessen(element, code));
	}

	private List<Werkproces> werkprocessen(Element kerntaak, String kerntaakCode) {
		List<Werkproces> werkprocessen = new ArrayList<>();
		for (Element list : XmlElements.children(kerntaak)) {
			if (!list.getTagName().endsWith("werkprocessen")) {
				continue;
			}
			List<Element> elements = XmlElements.children(list, "werkproces");
			for (int i = 0; i < elements.size(); i++) {
				String code = kerntaakCode + "-W" + number(elements.get(i), i);
				werkprocessen.add(werkproces(elements.get(i), code));
			}
		}
		if (werkprocessen.isEmpty()) {
			this.warnings.accept(kerntaakCode + ": geen werkprocessen gevonden.");
		}
		return werkprocessen;
	}

	private Werkproces werkproces(Element element, String code) {
		Optional<Element> omschrijving = XmlElements.child(element, "werkprocesomschrijving");
		Optional<Element> resultaat = XmlElements.child(element, "werkprocesresultaat");
		Optional<Element> gedrag = XmlElements.child(element, "werkprocesgedrag");
		Optional<Element> competenties = XmlElements.child(element, "werkprocescompetenties");
		Map<String, XmlPerProfiel.Part> omschrijvingPer = perProfiel(omschrijving, "werkprocesomschrijvingperprofiel", code);
		Map<String, XmlPerProfiel.Part> resultaatPer = perProfiel(resultaat, "werkprocesresultaatperprofiel", code);
		Map<String, XmlPerProfiel.Part> gedragPer = perProfiel(gedrag, "werkprocesgedragperprofiel", code);
		Map<String, XmlPerProfiel.Part> competentiesPer = perProfiel(competenties, "werkprocescompetentiesperprofiel", code);
		Map<String, ProfielAanvulling> aanvullingen = new LinkedHashMap<>();
		for (String profiel : profielen(omschrijvingPer, resultaatPer, gedragPer, competentiesPer)) {
			ProfielAanvulling aanvulling = new ProfielAanvulling(paragraph(omschrijvingPer.get(profiel)),
					paragraph(resultaatPer.get(profiel)), gedrag(gedragPer.get(profiel), code),
					competenties(competentiesPer.get(profiel), code));
			if (!aanvulling.isEmpty()) {
				aanvullingen.put(profiel, aanvulling);
			}
		}
		List<String> gedragBullets = gedrag.map((e) -> bullets(XmlElements.ownText(e), code + " gedrag")).orElse(List.of());
		if (gedragBullets.isEmpty()) {
			this.warnings.accept(code + ": geen gedrag gevonden.");
		}
		return new Werkproces(code, titel(element, code), omschrijving.map(this::ownParagraph).orElse(""),
				resultaat.map(this::ownParagraph).orElse(""), gedragBullets,
				competenties.map((list) -> competentieRefs(list, code)).orElse(List.of()), aanvullingen);
	}

	private Map<String, XmlPerProfiel.Part> perProfiel(Optional<Element> owner, String name, String code) {
		return owner.map((element) -> this.perProfiel.read(element, name, code)).orElse(Map.of());
	}

	@SafeVarargs
	private static Set<String> profielen(Map<String, XmlPerProfiel.Part>... parts) {
		Set<String> profielen = new LinkedHashSet<>();
		for (Map<String, XmlPerProfiel.Part> part : parts) {
			profielen.addAll(part.keySet());
		}
		return profielen;
	}

	private String ownParagraph(Element element) {
		return MarkupText.paragraph(XmlElements.ownText(element));
	}

	private static String paragraph(XmlPerProfiel.Part part) {
		return (part != null) ? MarkupText.paragraph(part.text()) : "";
	}

	private List<String> gedrag(XmlPerProfiel.Part part, String code) {
		return (part != null) ? bullets(part.text(), code + " gedrag (per profiel)") : List.of();
	}

	private List<String> bullets(String text, String where) {
		return BulletListAssembler.assemble(MarkupText.lines(text).stream().map(LineClassifier::classify).toList(), where,
				this.warnings);
	}

	private List<String> competenties(XmlPerProfiel.Part part, String code) {
		if (part == null) {
			return List.of();
		}
		if (part.element() != null && !referenties(part.element(), COMPETENTIE_REFERENCES).isEmpty()) {
			return competentieRefs(part.element(), code);
		}
		return CompetentieList.split(MarkupText.lines(part.text()).stream().map(LineClassifier::classify).toList(),
				code + " competenties (per profiel)", this.warnings);
	}

	/** The competenties an element refers to, in order; the perprofiel part is not included. */
	private List<String> competentieRefs(Element list, String code) {
		List<String> names = new ArrayList<>();
		for (String nr : referenties(list, COMPETENTIE_REFERENCES)) {
			this.references.competentie(nr, code, this.warnings).ifPresent(names::add);
		}
		return names;
	}

	private List<String> vakkennis(XmlPerProfiel.Part part, String code) {
		if (part == null) {
			return List.of();
		}
		if (part.element() != null) {
			return vakkennis(part.element(), code);
		}
		return bullets(part.text(), code + " vakkennis en vaardigheden (per profiel)");
	}

	/** The items a vakkennisenvaardigheden element refers to (also in categories), without repeats. */
	private List<String> vakkennis(Element list, String code) {
		List<String> items = new ArrayList<>();
		for (String nr : referenties(list, VAKKENNIS_REFERENCES)) {
			this.references.kennisOfVaardigheid(nr, code, this.warnings).ifPresent(items::add);
		}
		List<String> unique = List.copyOf(new LinkedHashSet<>(items));
		if (unique.size() < items.size()) {
			this.warnings.accept(code + ": " + (items.size() - unique.size())
					+ " dubbele verwijzing(en) in vakkennis en vaardigheden overgeslagen.");
		}
		return unique;
	}

	/**
	 * The {@code referentie} attributes of the element and its descendants with one of the given
	 * names, in document order, leaving out perprofiel parts.
	 */
	private static List<String> referenties(Element element, Set<String> names) {
		List<String> nrs = new ArrayList<>();
		String nr = XmlElements.attribute(element, "referentie");
		if (names.contains(element.getTagName()) && nr != null) {
			nrs.add(nr);
		}
		for (Element child : XmlElements.children(element)) {
			if (!child.getTagName().endsWith("perprofiel")) {
				nrs.addAll(referenties(child, names));
			}
		}
		return nrs;
	}

	private String titel(Element element, String code) {
		String titel = XmlElements.attribute(element, "titel");
		if (titel == null) {
			this.warnings.accept(code + ": geen titel.");
			return "";
		}
		return TextNormalizer.normalizeLine(titel);
	}

	/** The element's hoofdstuk number, or its position when that is missing. */
	private int number(Element element, int index) {
		String hoofdstuk = XmlElements.attribute(element, "hoofdstuk");
		if (hoofdstuk != null && hoofdstuk.matches("\\d{1,3}")) {
			return Integer.parseInt(hoofdstuk);
		}
		this.warnings.accept("\"" + XmlElements.attribute(element, "titel") + "\" heeft geen hoofdstuknummer; "
				+ (index + 1) + " (de volgorde) gebruikt.");
		return index + 1;
	}

}
