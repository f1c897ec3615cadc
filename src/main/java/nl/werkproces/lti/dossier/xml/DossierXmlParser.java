package nl.werkproces.lti.dossier.xml;

import java.io.IOException;
import java.io.InputStream;
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
	 * Reads the dossier of an export. An export with several dossiers is refused, naming them: each dossier is a
	 * version of its own in the catalog, identified by the SHA-256 of its source, so each must come in a file of its
	 * own (SBB's site exports one dossier per file).
	 * @param xml the XML's bytes
	 * @return the dossier and warnings
	 * @throws DossierFormatException if the XML is not well-formed, declares a DOCTYPE, holds no dossier with
	 * kerntaken, or holds more than one ({@link Reason#SEVERAL_DOSSIERS})
	 */
	public DossierImport read(byte[] xml) {
		List<DossierImport> imports = readAll(xml);
		if (imports.size() == 1) {
			return imports.get(0);
		}
		List<String> titels = imports.stream().map((imported) -> "\"" + imported.dossier().titel() + "\"").toList();
		throw new DossierFormatException(Reason.SEVERAL_DOSSIERS,
				"Het bestand bevat " + imports.size() + " kwalificatiedossiers (" + String.join(", ", titels)
						+ "); er is niets ingelezen. Exporteer elk dossier als eigen bestand en importeer ze één voor één.",
				"The file holds " + imports.size() + " dossiers (" + String.join(", ", titels)
						+ "); nothing imported. Import each dossier as a file of its own.",
				"/sbb/dossiers");
	}

	/**
	 * Reads the dossier of an export from a stream (read fully, not closed).
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
