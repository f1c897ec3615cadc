package nl.werkproces.lti.dossier.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.Dossier;
import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.SourceDigest;
import nl.werkproces.lti.dossier.SourceKind;
import nl.werkproces.lti.dossier.TestDossiers;
import nl.werkproces.lti.dossier.TestPdfs;
import nl.werkproces.lti.dossier.Werkproces;
import nl.werkproces.lti.dossier.text.DossierTextParserTests;
import nl.werkproces.lti.dossier.text.DossierTextStructureTests;

import static nl.werkproces.lti.dossier.TestDossiers.ICT_BEHEERDER;
import static nl.werkproces.lti.dossier.TestDossiers.NETWERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DossierPdfReader} on a PDF built from the reference text, and on bytes that are not a
 * dossier PDF.
 */
class DossierPdfReaderTests {

	private static byte[] pdf;

	private static DossierImport imported;

	private final DossierPdfReader reader = new DossierPdfReader();

	@BeforeAll
	static void readReferencePdf() {
		pdf = TestPdfs.fromText(TestDossiers.ictEnMediabeheerText());
		imported = new DossierPdfReader().read(pdf, "ICT- en mediabeheer");
	}

	@Test
	void readsTheSameKerntakenAndWerkprocessenAsTheText() {
		Dossier dossier = imported.dossier();
		assertThat(dossier.kerntaken()).extracting(Kerntaak::code).containsExactly("B1-K1", "B1-K2", "B1-K3");
		assertThat(dossier.kerntaken().stream().flatMap((k) -> k.werkprocessen().stream()))
			.hasSize(11)
			.allMatch(Werkproces::isDescribed);
		assertThat(dossier.profiel(ICT_BEHEERDER).orElseThrow().kerntaken().stream().flatMap((k) -> k.werkprocessen().stream()))
			.extracting(Werkproces::code)
			.containsExactly("P1-K1-W1", "P1-K1-W2", "P1-K2-W1", "P1-K2-W2", "P1-K2-W3");
		assertThat(dossier.profiel(NETWERK).orElseThrow().mboNiveau()).isEqualTo(4);
		assertThat(dossier.source()).isEqualTo(SourceKind.PDF);
		assertThat(dossier.identity().sourceSha256()).isEqualTo(SourceDigest.of(pdf));
	}

	@Test
	void readsTheSameGedragCountsAsTheText() {
		Dossier dossier = imported.dossier();
		List<Integer> gedrag = dossier.kerntaken()
			.stream()
			.flatMap((k) -> k.werkprocessen().stream())
			.map((w) -> w.gedrag().size())
			.toList();
		List<Integer> aanvullend = dossier.kerntaken()
			.stream()
			.flatMap((k) -> k.werkprocessen().stream())
			.map((w) -> w.aanvullingFor(NETWERK).gedrag().size())
			.toList();
		assertThat(gedrag).containsExactly(4, 4, 3, 3, 2, 5, 3, 3, 3, 6, 3);
		assertThat(aanvullend).containsExactly(0, 0, 0, 0, 0, 2, 0, 1, 0, 1, 0);
		assertThat(dossier.werkproces("B1-K2-W2").orElseThrow().gedrag()).last()
			.isEqualTo("bespreekt waar nodig de afwijkingen in de uitvoering ten opzichte van de vooraf gedefinieerde "
					+ "planning met zijn opdrachtgever en rapporteert de resultaten volledig en correct.");
	}

	@Test
	void keepsListsAndParagraphsOfRunningTextLikeTheTextParser() {
		DossierImport structured = new DossierPdfReader()
			.read(TestPdfs.fromText(DossierTextStructureTests.structuredReferenceText()), "ICT- en mediabeheer");

		assertThat(structured.dossier().werkproces("B1-K1-W3").orElseThrow().omschrijvingBlocks())
			.isEqualTo(DossierTextStructureTests.STRUCTURED_BLOCKS);
		assertThat(imported.dossier().werkproces("B1-K1-W4").orElseThrow().resultaatBlocks()).hasSize(3);
	}

	@Test
	void readsExactlyWhatTheTextParserReadsFromTheText() {
		Dossier fromText = TestDossiers.ictEnMediabeheer();
		assertThat(imported.dossier().kerntaken()).isEqualTo(fromText.kerntaken());
		assertThat(imported.dossier().profielen()).isEqualTo(fromText.profielen());
		assertThat(DossierTextParserTests.allTexts(imported.dossier())).noneMatch((text) -> text.matches(".*\\b\\d{1,2}$"));
	}

	@Test
	void readsFromAStream() throws IOException {
		DossierImport fromStream = this.reader.read(new ByteArrayInputStream(pdf), "ICT- en mediabeheer");

		assertThat(fromStream.dossier()).isEqualTo(imported.dossier());
	}

	@Test
	void refusesBytesThatAreNotAPdf() {
		byte[] text = TestDossiers.ictEnMediabeheerText().getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.reader.read(text, null))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.PDF_UNREADABLE);
				assertThat(ex.dutchMessage()).isEqualTo("Dit bestand is geen PDF.");
			});
	}

	@Test
	void refusesADamagedPdf() {
		byte[] damaged = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer garbage"
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.reader.read(damaged, null))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.PDF_UNREADABLE);
	}

	@Test
	void refusesATruncatedPdf() {
		byte[] truncated = Arrays.copyOf(pdf, pdf.length / 3);

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.reader.read(truncated, null))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.PDF_UNREADABLE);
	}

	@Test
	void refusesAPasswordProtectedPdf() {
		byte[] protectedPdf = TestPdfs.fromText(TestDossiers.ictEnMediabeheerText(), "geheim");

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.reader.read(protectedPdf, null))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.PDF_UNREADABLE);
				assertThat(ex.dutchMessage()).contains("wachtwoord");
			});
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.reader.read(new byte[0], null))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.EMPTY);
	}

	@Test
	void refusesAPdfWithoutText() {
		byte[] blank = TestPdfs.blankPage();

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.reader.read(blank, null))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.PDF_WITHOUT_TEXT);
	}

	@Test
	void refusesAPdfThatIsNotADossier() {
		byte[] letter = TestPdfs.fromText("Beste ouders,\n\nDe schoolreis is op 12 juni.\nMet vriendelijke groet");

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.reader.read(letter, null))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.NOT_A_DOSSIER);
	}

}
