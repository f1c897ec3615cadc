package nl.werkproces.lti.dossier.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierImport;

/**
 * Reads kwalificatiedossiers from SBB's XML export ({@code sbb/competenties},
 * {@code sbb/dossiers/dossier}): the basisdeel's kerntaken and werkprocessen, the profielen with
 * their own, competentie references resolved to names and "…perprofiel" parts as additions per
 * profiel. The XML is parsed with XXE protection and limits ({@link SecureXml}, {@link XmlLimits}); an element the
 * reader does not understand refuses the import ({@link SbbXmlStructure}). The source's SHA-256 is that of its
 * canonical form ({@link CanonicalXml}): encoding, comments and layout do not make a new version. Thread-safe.
 */
public final class DossierXmlParser {

	/**
	 * Reads the first dossier of an export; a warning names any further dossiers.
	 * @param xml the XML's bytes
	 * @return the dossier and warnings
	 * @throws DossierFormatException if the XML is not well-formed, declares a DOCTYPE, or holds no
	 * dossier with kerntaken
	 */
	public DossierImport read(byte[] xml) {
		List<DossierImport> imports = readAll(xml);
		DossierImport first = imports.get(0);
		if (imports.size() == 1) {
			return first;
		}
		List<String> warnings = new ArrayList<>(first.warnings());
		warnings.add("Het bestand bevat " + imports.size() + " dossiers; alleen het eerste (" + first.dossier().titel()
				+ ") is ingelezen.");
		return new DossierImport(first.dossier(), warnings, first.ignored());
	}

	/**
	 * Reads the first dossier of an export from a stream (read fully, not closed).
	 * @param xml the XML
	 * @return the dossier and warnings
	 * @throws IOException if the stream cannot be read
	 * @throws DossierFormatException as for {@link #read(byte[])}
	 */
	public DossierImport read(InputStream xml) throws IOException {
		return read(xml.readAllBytes());
	}

	/**
	 * Reads every dossier of an export.
	 * @param xml the XML's bytes
	 * @return the dossiers with their warnings, in the export's order; never empty
	 * @throws DossierFormatException as for {@link #read(byte[])}
	 */
	public List<DossierImport> readAll(byte[] xml) {
		if (xml == null || xml.length == 0) {
			throw new DossierFormatException(Reason.EMPTY, "Het bestand is leeg.", "The source is empty.");
		}
		Document document = SecureXml.parse(xml);
		Element sbb = document.getDocumentElement();
		List<Element> dossiers = XmlElements.path(sbb, "dossiers")
			.map((list) -> XmlElements.children(list, "dossier"))
			.orElse(List.of());
		if (!"sbb".equals(sbb.getTagName()) || dossiers.isEmpty()) {
			throw new DossierFormatException(Reason.NOT_A_DOSSIER,
					"Dit XML-bestand is geen kwalificatiedossier van SBB (verwacht: sbb/dossiers/dossier).",
					"Not an SBB dossier export: expected sbb/dossiers/dossier, found root <" + sbb.getTagName() + ">.");
		}
		List<String> ignored = SbbXmlStructure.check(sbb);
		String sourceSha256 = CanonicalXml.sha256(document);
		return dossiers.stream()
			.map((dossier) -> XmlDossierReader.read(sbb, dossier, sourceSha256))
			.map((read) -> new DossierImport(read.dossier(), read.warnings(), ignored))
			.toList();
	}

}
