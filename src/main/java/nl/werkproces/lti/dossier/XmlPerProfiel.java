package nl.werkproces.lti.dossier;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.w3c.dom.Element;

import nl.werkproces.lti.dossier.ClassifiedLine.Kind;

/**
 * Reads the "…perprofiel" part of an SBB XML element: what one profiel adds to a kerntaak or
 * werkproces. The sample export only has empty ones, so two plausible forms are accepted: child
 * elements that refer to a profiel ({@code referentie}, {@code profiel} or
 * {@code profielreferentie} attribute holding the profiel's {@code nr}), and text with "Voor
 * &lt;profiel&gt; geldt aanvullend:" lines as in the PDF. Anything else is skipped with a
 * warning.
 */
final class XmlPerProfiel {

	private static final String[] PROFIEL_ATTRIBUTES = { "profiel", "profielreferentie", "referentie" };

	private final SbbReferences references;

	private final Consumer<String> warnings;

	XmlPerProfiel(SbbReferences references, Consumer<String> warnings) {
		this.references = references;
		this.warnings = warnings;
	}

	/** One profiel's part: its text and, for the element form, the element (for references). */
	record Part(String text, Element element) {
	}

	/**
	 * The parts per profiel name.
	 * @param owner the element holding the perprofiel element, e.g. {@code werkprocesgedrag}
	 * @param name the perprofiel element's name, e.g. {@code werkprocesgedragperprofiel}
	 * @param where the code of the kerntaak or werkproces, for warnings
	 */
	Map<String, Part> read(Element owner, String name, String where) {
		Map<String, Part> parts = new LinkedHashMap<>();
		Optional<Element> perProfiel = XmlElements.child(owner, name);
		if (perProfiel.isEmpty()) {
			return parts;
		}
		boolean skipped = false;
		for (Element child : XmlElements.children(perProfiel.get())) {
			Optional<String> profiel = profielOf(child);
			if (profiel.isPresent()) {
				parts.put(profiel.get(), new Part(child.getTextContent(), child));
			}
			else {
				skipped = true;
			}
		}
		skipped |= readTextForm(XmlElements.ownText(perProfiel.get()), parts);
		if (skipped) {
			this.warnings.accept(where + ": aanvulling per profiel (" + name + ") in onbekende vorm overgeslagen.");
		}
		return parts;
	}

	private Optional<String> profielOf(Element element) {
		for (String attribute : PROFIEL_ATTRIBUTES) {
			Optional<String> naam = this.references.profielNaam(XmlElements.attribute(element, attribute));
			if (naam.isPresent()) {
				return naam;
			}
		}
		return Optional.empty();
	}

	/** Reads "Voor X geldt aanvullend:" blocks; returns whether some text was not understood. */
	private boolean readTextForm(String text, Map<String, Part> parts) {
		if (text.isBlank()) {
			return false;
		}
		boolean skipped = false;
		String profiel = null;
		StringBuilder block = new StringBuilder();
		for (String line : MarkupText.lines(text)) {
			ClassifiedLine classified = LineClassifier.classify(line);
			if (classified.kind() == Kind.AANVULLEND) {
				addBlock(parts, profiel, block);
				profiel = knownProfiel(classified.text());
				skipped |= profiel == null;
				block.setLength(0);
			}
			else if (profiel != null) {
				block.append(line).append('\n');
			}
			else {
				skipped |= !line.isBlank();
			}
		}
		addBlock(parts, profiel, block);
		return skipped;
	}

	private static void addBlock(Map<String, Part> parts, String profiel, StringBuilder block) {
		if (profiel != null && !block.toString().isBlank()) {
			parts.put(profiel, new Part(block.toString(), null));
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
