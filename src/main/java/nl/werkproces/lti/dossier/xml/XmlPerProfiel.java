package nl.werkproces.lti.dossier.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Element;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.text.ClassifiedLine.Kind;
import nl.werkproces.lti.dossier.text.ClassifiedLine;
import nl.werkproces.lti.dossier.text.LineClassifier;

/**
 * Reads the "…perprofiel" part of an SBB XML element: what each profiel adds to a kerntaak or werkproces. Three
 * forms, in any mix:
 * <ul>
 * <li>SBB's list form: {@code <aanvullend><profiel referentie="nr"/><omschrijving>…</omschrijving></aanvullend>}
 * (the content element is {@code complexiteit}, {@code verantwoordelijkheid} or
 * {@code vakkennisenvaardighedenonderdelen} in a kerntaak); empty content means nothing for that profiel;</li>
 * <li>child elements that refer to a profiel themselves ({@code <profiel referentie="nr">…</profiel>});</li>
 * <li>text with "Voor &lt;profiel&gt; geldt aanvullend:" lines as in the PDF.</li>
 * </ul>
 * Several parts for one profiel are joined in document order. Anything else, and a reference to a profiel the dossier
 * does not define, refuses the import: an addition is never dropped silently.
 */
final class XmlPerProfiel {

	/** The attributes by which an addition names its profiel, in the order they are tried. */
	static final List<String> PROFIEL_ATTRIBUTE_ORDER = List.of("profiel", "profielreferentie", "referentie");

	static final Set<String> PROFIEL_ATTRIBUTES = Set.copyOf(PROFIEL_ATTRIBUTE_ORDER);

	private static final Map<String, String> CONTENT = Map.of("complexiteitperprofiel", "complexiteit",
			"verantwoordelijkheidperprofiel", "verantwoordelijkheid", "vakkennisenvaardighedenperprofiel",
			"vakkennisenvaardighedenonderdelen");

	private static final String OMSCHRIJVING = "omschrijving";

	private final SbbReferences references;

	XmlPerProfiel(SbbReferences references) {
		this.references = references;
	}

	/**
	 * One profiel's part: its text and the elements that may hold references (competenties, vakkennis).
	 *
	 * @param text the text, blank when there is none
	 * @param elements the content elements, in document order
	 */
	record Part(String text, List<Element> elements) {

		Part {
			elements = List.copyOf(elements);
		}

		private Part join(Part other) {
			List<Element> all = new ArrayList<>(this.elements);
			all.addAll(other.elements);
			return new Part(this.text.isBlank() ? other.text : this.text + "\n" + other.text, all);
		}

	}

	/**
	 * The parts per profiel name.
	 * @param owner the element holding the perprofiel element, e.g. {@code werkprocesgedrag}
	 * @param name the perprofiel element's name, e.g. {@code werkprocesgedragperprofiel}
	 * @param referenceNames the names of reference elements the parts may hold, e.g. {@code competentie}
	 * @throws DossierFormatException when a part is in an unknown form or names an unknown profiel
	 */
	Map<String, Part> read(Element owner, String name, Set<String> referenceNames) {
		Map<String, Part> parts = new LinkedHashMap<>();
		Optional<Element> perProfiel = XmlElements.child(owner, name);
		if (perProfiel.isEmpty()) {
			return parts;
		}
		for (Element child : XmlElements.children(perProfiel.get())) {
			if ("aanvullend".equals(child.getTagName())) {
				readAanvullend(child, name, referenceNames, parts);
			}
			else {
				String profiel = profielOf(child).orElseThrow(() -> SbbXmlStructure.unknown(child));
				checkReferencesOnly(child, referenceNames);
				add(parts, profiel, new Part(XmlElements.ownText(child), List.of(child)));
			}
		}
		readTextForm(perProfiel.get(), parts);
		return parts;
	}

	/** {@code <aanvullend><profiel referentie="…"/><omschrijving>…</omschrijving></aanvullend>}. */
	private void readAanvullend(Element aanvullend, String name, Set<String> referenceNames, Map<String, Part> parts) {
		List<Element> profielen = XmlElements.children(aanvullend, "profiel");
		if (profielen.size() != 1) {
			throw new DossierFormatException(Reason.XML_UNKNOWN_REFERENCE,
					"Een aanvulling (" + XmlElements.path(aanvullend) + ") noemt " + profielen.size()
							+ " profielen in plaats van één; het dossier is geweigerd.",
					"An addition at " + XmlElements.path(aanvullend) + " names " + profielen.size()
							+ " profielen instead of one; refused.",
					XmlElements.path(aanvullend));
		}
		Element reference = profielen.get(0);
		String profiel = profielOf(reference).orElseThrow(() -> unknownProfiel(reference));
		if (!XmlElements.children(reference).isEmpty() || !XmlElements.ownText(reference).isBlank()) {
			throw SbbXmlStructure.unknown(XmlElements.children(reference).stream().findFirst().orElse(reference));
		}
		String contentName = CONTENT.getOrDefault(name, OMSCHRIJVING);
		StringBuilder text = new StringBuilder(XmlElements.ownText(aanvullend));
		List<Element> content = new ArrayList<>();
		for (Element child : XmlElements.children(aanvullend)) {
			String childName = child.getTagName();
			if (childName.equals(contentName) || childName.equals(OMSCHRIJVING)) {
				checkReferencesOnly(child, referenceNames);
				text.append('\n').append(XmlElements.ownText(child));
				content.add(child);
			}
			else if (referenceNames.contains(childName)) {
				content.add(child);
			}
			else if (child != reference) {
				throw SbbXmlStructure.unknown(child);
			}
		}
		add(parts, profiel, new Part(text.toString().strip(), content));
	}

	private static void checkReferencesOnly(Element content, Set<String> referenceNames) {
		for (Element child : XmlElements.children(content)) {
			if (!referenceNames.contains(child.getTagName()) || !XmlElements.children(child).isEmpty()) {
				throw SbbXmlStructure.unknown(child);
			}
		}
	}

	private static void add(Map<String, Part> parts, String profiel, Part part) {
		if (part.text().isBlank() && part.elements().stream().allMatch((e) -> XmlElements.children(e).isEmpty())) {
			return;
		}
		parts.merge(profiel, part, Part::join);
	}

	private Optional<String> profielOf(Element element) {
		for (String attribute : PROFIEL_ATTRIBUTE_ORDER) {
			Optional<String> naam = this.references.profielNaam(XmlElements.attribute(element, attribute));
			if (naam.isPresent()) {
				return naam;
			}
		}
		return Optional.empty();
	}

	private static DossierFormatException unknownProfiel(Element reference) {
		String path = XmlElements.path(reference);
		String nr = XmlElements.attribute(reference, "referentie");
		return new DossierFormatException(Reason.XML_UNKNOWN_REFERENCE,
				"De aanvulling bij " + path + " verwijst naar profiel " + nr
						+ ", dat niet in de profielen van het dossier staat; het dossier is geweigerd.",
				"The addition at " + path + " refers to profiel " + nr + ", which the dossier does not define; refused.",
				path);
	}

	/** Reads "Voor X geldt aanvullend:" blocks in the element's own text; refuses text it cannot place. */
	private void readTextForm(Element perProfiel, Map<String, Part> parts) {
		String text = XmlElements.ownText(perProfiel);
		if (text.isBlank()) {
			return;
		}
		String profiel = null;
		StringBuilder block = new StringBuilder();
		for (String line : MarkupText.lines(text)) {
			ClassifiedLine classified = LineClassifier.classify(line);
			if (classified.kind() == Kind.AANVULLEND) {
				addBlock(parts, profiel, block);
				profiel = knownProfiel(classified.text());
				if (profiel == null) {
					throw unplaced(perProfiel, "profiel \"" + classified.text() + "\" is onbekend",
							"profiel \"" + classified.text() + "\" is unknown");
				}
				block.setLength(0);
			}
			else if (profiel != null) {
				block.append(line).append('\n');
			}
			else if (!line.isBlank()) {
				throw unplaced(perProfiel, "de tekst noemt geen profiel (\"Voor … geldt aanvullend:\")",
						"the text names no profiel (\"Voor … geldt aanvullend:\")");
			}
		}
		addBlock(parts, profiel, block);
	}

	private static DossierFormatException unplaced(Element perProfiel, String dutch, String english) {
		String path = XmlElements.path(perProfiel);
		return new DossierFormatException(Reason.XML_UNKNOWN_ELEMENT,
				"De aanvulling per profiel in " + path + " kan niet worden ingelezen: " + dutch
						+ "; het dossier is geweigerd zodat er geen inhoud verloren gaat.",
				"The addition per profiel at " + path + " cannot be read: " + english + "; refused.", path);
	}

	private static void addBlock(Map<String, Part> parts, String profiel, StringBuilder block) {
		if (profiel != null && !block.toString().isBlank()) {
			parts.merge(profiel, new Part(block.toString(), List.of()), Part::join);
		}
	}

	private String knownProfiel(String writtenNaam) {
		for (String naam : this.references.profielNamen()) {
			if (naam.toLowerCase(Locale.ROOT).equals(writtenNaam.toLowerCase(Locale.ROOT))) {
				return naam;
			}
		}
		return null;
	}

}
