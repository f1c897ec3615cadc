package nl.werkproces.lti.dossier.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;

/**
 * The elements of SBB's XML export that {@link DossierXmlParser} reads, and those it knows to be irrelevant for the
 * catalog and rubrics (cover page, introduction, typering, verantwoordingsinformatie, …). Any other element, a
 * repeated element the reader takes only once, or text where the reader expects none refuses the import
 * ({@link Reason#XML_UNKNOWN_ELEMENT}, naming the place), so that no content is lost silently. Likewise every
 * attribute of an element that is read must be one the reader reads or one known to be irrelevant (SBB's internal
 * numbers, instroom dates, status, …: listed in the report as {@code …/@name}); any other refuses the import
 * ({@link Reason#XML_UNKNOWN_ATTRIBUTE}). Namespace declarations and {@code xsi:} attributes are irrelevant. The
 * elements inside "…perprofiel" elements are checked by {@link XmlPerProfiel}, which reads them; their attributes
 * here.
 */
final class SbbXmlStructure {

	/** A known element: what it may contain, and whether its own text is read. */
	private record Rule(Map<String, String> children, Set<String> repeatable, boolean text) {
	}

	private static final String IGNORED = "ignored";

	private static final String PER_PROFIEL = "perprofiel";

	private static final String LEAF = "leaf";

	private static final String TEXT = "text";

	private static final Map<String, Rule> RULES = Map.ofEntries(
			rule("sbb", Map.of("domeinen", IGNORED, "sectorkamers", IGNORED, "competenties", "competenties", "dossiers",
					"dossiers", "kennisenvaardigheden", "kennislijst")),
			rule("competenties", Map.of("competentie", LEAF), "competentie"),
			rule("dossiers", Map.of("dossier", "dossier"), "dossier"),
			rule("dossier",
					Map.of("dossiercrebos", "dossiercrebos", "kennisenvaardigheden", "kennislijst",
							"categoriekennisenvaardigheden", "categorielijst", "voorblad", IGNORED, "inleiding", IGNORED,
							"basis", "basis", "profielen", "profielen", "verantwoordingsinformatie", IGNORED)),
			rule("dossiercrebos", Map.of("dossiercrebo", TEXT), "dossiercrebo"),
			rule("kennislijst", Map.of("kennisofvaardigheid", LEAF), "kennisofvaardigheid"),
			rule("categorielijst", Map.of("categorie", LEAF), "categorie"),
			rule("basis", Map.of("typeringberoepengroep", IGNORED, "basistaken", "basistaken")),
			rule("basistaken", Map.of("basiskerntaken", "kerntaken", "generieke_onderdelen", IGNORED)),
			rule("kerntaken", Map.of("kerntaak", "kerntaak"), "kerntaak"),
			rule("profielen", Map.of("profiel", "profiel"), "profiel"),
			rule("profiel", Map.of("omschrijving", IGNORED, "creboinformatie", "creboinformatie", "profielkerntaken",
					"kerntaken")),
			rule("creboinformatie", Map.of("crebo", TEXT), "crebo"),
			rule("kerntaak",
					Map.of("complexiteit", "complexiteit", "verantwoordelijkheid", "verantwoordelijkheid",
							"vakkennisenvaardigheden", "vakkennis", "basiswerkprocessen", "werkprocessen",
							"profielwerkprocessen", "werkprocessen")),
			textRule("complexiteit", Map.of("complexiteitperprofiel", PER_PROFIEL)),
			textRule("verantwoordelijkheid", Map.of("verantwoordelijkheidperprofiel", PER_PROFIEL)),
			rule("vakkennis",
					Map.of("vakkennisenvaardigheden", LEAF, "vakkennisenvaardighedenperprofiel", PER_PROFIEL,
							"vakkennisenvaardigheden_met_categorie", "vakkennismetcategorie"),
					"vakkennisenvaardigheden"),
			rule("vakkennismetcategorie", Map.of("categorie", "vakkenniscategorie", "vakkennisenvaardigheden", LEAF,
					"kennisofvaardigheid", LEAF), "categorie", "vakkennisenvaardigheden", "kennisofvaardigheid"),
			rule("vakkenniscategorie", Map.of("vakkennisenvaardigheden", LEAF, "kennisofvaardigheid", LEAF),
					"vakkennisenvaardigheden", "kennisofvaardigheid"),
			rule("werkprocessen", Map.of("werkproces", "werkproces"), "werkproces"),
			rule("werkproces",
					Map.of("werkprocesomschrijving", "werkprocesomschrijving", "werkprocesresultaat",
							"werkprocesresultaat", "werkprocesgedrag", "werkprocesgedrag", "werkprocescompetenties",
							"werkprocescompetenties")),
			textRule("werkprocesomschrijving", Map.of("werkprocesomschrijvingperprofiel", PER_PROFIEL)),
			textRule("werkprocesresultaat", Map.of("werkprocesresultaatperprofiel", PER_PROFIEL)),
			textRule("werkprocesgedrag", Map.of("werkprocesgedragperprofiel", PER_PROFIEL)),
			rule("werkprocescompetenties",
					Map.of("competentie", LEAF, "werkprocescompetentiesperprofiel", PER_PROFIEL), "competentie"),
			rule(LEAF, Map.of()), textRule(TEXT, Map.of()));

	/** The attributes of an element: those the reader reads, and those known to be irrelevant. */
	private record Attributes(Set<String> read, Set<String> irrelevant) {
	}

	private static final Set<String> CREBO_FACTS = Set.of("Datum_einde_instroom", "Datum_einde_opleiding", "ministerie",
			"prijsfactor");

	/** By element name; an element without an entry has no attributes. */
	private static final Map<String, Attributes> ATTRIBUTES = Map.ofEntries(
			attributes("competentie", Set.of("nr", "titel", "referentie"), Set.of("code")),
			attributes("dossier", Set.of("titel", "nr", "versie"),
					Set.of("status", "positief_advies_toetsingskamer", "referentiedomein", "referentievorigeversie",
							"wettelijkeberoepsvereisten")),
			attributes("dossiercrebo", Set.of("Geldig_vanaf"), CREBO_FACTS),
			attributes("crebo", Set.of(), union(CREBO_FACTS, Set.of("Geldig_vanaf"))),
			attributes("kennisofvaardigheid", Set.of("nr", "titel", "referentie"), Set.of()),
			attributes("categorie", Set.of("nr", "titel", "referentie"), Set.of()),
			attributes("profiel", Set.of("titel", "hoofdstuk", "niveau", "nr"), Set.of("beroepsgroep", "referentie")),
			attributes("kerntaak", Set.of("titel", "hoofdstuk"), Set.of("nr")),
			attributes("werkproces", Set.of("titel", "hoofdstuk"), Set.of("nr")),
			attributes("vakkennisenvaardigheden", Set.of("referentie"), Set.of()),
			// headings of lists ("Basisdeel", "Profielen", …)
			heading("competenties"), heading("dossiers"), heading("dossiercrebos"), heading("kennisenvaardigheden"),
			heading("categoriekennisenvaardigheden"), heading("basis"), heading("basistaken"),
			heading("basiskerntaken"), heading("profielkerntaken"), heading("profielen"), heading("creboinformatie"),
			heading("basiswerkprocessen"), heading("profielwerkprocessen"),
			heading("vakkennisenvaardigheden_met_categorie"));

	/** Inside "…perprofiel": how an addition names its profiel ({@link XmlPerProfiel}). */
	private static final Attributes PROFIEL_REFERENCE = new Attributes(XmlPerProfiel.PROFIEL_ATTRIBUTES, Set.of());

	private SbbXmlStructure() {
	}

	/**
	 * Checks a whole export (iteratively: the depth is already limited by {@link XmlLimits}).
	 * @param sbb the root element
	 * @return the elements known to be irrelevant that the export holds, as paths without positions, in document
	 * order (e.g. {@code sbb/dossiers/dossier/voorblad})
	 * @throws DossierFormatException when an element is unknown, repeated, or holds unexpected text
	 */
	static List<String> check(Element sbb) {
		Set<String> ignored = new LinkedHashSet<>();
		Deque<Element> elements = new ArrayDeque<>();
		Deque<String> roles = new ArrayDeque<>();
		elements.push(sbb);
		roles.push("sbb");
		while (!elements.isEmpty()) {
			Element element = elements.pop();
			Rule rule = RULES.get(roles.pop());
			checkText(element, rule);
			checkAttributes(element, ATTRIBUTES.get(element.getTagName()), ignored);
			Set<String> seen = new HashSet<>();
			Deque<Element> next = new ArrayDeque<>();
			Deque<String> nextRoles = new ArrayDeque<>();
			for (Element child : XmlElements.children(element)) {
				String name = child.getTagName();
				String role = rule.children().get(name);
				if (role == null) {
					throw unknown(child);
				}
				if (!seen.add(name) && !rule.repeatable().contains(name)) {
					throw repeated(child);
				}
				if (IGNORED.equals(role)) {
					ignored.add(XmlElements.path(child).replaceAll("\\[\\d+]", "").substring(1));
				}
				else if (PER_PROFIEL.equals(role)) {
					checkPerProfielAttributes(child, ignored);
				}
				else {
					next.push(child);
					nextRoles.push(role);
				}
			}
			while (!next.isEmpty()) {
				elements.push(next.pop());
				roles.push(nextRoles.pop());
			}
		}
		return List.copyOf(ignored);
	}

	/**
	 * Attributes inside a "…perprofiel" element: a part's own profiel reference (on a child of the element, or on the
	 * {@code profiel} of an {@code aanvullend}), and those of the references the parts hold.
	 */
	private static void checkPerProfielAttributes(Element perProfiel, Set<String> ignored) {
		checkAttributes(perProfiel, null, ignored);
		Deque<Element> elements = new ArrayDeque<>(XmlElements.children(perProfiel));
		while (!elements.isEmpty()) {
			Element element = elements.pop();
			Node parent = element.getParentNode();
			boolean namesProfiel = parent == perProfiel
					|| ("profiel".equals(element.getTagName()) && parent instanceof Element aanvullend
							&& "aanvullend".equals(aanvullend.getTagName()));
			boolean aanvullend = "aanvullend".equals(element.getTagName()) && parent == perProfiel;
			checkAttributes(element,
					aanvullend ? null : namesProfiel ? PROFIEL_REFERENCE : ATTRIBUTES.get(element.getTagName()),
					ignored);
			XmlElements.children(element).forEach(elements::push);
		}
	}

	private static void checkAttributes(Element element, Attributes known, Set<String> ignored) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			String name = attributes.item(i).getNodeName();
			boolean read = known != null && known.read().contains(name);
			if (read) {
				continue;
			}
			if ((known != null && known.irrelevant().contains(name)) || isNamespaceOrSchema(name)) {
				ignored.add(XmlElements.path(element).replaceAll("\\[\\d+]", "").substring(1) + "/@" + name);
				continue;
			}
			String path = XmlElements.path(element) + "/@" + name;
			throw new DossierFormatException(Reason.XML_UNKNOWN_ATTRIBUTE,
					"Het XML-bestand bevat het onbekende attribuut " + name + " op <" + element.getTagName() + "> ("
							+ path + "); het dossier is geweigerd zodat er geen inhoud verloren gaat.",
					"Unknown attribute " + name + " on <" + element.getTagName() + "> at " + path
							+ "; refused so that no content is lost.",
					path);
		}
	}

	private static boolean isNamespaceOrSchema(String name) {
		return name.equals("xmlns") || name.startsWith("xmlns:") || name.startsWith("xsi:");
	}

	private static void checkText(Element element, Rule rule) {
		if (rule.text()) {
			return;
		}
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			boolean text = node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
			if (text && !node.getNodeValue().isBlank()) {
				String path = XmlElements.path(element);
				throw new DossierFormatException(Reason.XML_UNKNOWN_ELEMENT,
						"Het XML-bestand bevat tekst in <" + element.getTagName() + "> (" + path
								+ ") die niet wordt ingelezen; het dossier is geweigerd zodat er geen inhoud verloren gaat.",
						"Text in <" + element.getTagName() + "> (" + path + ") is not read; refused so that no content is lost.",
						path);
			}
		}
	}

	static DossierFormatException unknown(Element element) {
		String path = XmlElements.path(element);
		return new DossierFormatException(Reason.XML_UNKNOWN_ELEMENT,
				"Het XML-bestand bevat het onbekende element <" + element.getTagName() + "> (" + path
						+ "); het dossier is geweigerd zodat er geen inhoud verloren gaat.",
				"Unknown element <" + element.getTagName() + "> at " + path + "; refused so that no content is lost.",
				path);
	}

	private static DossierFormatException repeated(Element element) {
		String path = XmlElements.path(element);
		return new DossierFormatException(Reason.XML_UNKNOWN_ELEMENT,
				"Het element <" + element.getTagName() + "> komt meer dan eens voor (" + path
						+ "), maar wordt maar eens ingelezen; het dossier is geweigerd.",
				"Element <" + element.getTagName() + "> is repeated at " + path + " but read once; refused.", path);
	}

	private static Map.Entry<String, Attributes> attributes(String element, Set<String> read, Set<String> irrelevant) {
		return Map.entry(element, new Attributes(read, irrelevant));
	}

	private static Map.Entry<String, Attributes> heading(String element) {
		return attributes(element, Set.of(), Set.of("titel"));
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

	private static Map.Entry<String, Rule> rule(String role, Map<String, String> children, String... repeatable) {
		return Map.entry(role, new Rule(children, Set.of(repeatable), false));
	}

	private static Map.Entry<String, Rule> textRule(String role, Map<String, String> children) {
		return Map.entry(role, new Rule(children, Set.of(), true));
	}

}
