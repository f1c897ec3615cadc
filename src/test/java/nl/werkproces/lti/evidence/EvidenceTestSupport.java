package nl.werkproces.lti.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.text.PDFTextStripper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading back what the evidence endpoints wrote: a PDF's text, its tags, a ZIP's entries. */
final class EvidenceTestSupport {

	private EvidenceTestSupport() {
	}

	/** The PDF's text with line breaks and runs of spaces as one space. */
	static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The PDF's text without any white space (for hashes wrapped over lines in a narrow column). */
	static String compact(byte[] pdf) {
		return text(pdf).replaceAll("\\s+", "");
	}

	/** Asserts the PDF is tagged for accessibility in the given language. */
	static void assertTagged(byte[] pdf, String lang) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDDocumentCatalog catalog = document.getDocumentCatalog();
			assertThat(catalog.getStructureTreeRoot()).as("StructTreeRoot").isNotNull();
			assertThat(catalog.getMarkInfo()).as("MarkInfo").isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).as("MarkInfo /Marked").isTrue();
			assertThat(catalog.getLanguage()).as("/Lang").isEqualTo(lang);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The ZIP's entries by name, in archive order. */
	static Map<String, byte[]> entries(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

}
