package nl.werkproces.lti.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.dossier.DossierVersion;

/** The seeded reference dossier and PDF reading for catalog tests. */
final class CatalogTestDossiers {

	private CatalogTestDossiers() {
	}

	/** The id of the reference dossier seeded at start (the first imported by the system). */
	static long referenceId(DossierCatalog catalog) {
		return catalog.all()
			.stream()
			.filter((version) -> "system".equals(version.importedBy()))
			.mapToLong(DossierVersion::id)
			.min()
			.orElseThrow();
	}

	static String pdfText(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
