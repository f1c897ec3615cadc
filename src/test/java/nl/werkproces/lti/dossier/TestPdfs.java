package nl.werkproces.lti.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds PDFs for tests with PDFBox: text lines in Helvetica (WinAnsi), a new page where the
 * reference text starts one (a line starting with a space) or when a page is full, and a page
 * number at the bottom of every page, as SBB's PDFs have.
 */
public final class TestPdfs {

	private static final float FONT_SIZE = 9;

	private static final float LEADING = 12;

	private static final float MARGIN = 40;

	private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();

	private static final int LINES_PER_PAGE = (int) ((PAGE_HEIGHT - 3 * MARGIN) / LEADING);

	private TestPdfs() {
	}

	public static byte[] fromText(String text) {
		return fromText(text, null);
	}

	public static byte[] fromText(String text, String ownerAndUserPassword) {
		try (PDDocument document = new PDDocument()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			List<List<String>> pages = pages(text.replace("\r\n", "\n").split("\n", -1));
			float width = PDRectangle.A4.getWidth();
			for (List<String> page : pages) {
				for (String line : page) {
					width = Math.max(width, font.getStringWidth(encodable(font, line)) / 1000 * FONT_SIZE + 2 * MARGIN);
				}
			}
			for (int i = 0; i < pages.size(); i++) {
				writePage(document, font, new PDRectangle(width, PAGE_HEIGHT), pages.get(i), i + 1);
			}
			if (ownerAndUserPassword != null) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerAndUserPassword, ownerAndUserPassword,
						new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PDF of one page without any text, like a scan without OCR. */
	public static byte[] blankPage() {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.A4));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<List<String>> pages(String[] lines) {
		List<List<String>> pages = new ArrayList<>();
		List<String> page = new ArrayList<>();
		for (String line : lines) {
			boolean pageStart = line.startsWith(" ") && !page.isEmpty();
			if (pageStart || page.size() == LINES_PER_PAGE) {
				pages.add(page);
				page = new ArrayList<>();
			}
			page.add(line);
		}
		pages.add(page);
		return pages;
	}

	private static void writePage(PDDocument document, PDType1Font font, PDRectangle size, List<String> lines,
			int number) throws IOException {
		PDPage page = new PDPage(size);
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.beginText();
			content.setFont(font, FONT_SIZE);
			content.setLeading(LEADING);
			content.newLineAtOffset(MARGIN, PAGE_HEIGHT - MARGIN);
			for (String line : lines) {
				content.showText(encodable(font, line));
				content.newLine();
			}
			content.endText();
			content.beginText();
			content.newLineAtOffset(size.getWidth() / 2, MARGIN / 2);
			content.showText(String.valueOf(number));
			content.endText();
		}
	}

	/** The line with every character the font cannot encode (WinAnsi) replaced. */
	public static String encodable(PDType1Font font, String line) {
		StringBuilder result = new StringBuilder();
		line.codePoints().forEach((codePoint) -> {
			String character = Character.toString(codePoint);
			try {
				font.encode(character);
				result.append(character);
			}
			catch (IOException | IllegalArgumentException ex) {
				result.append(Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) ? " " : "?");
			}
		});
		return result.toString();
	}

}
