package nl.werkproces.lti.dossier.xml;

import java.io.ByteArrayInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierLimits;

/**
 * Streams through an XML source before any DOM is built and refuses what no kwalificatiedossier holds: elements
 * nested deeper than {@link #MAX_DEPTH} (a deep nest overflows the stack of any recursive reader), more than
 * {@link DossierLimits#MAX_WERKPROCESSEN} werkprocessen, or more than {@link #MAX_ELEMENTS} elements. SBB's exports
 * nest about 12 deep and hold a few thousand elements.
 */
final class XmlLimits {

	/** Deepest element nesting accepted. */
	static final int MAX_DEPTH = 64;

	/** Most elements accepted in one export. */
	static final int MAX_ELEMENTS = 100_000;

	private static final XMLInputFactory FACTORY = factory();

	private XmlLimits() {
	}

	/**
	 * Checks the source; the DOCTYPE has already been refused ({@link SecureXml}).
	 * @param xml the XML's bytes
	 * @throws DossierFormatException when a limit is exceeded or the XML is not well-formed
	 */
	static void check(byte[] xml) {
		int depth = 0;
		int elements = 0;
		int werkprocessen = 0;
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					if (++depth > MAX_DEPTH) {
						throw new DossierFormatException(Reason.XML_TOO_DEEP,
								"Het XML-bestand nest elementen dieper dan " + MAX_DEPTH
										+ " niveaus; zo is geen kwalificatiedossier opgebouwd.",
								"The XML nests elements deeper than " + MAX_DEPTH + " levels (line "
										+ reader.getLocation().getLineNumber() + ").");
					}
					if (++elements > MAX_ELEMENTS) {
						throw DossierLimits.tooMany("elementen", "elements", MAX_ELEMENTS);
					}
					if ("werkproces".equals(reader.getLocalName())
							&& ++werkprocessen > DossierLimits.MAX_WERKPROCESSEN) {
						throw DossierLimits.tooMany("werkprocessen", "werkprocessen", DossierLimits.MAX_WERKPROCESSEN);
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
		}
		catch (XMLStreamException ex) {
			String where = (ex.getLocation() != null) ? " (regel " + ex.getLocation().getLineNumber() + ", kolom "
					+ ex.getLocation().getColumnNumber() + ")" : "";
			throw new DossierFormatException(Reason.XML_INVALID, "Het XML-bestand is niet geldig" + where + ".",
					"The XML is not well-formed: " + ex.getMessage(), ex);
		}
		finally {
			close(reader);
		}
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing held beyond the byte array
			}
		}
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		return factory;
	}

}
