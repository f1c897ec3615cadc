package nl.werkproces.lti.rubric;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a well-formed XHTML page to a tagged PDF (PDF/UA: structure tree, marked content, language and title from
 * the page's {@code lang} and {@code <title>}) with the DejaVu Sans font shipped in {@code fonts/} embedded, so names
 * and remarks in any Latin, Greek or Cyrillic script print exactly.
 */
public final class TaggedPdf {

	/** The font family the templates ask for. */
	public static final String FONT_FAMILY = "DejaVu Sans";

	private TaggedPdf() {
	}

	/**
	 * The page as PDF bytes.
	 * @param xhtml the page, well-formed XHTML
	 * @return a PDF document
	 */
	public static byte[] render(String xhtml) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			write(xhtml, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render PDF", ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Writes the page as PDF.
	 * @param xhtml the page, well-formed XHTML
	 * @param out where the PDF goes; not closed
	 * @throws IOException when writing fails
	 */
	public static void write(String xhtml, OutputStream out) throws IOException {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfUaAccessibility(true);
		builder.withProducer("werkproces-lti");
		builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.withHtmlContent(xhtml, null);
		builder.toStream(out);
		builder.run();
	}

	private static InputStream font(String name) {
		InputStream in = TaggedPdf.class.getResourceAsStream("/fonts/" + name);
		if (in == null) {
			throw new IllegalStateException("Font missing from the application: fonts/" + name);
		}
		return in;
	}

}
