package nl.werkproces.lti.dossier.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.w3c.dom.Element;

import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.KerntaakAanvulling;

/**
 * Reads the {@code kerntaak} elements of SBB's XML (basisdeel or profiel) with their
 * werkprocessen. Codes are built from the {@code hoofdstuk} attributes (or the position when it
 * is missing): {@code B1-K1-W2}, {@code P2-K1-W3}.
 */
final class XmlKerntaakReader {

	private static final Set<String> VAKKENNIS = Set.of("vakkennisenvaardigheden", "kennisofvaardigheid", "categorie");

	private final SbbReferences references;

	private final XmlFields fields;

	private final XmlWerkprocesReader werkprocesReader;

	private final Consumer<String> warnings;

	XmlKerntaakReader(SbbReferences references, Consumer<String> warnings) {
		this.references = references;
		this.fields = new XmlFields(references, warnings);
		this.werkprocesReader = new XmlWerkprocesReader(references, this.fields, warnings);
		this.warnings = warnings;
	}

	/** The kerntaken in a list element such as {@code basiskerntaken}, coded under the given part. */
	List<Kerntaak> kerntaken(Element list, String deelCode) {
		List<Kerntaak> kerntaken = new ArrayList<>();
		List<Element> elements = XmlElements.children(list, "kerntaak");
		for (int i = 0; i < elements.size(); i++) {
			String code = deelCode + "-K" + this.fields.number(elements.get(i), i);
			kerntaken.add(kerntaak(elements.get(i), code));
		}
		return kerntaken;
	}

	private Kerntaak kerntaak(Element element, String code) {
		Optional<Element> complexiteit = XmlElements.child(element, "complexiteit");
		Optional<Element> verantwoordelijkheid = XmlElements.child(element, "verantwoordelijkheid");
		Optional<Element> vakkennis = XmlElements.child(element, "vakkennisenvaardigheden");
		return new Kerntaak(code, this.fields.titel(element, code), this.fields.paragraph(complexiteit),
				this.fields.paragraph(verantwoordelijkheid),
				vakkennis.map((list) -> vakkennis(list, code)).orElse(List.of()),
				aanvullingen(complexiteit, verantwoordelijkheid, vakkennis, code),
				this.werkprocesReader.werkprocessen(element, code));
	}

	private Map<String, KerntaakAanvulling> aanvullingen(Optional<Element> complexiteit,
			Optional<Element> verantwoordelijkheid, Optional<Element> vakkennis, String code) {
		var complexiteitPer = this.fields.perProfiel(complexiteit, "complexiteitperprofiel");
		var verantwoordelijkheidPer = this.fields.perProfiel(verantwoordelijkheid, "verantwoordelijkheidperprofiel");
		var vakkennisPer = this.fields.perProfiel(vakkennis, "vakkennisenvaardighedenperprofiel", VAKKENNIS);
		Map<String, KerntaakAanvulling> aanvullingen = new LinkedHashMap<>();
		for (String profiel : XmlFields.profielen(complexiteitPer, verantwoordelijkheidPer, vakkennisPer)) {
			KerntaakAanvulling aanvulling = new KerntaakAanvulling(this.fields.paragraph(complexiteitPer.get(profiel)),
					this.fields.paragraph(verantwoordelijkheidPer.get(profiel)),
					vakkennis(vakkennisPer.get(profiel), code));
			if (!aanvulling.isEmpty()) {
				aanvullingen.put(profiel, aanvulling);
			}
		}
		return aanvullingen;
	}

	/** A profiel's added vakkennis: the items its elements refer to, then its text's bullets. */
	private List<String> vakkennis(XmlPerProfiel.Part part, String code) {
		if (part == null) {
			return List.of();
		}
		List<String> items = new ArrayList<>();
		part.elements().forEach((element) -> items.addAll(vakkennis(element, code)));
		items.addAll(this.fields.bullets(part.text(), code + " vakkennis en vaardigheden (per profiel)"));
		return items;
	}

	/** The items a vakkennisenvaardigheden element refers to (also in categories), without repeats. */
	private List<String> vakkennis(Element list, String code) {
		List<String> items = new ArrayList<>();
		for (Element reference : XmlFields.referenties(list, VAKKENNIS)) {
			items.add(this.references.kennisOfVaardigheid(reference));
		}
		List<String> unique = List.copyOf(new LinkedHashSet<>(items));
		if (unique.size() < items.size()) {
			this.warnings.accept(code + ": " + (items.size() - unique.size())
					+ " dubbele verwijzing(en) in vakkennis en vaardigheden overgeslagen.");
		}
		return unique;
	}

}
