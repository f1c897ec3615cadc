package nl.werkproces.lti.rubric;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A printable A4 beoordelingsformulier for a rubric: dossier identity and version, werkproces, profiel and rubric
 * version at the top; fields for student, studentnummer, beoordelaars and datum; the criteria table with a checkbox
 * per level; lines for total, cesuur, oordeel and cijfer; signature boxes for student and both assessors. Every page
 * has a footer with dossier version, werkproces, rubric version and page number, so loose pages stay traceable.
 * Uses the standard 14 Helvetica fonts (text mapped to WinAnsi) and runs over as many pages as needed.
 */
public final class BeoordelingsformulierPdf {

	private static final float SIZE = 9f;

	private static final float FOOTER_SIZE = 7.5f;

	private BeoordelingsformulierPdf() {
	}

	/**
	 * The form as PDF bytes.
	 * @param rubric the rubric
	 * @return a PDF document
	 */
	public static byte[] render(Rubric rubric) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			write(rubric, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render beoordelingsformulier", ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Writes the form as PDF.
	 * @param rubric the rubric
	 * @param out where the PDF goes; not closed
	 * @throws IOException when writing fails
	 */
	public static void write(Rubric rubric, OutputStream out) throws IOException {
		try (PDDocument document = new PDDocument()) {
			RubricOrigin origin = rubric.origin();
			PDDocumentInformation information = document.getDocumentInformation();
			information.setTitle(WinAnsiText.of("Beoordelingsformulier " + origin.werkprocesLabel()));
			information.setSubject(WinAnsiText.of(origin.dossierTitle() + " versie " + origin.dossierVersion()));
			PdfCanvas canvas = new PdfCanvas(document);
			try (canvas) {
				canvas.newPage();
				header(canvas, rubric);
				fields(canvas);
				new BeoordelingsformulierTable(canvas, rubric).draw();
				totals(canvas, rubric);
				signatures(canvas);
			}
			footers(document, rubric, canvas.regular);
			document.save(out);
		}
	}

	private static void header(PdfCanvas canvas, Rubric rubric) throws IOException {
		RubricOrigin origin = rubric.origin();
		float x = canvas.left();
		canvas.paragraph(canvas.bold, 16, x, canvas.width(), "Beoordelingsformulier");
		canvas.y -= 4;
		canvas.paragraph(canvas.bold, 11, x, canvas.width(),
				"Werkproces " + origin.werkprocesCode() + ": " + origin.werkprocesTitle());
		canvas.paragraph(canvas.regular, SIZE, x, canvas.width(),
				"Profiel: " + ((origin.profiel() != null) ? origin.profiel() : "geen (basisdeel)"));
		canvas.paragraph(canvas.regular, SIZE, x, canvas.width(),
				"Kwalificatiedossier: " + origin.dossierTitle() + ", versie " + origin.dossierVersion());
		String version = rubric.version().isTemplate() ? "afgeleid uit het kwalificatiedossier"
				: "door de docent aangepast";
		canvas.paragraph(canvas.regular, SIZE, x, canvas.width(),
				"Rubric: versie " + rubric.version().number() + ", " + version);
		if (!rubric.competenties().isEmpty()) {
			canvas.paragraph(canvas.italic, SIZE, x, canvas.width(),
					"Onderliggende competenties (niet gescoord): " + String.join(", ", rubric.competenties()));
		}
		canvas.y -= 8;
	}

	private static void fields(PdfCanvas canvas) throws IOException {
		float half = canvas.width() / 2;
		fieldRow(canvas, half, "Naam student", "Studentnummer");
		fieldRow(canvas, half, "Beoordelaar 1", "Beoordelaar 2");
		fieldRow(canvas, half, "Datum", null);
		canvas.y -= 6;
		canvas.paragraph(canvas.regular, 8, canvas.left(), canvas.width(),
				"Kruis per criterium \u00e9\u00e9n niveau aan. Voldoende is de norm van het dossier voor een beginnend "
						+ "beroepsbeoefenaar. Onder voldoende op een kritisch criterium betekent onvoldoende voor het "
						+ "werkproces, ongeacht het totaal.");
		canvas.y -= 6;
	}

	private static void fieldRow(PdfCanvas canvas, float half, String left, String right) throws IOException {
		float baseline = canvas.y - 16;
		field(canvas, canvas.left(), half - 12, baseline, left);
		if (right != null) {
			field(canvas, canvas.left() + half, half, baseline, right);
		}
		canvas.y -= 22;
	}

	private static void field(PdfCanvas canvas, float x, float width, float baseline, String label) throws IOException {
		canvas.text(x, baseline, canvas.bold, SIZE, label + ":");
		float lineStart = x + canvas.width(label + ":", canvas.bold, SIZE) + 6;
		canvas.line(lineStart, baseline - 2, x + width, baseline - 2);
	}

	private static void totals(PdfCanvas canvas, Rubric rubric) throws IOException {
		int maximum = rubric.maximum();
		int cesuur = rubric.cesuur();
		int goed = (85 * maximum + 99) / 100;
		canvas.ensureSpace(140);
		canvas.y -= 12;
		float x = canvas.left();
		totalLine(canvas, "Totaal:", "________ van " + maximum + " punten");
		totalLine(canvas, "Cesuur:", cesuur + " punten (voldoende vanaf " + cesuur + ", goed vanaf " + goed
				+ " als geen criterium onder voldoende is)");
		totalLine(canvas, "Kritisch:", kritisch(rubric));
		float baseline = canvas.y - SIZE;
		canvas.text(x, baseline, canvas.bold, SIZE, "Oordeel:");
		float boxX = x + 60;
		for (Verdict verdict : Verdict.values()) {
			canvas.box(boxX, baseline - 1, 8, 8);
			canvas.text(boxX + 12, baseline, canvas.regular, SIZE, verdict.dutch());
			boxX += 95;
		}
		canvas.y -= 18;
		totalLine(canvas, "Cijfer:", "________");
		// the cijfer rule in words, not as a formula: what a teacher or student can check on paper
		String formula = "Cijfer: precies de cesuur (" + cesuur + " punten) geeft een 5,5 en het maximum (" + maximum
				+ " punten) een 10, daartussen naar verhouding; onder de cesuur een cijfer onder de 5,5, naar verhouding"
				+ " vanaf een 1. Onder voldoende op een kritisch criterium is het cijfer maximaal 5,0. Het cijfer heeft"
				+ " \u00e9\u00e9n decimaal.";
		canvas.paragraph(canvas.italic, 7.5f, x, canvas.width(), formula);
	}

	private static void totalLine(PdfCanvas canvas, String label, String value) throws IOException {
		List<String> lines = canvas.wrap(value, canvas.regular, SIZE, canvas.width() - 60);
		for (int i = 0; i < lines.size(); i++) {
			if (i == 0) {
				canvas.text(canvas.left(), canvas.y - SIZE, canvas.bold, SIZE, label);
			}
			canvas.text(canvas.left() + 60, canvas.y - SIZE, canvas.regular, SIZE, lines.get(i));
			canvas.y -= (i == lines.size() - 1) ? 18 : SIZE * 1.25f;
		}
	}

	private static String kritisch(Rubric rubric) {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < rubric.criteria().size(); i++) {
			if (rubric.criteria().get(i).kritisch()) {
				numbers.add(String.valueOf(i + 1));
			}
		}
		return numbers.isEmpty() ? "geen kritische criteria" : "criterium " + String.join(", ", numbers);
	}

	private static void signatures(PdfCanvas canvas) throws IOException {
		canvas.ensureSpace(80);
		canvas.y -= 10;
		String[] labels = { "Handtekening student", "Handtekening beoordelaar 1", "Handtekening beoordelaar 2" };
		float gap = 12;
		float width = (canvas.width() - 2 * gap) / labels.length;
		float lineY = canvas.y - 50;
		for (int i = 0; i < labels.length; i++) {
			float x = canvas.left() + i * (width + gap);
			canvas.line(x, lineY, x + width, lineY);
			canvas.text(x, lineY - 11, canvas.regular, 8, labels[i]);
		}
		canvas.y = lineY - 16;
	}

	private static void footers(PDDocument document, Rubric rubric, PDFont font) throws IOException {
		RubricOrigin origin = rubric.origin();
		String identity = "Rubric versie " + rubric.version().number() + " \u00b7 " + origin.dossierTitle() + " versie "
				+ origin.dossierVersion() + " \u00b7 " + origin.werkprocesLabel();
		int pages = document.getNumberOfPages();
		for (int i = 0; i < pages; i++) {
			PDPage page = document.getPage(i);
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true, true)) {
				String pageNumber = "pagina " + (i + 1) + " van " + pages;
				float numberX = PdfCanvas.PAGE.getWidth() - PdfCanvas.MARGIN - width(font, pageNumber);
				String shortIdentity = shorten(font, WinAnsiText.of(identity), numberX - PdfCanvas.MARGIN - 12);
				footerText(content, font, PdfCanvas.MARGIN, shortIdentity);
				footerText(content, font, numberX, pageNumber);
			}
		}
	}

	private static String shorten(PDFont font, String text, float maxWidth) throws IOException {
		String shortened = text;
		while (shortened.length() > 1 && width(font, shortened) > maxWidth) {
			shortened = shortened.substring(0, shortened.length() - 2) + "\u2026";
		}
		return shortened;
	}

	private static float width(PDFont font, String text) throws IOException {
		return font.getStringWidth(text) / 1000f * FOOTER_SIZE;
	}

	private static void footerText(PDPageContentStream content, PDFont font, float x, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, FOOTER_SIZE);
		content.newLineAtOffset(x, PdfCanvas.MARGIN - 10);
		content.showText(text);
		content.endText();
	}

}
