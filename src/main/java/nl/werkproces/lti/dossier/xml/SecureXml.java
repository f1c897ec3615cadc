package nl.werkproces.lti.dossier.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;

/**
 * Parses untrusted XML into a DOM with XXE protection: secure processing on, no DOCTYPE (so no
 * internal or external entities and no DTD loading), no external DTD or schema access, no
 * XInclude, no nesting beyond {@link XmlLimits#MAX_DEPTH}. A document that declares a DOCTYPE, or exceeds the
 * {@link XmlLimits}, is refused before a DOM is built.
 */
final class SecureXml {

	/** The prolog (where a DOCTYPE must stand) is searched this far. */
	private static final int PROLOG_SEARCH_LENGTH = 64 * 1024;

	private SecureXml() {
	}

	static Document parse(byte[] xml) {
		if (declaresDoctype(xml)) {
			throw new DossierFormatException(Reason.XML_DOCTYPE_REFUSED,
					"Het XML-bestand bevat een DOCTYPE (DTD of entities); dat wordt om veiligheidsredenen geweigerd.",
					"The XML declares a DOCTYPE (DTD or entities), which is refused (XXE protection).");
		}
		XmlLimits.check(xml);
		try {
			return newBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXParseException ex) {
			int line = ex.getLineNumber();
			int column = ex.getColumnNumber();
			throw new DossierFormatException(Reason.XML_INVALID,
					"Het XML-bestand is niet geldig (regel " + line + ", kolom " + column + ").",
					"The XML is not well-formed (line " + line + ", column " + column + "): " + ex.getMessage(), ex);
		}
		catch (SAXException | IOException ex) {
			throw new DossierFormatException(Reason.XML_INVALID, "Het XML-bestand kan niet worden gelezen.",
					"The XML cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setAttribute("jdk.xml.maxElementDepth", XmlLimits.MAX_DEPTH);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("External entities are refused: " + systemId);
			});
			builder.setErrorHandler(new FailingErrorHandler());
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK's XML parser does not support XXE protection", ex);
		}
	}

	private static boolean declaresDoctype(byte[] xml) {
		int length = Math.min(xml.length, PROLOG_SEARCH_LENGTH);
		boolean utf16 = length >= 2 && ((xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF)
				|| (xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE));
		String prolog = new String(xml, 0, length, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
		return prolog.toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
	}

	/** Fails on errors instead of printing them to stderr (the JDK default). */
	private static final class FailingErrorHandler implements ErrorHandler {

		@Override
		public void warning(SAXParseException exception) {
			// warnings do not stop a well-formed document
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}

	}

}
