package nl.werkproces.lti.rubric;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A4 pages with a writing position that moves down, for forms drawn top to bottom with PDFBox. Coordinates are PDF
 * points from the bottom left. All text goes through {@link WinAnsiText}, so any string can be drawn and measured.
 */
final class PdfCanvas implements Closeable {

	static final PDRectangle PAGE = PDRectangle.A4;

	static final float MARGIN = 40f;

	/** Space kept free at the bottom of every page for the footer. */
	static final float FOOTER_SPACE = 24f;

	final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

	private final PDDocument document;

	private PDPageContentStream content;

	/** The current writing position: the top of what is drawn next. */
	float y;

	PdfCanvas(PDDocument document) {
		this.document = document;
	}

	void newPage() throws IOException {
		close();
		PDPage page = new PDPage(PAGE);
		this.document.addPage(page);
		this.content = new PDPageContentStream(this.document, page);
		this.content.setLineWidth(0.6f);
		this.y = PAGE.getHeight() - MARGIN;
	}

	float left() {
		return MARGIN;
	}

	float width() {
		return PAGE.getWidth() - 2 * MARGIN;
	}

	float bottom() {
		return MARGIN + FOOTER_SPACE;
	}

	float remaining() {
		return this.y - bottom();
	}

	/** Starts a new page unless this much height is left on the current one. */
	boolean ensureSpace(float height) throws IOException {
		if (remaining() >= height) {
			return false;
		}
		newPage();
		return true;
	}

	void text(float x, float baseline, PDFont font, float size, String text) throws IOException {
		this.content.beginText();
		this.content.setFont(font, size);
		this.content.newLineAtOffset(x, baseline);
		this.content.showText(WinAnsiText.of(text));
		this.content.endText();
	}

	/** Draws wrapped text from the writing position down and moves the position below it. */
	void paragraph(PDFont font, float size, float x, float width, String text) throws IOException {
		float leading = size * 1.25f;
		for (String line : wrap(text, font, size, width)) {
			ensureSpace(leading);
			text(x, this.y - size, font, size, line);
			this.y -= leading;
		}
	}

	void line(float x1, float y1, float x2, float y2) throws IOException {
		this.content.moveTo(x1, y1);
		this.content.lineTo(x2, y2);
		this.content.stroke();
	}

	void box(float x, float bottom, float width, float height) throws IOException {
		this.content.addRect(x, bottom, width, height);
		this.content.stroke();
	}

	void shade(float x, float bottom, float width, float height) throws IOException {
		this.content.setNonStrokingColor(0.9f);
		this.content.addRect(x, bottom, width, height);
		this.content.fill();
		this.content.setNonStrokingColor(0f);
	}

	float width(String text, PDFont font, float size) throws IOException {
		return font.getStringWidth(WinAnsiText.of(text)) / 1000f * size;
	}

	/** Breaks text into lines of at most the given width; a word longer than a line is broken where it must. */
	List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
		List<String> lines = new ArrayList<>();
		String line = "";
		for (String word : WinAnsiText.of(text).strip().split(" +")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(candidate, font, size) <= maxWidth) {
				line = candidate;
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line);
			}
			while (word.length() > 1 && width(word, font, size) > maxWidth) {
				int end = word.length() - 1;
				while (end > 1 && width(word.substring(0, end), font, size) > maxWidth) {
					end--;
				}
				lines.add(word.substring(0, end));
				word = word.substring(end);
			}
			line = word;
		}
		if (!line.isEmpty()) {
			lines.add(line);
		}
		return lines;
	}

	@Override
	public void close() throws IOException {
		if (this.content != null) {
			this.content.close();
			this.content = null;
		}
	}

}
