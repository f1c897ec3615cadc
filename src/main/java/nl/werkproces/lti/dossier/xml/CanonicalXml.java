package nl.werkproces.lti.dossier.xml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The SHA-256 of an XML document's content, independent of how it is written: the encoding and byte order mark,
 * the prolog, comments and processing instructions, whitespace between elements, CDATA versus escaped text and the
 * order of attributes do not change it. A re-export of the same dossier is thus the same catalog version.
 */
final class CanonicalXml {

	private CanonicalXml() {
	}

	static String sha256(Document document) {
		MessageDigest digest = newDigest();
		Deque<Object> work = new ArrayDeque<>();
		work.push(document.getDocumentElement());
		while (!work.isEmpty()) {
			Object next = work.pop();
			if (next instanceof String end) {
				update(digest, end);
				continue;
			}
			Element element = (Element) next;
			update(digest, start(element));
			work.push("</" + element.getTagName() + ">");
			List<Object> content = new ArrayList<>();
			StringBuilder text = new StringBuilder();
			for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
					text.append(node.getNodeValue());
				}
				else if (node instanceof Element child) {
					addText(content, text);
					content.add(child);
				}
			}
			addText(content, text);
			for (int i = content.size() - 1; i >= 0; i--) {
				work.push(content.get(i));
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void addText(List<Object> content, StringBuilder text) {
		if (!text.toString().isBlank()) {
			content.add(escape(text.toString()));
		}
		text.setLength(0);
	}

	private static String start(Element element) {
		StringBuilder start = new StringBuilder("<").append(element.getTagName());
		NamedNodeMap attributes = element.getAttributes();
		List<Attr> sorted = new ArrayList<>();
		for (int i = 0; i < attributes.getLength(); i++) {
			sorted.add((Attr) attributes.item(i));
		}
		sorted.sort(Comparator.comparing(Attr::getName));
		for (Attr attribute : sorted) {
			start.append(' ').append(attribute.getName()).append("=\"").append(escape(attribute.getValue())).append('"');
		}
		return start.append('>').toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform supports SHA-256", ex);
		}
	}

}
