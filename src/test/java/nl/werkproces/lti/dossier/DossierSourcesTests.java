package nl.werkproces.lti.dossier;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an import accepts as a kwalificatiedossier ({@link DossierSources}): a text or PDF needs the structure of one
 * (an overview of kerntaken and werkprocessen whose descriptions follow); an examenplan that names kerntaken and
 * werkprocessen is refused as {@link Reason#NOT_A_DOSSIER}. Text in UTF-16 is read like UTF-8.
 */
class DossierSourcesTests {

	/** A school's examenplan: kerntaak and werkproces headings with exam details, no dossier structure. */
	private static final String EXAMENPLAN = """
			Examenplan ICT- en mediabeheer, cohort 2026-2027
			Opleiding Medewerker ICT, crebo 25604, niveau 4
			B1-K1: Levert een bijdrage aan het IT-systeembeheer
			Examenvorm: proeve van bekwaamheid in de beroepspraktijk, periode 3
			B1-K1-W1: Inventariseert wensen en behoeften
			Beoordeling door twee examinatoren, O/V/G
			B1-K1-W2: Installeert en configureert systemen
			Beoordeling door twee examinatoren, O/V/G
			B1-K2: Levert een bijdrage aan het IT-servicemanagement
			B1-K2-W1: Handelt incidenten af
			Herkansing: eenmaal per werkproces
			""";

	/** The same with an overview copied from the dossier, but still without any werkproces description. */
	private static final String EXAMENPLAN_WITH_OVERVIEW = """
			Examenplan ICT- en mediabeheer
			Overzicht van het kwalificatiedossier
			B1-K1 Levert een bijdrage aan het IT-systeembeheer
			B1-K1-W1 Inventariseert wensen en behoeften
			B1-K1-W2 Installeert en configureert systemen
			B1-K1: Levert een bijdrage aan het IT-systeembeheer
			Examenvorm: proeve van bekwaamheid
			B1-K1-W1: Inventariseert wensen en behoeften
			Periode 3
			B1-K1-W2: Installeert en configureert systemen
			Periode 4
			""";

	private final DossierSources sources = new DossierSources();

	@Test
	void refusesAnExamenplanAsText() {
		assertNotADossier(EXAMENPLAN.getBytes(StandardCharsets.UTF_8));
		assertNotADossier(EXAMENPLAN_WITH_OVERVIEW.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void refusesAnExamenplanAsPdf() {
		assertNotADossier(TestPdfs.fromText(EXAMENPLAN));
		assertNotADossier(TestPdfs.fromText(EXAMENPLAN_WITH_OVERVIEW));
	}

	@Test
	void acceptsTheReferenceDossierAsTextInUtf8AndUtf16WithTheSameSha256() {
		String text = TestDossiers.ictEnMediabeheerText();

		DossierImport utf8 = this.sources.read("ict.txt", text.getBytes(StandardCharsets.UTF_8), "ICT- en mediabeheer");
		DossierImport utf16 = this.sources.read("ict.txt", text.getBytes(StandardCharsets.UTF_16), "ICT- en mediabeheer");

		assertThat(utf8.dossier().allWerkprocessen()).hasSize(16);
		assertThat(utf16.dossier()).isEqualTo(utf8.dossier());
	}

	private void assertNotADossier(byte[] source) {
		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.sources.read("examenplan", source, null))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.NOT_A_DOSSIER);
				assertThat(ex.dutchMessage()).contains("geen kwalificatiedossier");
			});
	}

}
