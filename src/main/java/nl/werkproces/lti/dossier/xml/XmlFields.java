package nl.werkproces.lti.dossier.xml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.w3c.dom.Element;

import nl.werkproces.lti.dossier.text.BulletListAssembler;
import nl.werkproces.lti.dossier.text.ClassifiedLine;
import nl.werkproces.lti.dossier.text.LineClassifier;
import nl.werkproces.lti.dossier.text.TextNormalizer;

/**
 * The field readings shared by the kerntaak and werkproces readers of SBB's XML: titles,
 * hoofdstuk numbers, paragraphs, bullets, references and the "…perprofiel" parts.
 */
final class XmlFields {

	private final XmlPerProfiel perProfiel;

	private final Consumer<String> warnings;

	XmlFields(SbbReferences references, Consumer<String> warnings) {
		this.perProfiel = new XmlPerProfiel(references);
		this.warnings = warnings;
	}

	String titel(Element element, String code) {
		String titel = XmlElements.attribute(element, "titel");
		if (titel == null) {
			this.warnings.accept(code + ": geen titel.");
			return "";
		}
		return TextNormalizer.normalizeLine(titel);
	}

	/** The element's hoofdstuk number, or its position when that is missing. */
	int number(Element element, int index) {
		String hoofdstuk = XmlElements.attribute(element, "hoofdstuk");
		if (hoofdstuk != null && hoofdstuk.matches("\\d{1,3}")) {
			return Integer.parseInt(hoofdstuk);
		}
		this.warnings.accept("\"" + XmlElements.attribute(element, "titel") + "\" heeft geen hoofdstuknummer; "
				+ (index + 1) + " (de volgorde) gebruikt.");
		return index + 1;
	}

	/** The element's own text with its paragraphs and lists ({@link TextBlock}); empty if the element is absent. */
	String paragraph(Optional<Element> element) {
		return element.map((e) -> MarkupText.structured(XmlElements.ownText(e))).orElse("");
	}

	String paragraph(XmlPerProfiel.Part part) {
		return (part != null) ? MarkupText.structured(part.text()) : "";
	}

	List<String> bullets(String text, String where) {
		List<ClassifiedLine> lines = MarkupText.lines(text).stream().map(LineClassifier::classify).toList();
		return BulletListAssembler.assemble(lines, where, this.warnings);
	}

	/**
	 * The perprofiel parts of an element, e.g. {@code werkprocesgedragperprofiel} of {@code werkprocesgedrag}.
	 * @param referenceNames the reference elements the parts may hold, e.g. {@code competentie}
	 */
	Map<String, XmlPerProfiel.Part> perProfiel(Optional<Element> owner, String name, Set<String> referenceNames) {
		return owner.map((element) -> this.perProfiel.read(element, name, referenceNames)).orElse(Map.of());
	}

	/** Text parts of an element, e.g. {@code werkprocesomschrijvingperprofiel}: no references allowed. */
	Map<String, XmlPerProfiel.Part> perProfiel(Optional<Element> owner, String name) {
		return perProfiel(owner, name, Set.of());
	}

	@SafeVarargs
	static Set<String> profielen(Map<String, XmlPerProfiel.Part>... parts) {
		Set<String> profielen = new LinkedHashSet<>();
		for (Map<String, XmlPerProfiel.Part> part : parts) {
			profielen.addAll(part.keySet());
		}
		return profielen;
	}

	/**
	 * The elements with a {@code referentie} attribute among the element and its descendants with one of the given
	 * names, in document order, leaving out perprofiel parts.
	 */
	static List<Element> referenties(Element element, Set<String> names) {
		List<Element> nrs = new ArrayList<>();
		if (names.contains(element.getTagName()) && XmlElements.attribute(element, "referentie") != null) {
			nrs.add(element);
		}
		for (Element child : XmlElements.children(element)) {
			if (!child.getTagName().endsWith("perprofiel")) {
				nrs.addAll(referenties(child, names));
			}
		}
		return nrs;
	}

}
