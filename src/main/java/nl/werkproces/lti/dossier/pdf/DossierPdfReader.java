package nl.werkproces.lti.dossier.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.SourceDigest;
import nl.werkproces.lti.dossier.SourceKind;
import nl.werkproces.lti.dossier.text.DossierTextParser;
import nl.werkproces.lti.dossier.text.TextNormalizer;

/**
 * Reads a kwalificatiedossier from SBB's PDF: extracts the text with PDFBox (sorted by position,
 * page breaks marked) and parses it with {@link DossierTextParser}. Thread-safe.
 */
public final class DossierPdfReader {

	/** The PDF header may be preceded by some junk; PDF readers look this far for it. */
	private static final int HEADER_SEARCH_LENGTH = 1024;

	private final DossierTextParser textParser;

	public DossierPdfReader() {
		this(new DossierTextParser());
	}

	public DossierPdfReader(DossierTextParser textParser) {
		this.textParser = textParser;
	}

	/**
	 * Reads a dossier PDF.
	 * @param pdf the PDF's bytes
	 * @param fallbackTitel the title to use if the PDF does not state one (e.g. from the file
	 * name), may be {@code null}; the PDF's metadata title is used after it
	 * @return the dossier and warnings
	 * @throws DossierFormatException if the bytes are not a readable PDF, have no text, or are
	 * not a kwalificatiedossier
	 */
	public DossierImport read(byte[] pdf, String fallbackTitel) {
		if (pdf == null || pdf.length == 0) {
			throw new DossierFormatException(Reason.EMPTY, "Het bestand is leeg.", "The source is empty.");
		}
		if (!hasPdfHeader(pdf)) {
			throw unreadable("Dit bestand is geen PDF.", "Not a PDF: no %PDF- header.", null);
		}
		ExtractedText extracted = extractText(pdf);
		if (extracted.text().isBlank()) {
			throw new DossierFormatException(Reason.PDF_WITHOUT_TEXT,
					"Deze PDF bevat geen tekst (is het een scan?). Gebruik de PDF of XML van SBB.",
					"The PDF contains no extractable text (a scan?).");
		}
		String titel = (fallbackTitel != null && !fallbackTitel.isBlank()) ? fallbackTitel : extracted.metadataTitel();
		return this.textParser.parse(extracted.text(), titel, SourceKind.PDF, SourceDigest.of(pdf));
	}

	/**
	 * Reads a dossier PDF from a stream (read fully, not closed).
	 * @param pdf the PDF
	 * @param fallbackTitel the title to use if the PDF does not state one, may be {@code null}
	 * @return the dossier and warnings
	 * @throws IOException if the stream cannot be read
	 * @throws DossierFormatException if the bytes are not a readable dossier PDF
	 */
	public DossierImport read(InputStream pdf, String fallbackTitel) throws IOException {
		return read(pdf.readAllBytes(), fallbackTitel);
	}

	private static boolean hasPdfHeader(byte[] pdf) {
		String start = new String(pdf, 0, Math.min(pdf.length, HEADER_SEARCH_LENGTH), StandardCharsets.ISO_8859_1);
		return start.contains("%PDF-");
	}

	private record ExtractedText(String text, String metadataTitel) {
	}

	private static ExtractedText extractText(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			stripper.setLineSeparator("\n");
			stripper.setPageEnd("\n" + TextNormalizer.PAGE_BREAK + "\n");
			String text = stripper.getText(document);
			return new ExtractedText(text, document.getDocumentInformation().getTitle());
		}
		catch (InvalidPasswordException ex) {
			throw unreadable("Deze PDF is beveiligd met een wachtwoord.", "The PDF is password protected.", ex);
		}
		catch (IOException | RuntimeException ex) {
			// PDFBox reports damaged files with IOException, and some with runtime exceptions
			throw unreadable("Deze PDF is beschadigd of kan niet worden gelezen.",
					"The PDF is damaged or cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static DossierFormatException unreadable(String dutch, String english, Throwable cause) {
		return new DossierFormatException(Reason.PDF_UNREADABLE, dutch, english, cause);
	}

}
