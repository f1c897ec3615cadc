package nl.werkproces.lti.rubric;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BeoordelingsformulierPdfTests {

	private final Rubric workedExample = TestRubrics.workedExample();

	@Test
	void headerNamesDossierVersionWerkprocesProfielAndRubricVersion() throws IOException {
		String text = text(BeoordelingsformulierPdf.render(this.workedExample));

		assertThat(text).contains("Beoordelingsformulier")
			.contains("Werkproces B1-K2-W2: Implementeert (een deel van) het informatiesysteem")
			.contains("Profiel: Netwerk- en mediabeheerder")
			.contains("Kwalificatiedossier: ICT- en mediabeheer, versie 2016")
			.contains("Rubric: versie 1, afgeleid uit het kwalificatiedossier")
			.as("no internal id on paper").doesNotContain(this.workedExample.id().toString())
			.contains("Onderliggende competenties (niet gescoord): Vakdeskundigheid toepassen");
	}

	@Test
	void formHasFieldsForStudentAssessorsAndDate() throws IOException {
		String text = text(BeoordelingsformulierPdf.render(this.workedExample));

		assertThat(text).contains("Naam student:", "Studentnummer:", "Beoordelaar 1:", "Beoordelaar 2:", "Datum:");
	}

	@Test
	void tableHasLevelColumnsAndEveryCriterionInFull() throws IOException {
		byte[] pdf = BeoordelingsformulierPdf.render(this.workedExample);

		assertThat(text(pdf)).contains("Criterium", "0 niet aangetoond", "1 onvoldoende", "2 voldoende", "3 goed",
				"Gedeeltelijk of alleen met sturing", "Zelfstandig, goed onderbouwd en");
		String criterionColumn = criterionColumn(pdf);
		for (int i = 0; i < this.workedExample.criteria().size(); i++) {
			assertThat(joinedAtHyphens(criterionColumn))
				.contains(joinedAtHyphens((i + 1) + ". " + this.workedExample.criteria().get(i).text()));
		}
		assertThat(criterionColumn).contains("Product \u00b7 kritisch \u00b7 aanvullend");
	}

	@Test
	void totalsShowMaximumCesuurKritischVerdictAndCijfer() throws IOException {
		String text = text(BeoordelingsformulierPdf.render(this.workedExample));

		assertThat(text).contains("Totaal: ________ van 27 punten")
			.contains("Cesuur: 18 punten (voldoende vanaf 18, goed vanaf 23 als geen criterium onder voldoende is)")
			.contains("Kritisch: criterium 8, 9")
			.contains("Oordeel:")
			.contains("onvoldoende voldoende goed")
			.contains("Cijfer: ________")
			.contains("precies de cesuur (18 punten) geeft een 5,5 en het maximum (27 punten) een 10")
			.as("the cijfer rule in words, no formula").doesNotContain("S >=");
	}

	@Test
	void formEndsWithSignaturesForStudentAndBothAssessors() throws IOException {
		String text = text(BeoordelingsformulierPdf.render(this.workedExample));

		assertThat(text).contains("Handtekening student", "Handtekening beoordelaar 1", "Handtekening beoordelaar 2");
	}

	@Test
	void everyPageHasAFooterWithDossierVersionAndPageNumber() throws IOException {
		byte[] pdf = BeoordelingsformulierPdf.render(TestRubrics.ofSize(40));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThan(1);
			for (int page = 1; page <= pages; page++) {
				assertThat(pageText(document, page)).contains("pagina " + page + " van " + pages)
					.contains("Rubric versie 1 \u00b7 ICT- en mediabeheer, versie 2016 \u00b7 B1-K2-W2 (Netwerk- en mediabeheerder)");
			}
		}
	}

	@Test
	void longRubricRunsOverPagesAndRepeatsTheColumnHeadings() throws IOException {
		Rubric long40 = TestRubrics.ofSize(40);
		byte[] pdf = BeoordelingsformulierPdf.render(long40);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(pageText(document, 2)).contains("Criterium", "3 goed");
			assertThat(pageText(document, document.getNumberOfPages())).contains("Handtekening beoordelaar 2");
		}
		String criterionColumn = criterionColumn(pdf);
		for (int i = 0; i < 40; i++) {
			assertThat(criterionColumn).contains((i + 1) + ". Voert handeling " + (i + 1) + " correct uit");
		}
	}

	@Test
	void criterionTallerThanAPageContinuesOnTheNextPage() throws IOException {
		String longText = String.join(" ", IntStream.rangeClosed(1, 600).mapToObj((i) -> "woord" + i).toList());
		Rubric rubric = new RubricEditor(TestRubrics.CLOCK).apply(this.workedExample,
				RubricChanges.create().add(CriterionKind.PROCESS, longText, false).moveTo("eigen-2-1", 0));

		byte[] pdf = BeoordelingsformulierPdf.render(rubric);

		assertThat(criterionColumn(pdf)).contains("1. " + longText);
		assertThat(joinedAtHyphens(criterionColumn(pdf)))
			.contains(joinedAtHyphens("10. " + this.workedExample.criteria().get(8).text()));
		assertThat(text(pdf)).contains("Rubric: versie 2, door de docent aangepast");
	}

	@Test
	void textInAnyScriptPrintsExactlyInTheEmbeddedFont() throws IOException {
		Rubric rubric = new RubricEditor(TestRubrics.CLOCK).apply(this.workedExample, RubricChanges.create()
			.editText("gedrag-1", "Haalt \u2265 85 % uptime \u2192 rapporteert aan \u015e\u00fckr\u00fc Y\u0131lmaz, "
					+ "\u00c6r\u00f8sk\u00f8bing en Zo\u00eb (\u0394\u03b5\u03bb\u03c4\u03af\u03bf, \u041c\u043e\u0441\u043a\u0432\u0430)"));

		byte[] pdf = BeoordelingsformulierPdf.render(rubric);

		assertThat(criterionColumn(pdf)).contains("1. Haalt \u2265 85 % uptime \u2192 rapporteert aan \u015e\u00fckr\u00fc Y\u0131lmaz, "
				+ "\u00c6r\u00f8sk\u00f8bing en Zo\u00eb (\u0394\u03b5\u03bb\u03c4\u03af\u03bf, \u041c\u043e\u0441\u043a\u0432\u0430)")
			.contains("ge\u00efnstalleerde netwerkcomponenten");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					fonts.add(font.getName());
					assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
				}
			}
			assertThat(fonts).isNotEmpty().allMatch((name) -> name.contains("DejaVuSans"));
		}
	}

	@Test
	void pdfIsTaggedForAccessibilityWithLanguageAndTitle() throws IOException {
		try (PDDocument document = Loader.loadPDF(BeoordelingsformulierPdf.render(this.workedExample))) {
			PDDocumentCatalog catalog = document.getDocumentCatalog();
			assertThat(catalog.getStructureTreeRoot()).as("StructTreeRoot").isNotNull();
			assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
			assertThat(catalog.getMarkInfo()).as("MarkInfo").isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).isTrue();
			assertThat(catalog.getLanguage()).isEqualTo("nl");
			assertThat(document.getDocumentInformation().getTitle())
				.isEqualTo("Beoordelingsformulier B1-K2-W2 (Netwerk- en mediabeheerder)");
			assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
		}
	}

	@Test
	void editedDescriptorIsPrintedAndGeneratedOnesShowTheLevelMeaning() throws IOException {
		Rubric rubric = new RubricEditor(TestRubrics.CLOCK).apply(this.workedExample,
				RubricChanges.create().editDescriptor("gedrag-2", 3, "Eigen omschrijving"));

		String text = text(BeoordelingsformulierPdf.render(rubric));

		assertThat(text).contains("Eigen omschrijving").doesNotContain("Zoals beschreven: zorgt");
	}

	@Test
	void ovgFormHasThreeLevelColumns() throws IOException {
		Rubric ovg = new RubricEditor(TestRubrics.CLOCK).apply(this.workedExample,
				RubricChanges.create().changeScale(RubricScale.OVG));

		String text = text(BeoordelingsformulierPdf.render(ovg));

		assertThat(text).contains("O onvoldoende", "V voldoende", "G goed").doesNotContain("niet aangetoond");
	}

	@Test
	void formWithoutProfielSaysBasisdeel() throws IOException {
		Rubric rubric = new Rubric(this.workedExample.id(), new RubricOrigin("ICT- en mediabeheer", "2016", "B1-K2-W2",
				"Implementeert (een deel van) het informatiesysteem", null), this.workedExample.version(),
				this.workedExample.scale(), this.workedExample.criteria().subList(0, 5), List.of());

		String text = text(BeoordelingsformulierPdf.render(rubric));

		assertThat(text).contains("Profiel: geen (basisdeel)").contains("Kritisch: geen kritische criteria")
			.contains("Rubric versie 1 \u00b7 ICT- en mediabeheer, versie 2016 \u00b7 B1-K2-W2");
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return normalise(new PDFTextStripper().getText(document));
		}
	}

	private static String pageText(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return normalise(stripper.getText(document));
	}

	/**
	 * The text of the criterion column (the table's first column, 28 % of the content width on A4 with 36 pt margins)
	 * of all pages, without the repeated column heading, lines joined with spaces. Read by area, so that the wrapped
	 * lines of the level cells beside a criterion do not come between its lines.
	 */
	private static String criterionColumn(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> pages = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				float width = page.getMediaBox().getWidth();
				float height = page.getMediaBox().getHeight();
				float column = (width - 72) * 0.28f;
				PDFTextStripperByArea stripper = new PDFTextStripperByArea();
				stripper.setSortByPosition(true);
				stripper.addRegion("criterion", new Rectangle2D.Float(30, 36, column + 6 + 2, height - 36 - 48));
				stripper.extractRegions(page);
				pages.add(normalise(stripper.getTextForRegion("criterion")).replaceAll("^\\s*Criterium\\b", " "));
			}
			return normalise(String.join(" ", pages));
		}
	}

	/**
	 * Text extraction cannot tell a line broken after a hyphen ("netwerk-" / "/media...") from a space after one
	 * ("kwaliteits- en"): both sides are compared with the space after a hyphen removed.
	 */
	private static String joinedAtHyphens(String text) {
		return text.replace("- ", "-");
	}

	private static String normalise(String text) {
		return text.replaceAll("\\s+", " ");
	}

}
