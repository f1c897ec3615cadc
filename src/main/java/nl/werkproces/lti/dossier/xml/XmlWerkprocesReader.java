package nl.werkproces.lti.dossier.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.w3c.dom.Element;

import nl.werkproces.lti.dossier.ProfielAanvulling;
import nl.werkproces.lti.dossier.Werkproces;
import nl.werkproces.lti.dossier.text.CompetentieList;
import nl.werkproces.lti.dossier.text.LineClassifier;

/**
 * Reads the {@code werkproces} elements of an SBB XML kerntaak: omschrijving, resultaat, gedrag
 * bullets, competentie references resolved to names, and the additions per profiel.
 */
final class XmlWerkprocesReader {

	private static final Set<String> COMPETENTIE = Set.of("competentie");

	private final SbbReferences references;

	private final XmlFields fields;

	private final Consumer<String> warnings;

	XmlWerkprocesReader(SbbReferences references, XmlFields fields, Consumer<String> warnings) {
		this.references = references;
		this.fields = fields;
		this.warnings = warnings;
	}

	/** The werkprocessen in any "…werkprocessen" list of the kerntaak, coded under its code. */
	List<Werkproces> werkprocessen(Element kerntaak, String kerntaakCode) {
		List<Werkproces> werkprocessen = new ArrayList<>();
		for (Element list : XmlElements.children(kerntaak)) {
			if (!list.getTagName().endsWith("werkprocessen")) {
				continue;
			}
			List<Element> elements = XmlElements.children(list, "werkproces");
			for (int i = 0; i < elements.size(); i++) {
				String code = kerntaakCode + "-W" + this.fields.number(elements.get(i), i);
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
		List<String> gedragBullets = gedrag.map((e) -> this.fields.bullets(XmlElements.ownText(e), code + " gedrag"))
			.orElse(List.of());
		if (gedragBullets.isEmpty()) {
			this.warnings.accept(code + ": geen gedrag gevonden.");
		}
		return new Werkproces(code, this.fields.titel(element, code), this.fields.paragraph(omschrijving),
				this.fields.paragraph(resultaat), gedragBullets,
				competenties.map((list) -> competentieNamen(list, code)).orElse(List.of()),
				aanvullingen(omschrijving, resultaat, gedrag, competenties, code));
	}

	private Map<String, ProfielAanvulling> aanvullingen(Optional<Element> omschrijving, Optional<Element> resultaat,
			Optional<Element> gedrag, Optional<Element> competenties, String code) {
		var omschrijvingPer = this.fields.perProfiel(omschrijving, "werkprocesomschrijvingperprofiel");
		var resultaatPer = this.fields.perProfiel(resultaat, "werkprocesresultaatperprofiel");
		var gedragPer = this.fields.perProfiel(gedrag, "werkprocesgedragperprofiel");
		var competentiesPer = this.fields.perProfiel(competenties, "werkprocescompetentiesperprofiel", COMPETENTIE);
		Map<String, ProfielAanvulling> aanvullingen = new LinkedHashMap<>();
		for (String profiel : XmlFields.profielen(omschrijvingPer, resultaatPer, gedragPer, competentiesPer)) {
			XmlPerProfiel.Part gedragPart = gedragPer.get(profiel);
			ProfielAanvulling aanvulling = new ProfielAanvulling(this.fields.paragraph(omschrijvingPer.get(profiel)),
					this.fields.paragraph(resultaatPer.get(profiel)),
					(gedragPart != null) ? this.fields.bullets(gedragPart.text(), code + " gedrag (per profiel)")
							: List.of(),
					competenties(competentiesPer.get(profiel), code));
			if (!aanvulling.isEmpty()) {
				aanvullingen.put(profiel, aanvulling);
			}
		}
		return aanvullingen;
	}

	/** A profiel's added competenties: those its elements refer to, then those its text names. */
	private List<String> competenties(XmlPerProfiel.Part part, String code) {
		if (part == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		part.elements().forEach((element) -> names.addAll(competentieNamen(element, code)));
		names.addAll(CompetentieList.split(
				MarkupText.lines(part.text()).stream().map(LineClassifier::classify).toList(),
				code + " competenties (per profiel)", this.warnings));
		return names;
	}

	/** The competenties an element refers to, in order; perprofiel parts are not included. */
	private List<String> competentieNamen(Element list, String code) {
		List<String> names = new ArrayList<>();
		for (Element reference : XmlFields.referenties(list, COMPETENTIE)) {
			names.add(this.references.competentie(reference));
		}
		return names;
	}

}
