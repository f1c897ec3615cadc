package nl.werkproces.lti.dossier.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Small DOM navigation for SBB's XML: child elements by name, text without child elements,
 * attributes with blank as absent.
 */
final class XmlElements {

	private XmlElements() {
	}

	static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	static List<Element> children(Element parent, String name) {
		return children(parent).stream().filter((child) -> child.getTagName().equals(name)).toList();
	}

	static Optional<Element> child(Element parent, String name) {
		return children(parent, name).stream().findFirst();
	}

	/** Follows a path of child names, e.g. {@code "basis", "basistaken"}. */
	static Optional<Element> path(Element parent, String... names) {
		Optional<Element> current = Optional.of(parent);
		for (String name : names) {
			current = current.flatMap((element) -> child(element, name));
		}
		return current;
	}

	/** The first descendant with the given name, at any depth. */
	static Optional<Element> descendant(Element parent, String name) {
		NodeList found = parent.getElementsByTagName(name);
		return (found.getLength() > 0) ? Optional.of((Element) found.item(0)) : Optional.empty();
	}

	/** The element's own text and CDATA, without that of child elements. */
	static String ownText(Element element) {
		StringBuilder text = new StringBuilder();
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(node.getNodeValue());
			}
		}
		return text.toString();
	}

	/**
	 * Where an element stands, XPath-like: {@code /sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak[2]},
	 * with a position only where the parent has more than one child of that name.
	 */
	static String path(Element element) {
		StringBuilder path = new StringBuilder();
		for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
			String step = current.getTagName();
			if (current.getParentNode() instanceof Element parent) {
				List<Element> same = children(parent, step);
				if (same.size() > 1) {
					step += "[" + (same.indexOf(current) + 1) + "]";
				}
			}
			path.insert(0, "/" + step);
		}
		return path.toString();
	}

	/** The attribute's value, stripped; {@code null} if absent or blank. */
	static String attribute(Element element, String name) {
		String value = element.getAttribute(name).strip();
		return value.isEmpty() ? null : value;
	}

}
