package nl.werkproces.lti.dossier.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.werkproces.lti.dossier.Dossier;
import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierIdentity;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.TestDossiers;
import nl.werkproces.lti.dossier.Werkproces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link DossierTextParser} on variations of the reference text and on sources that are not a
 * dossier.
 */
class DossierTextParserRobustnessTests {

	private final DossierTextParser parser = new DossierTextParser();

	private final Dossier reference = TestDossiers.ictEnMediabeheer();

	@Test
	void parsesCrlfNonBreakingSpacesBulletGlyphsAndLigaturesLikeThePlainText() {
		String variant = TestDossiers.ictEnMediabeheerText()
			.replace("\n- ", "\n\u2022 ")
			.replace("\n§ ", "\n\uF0A7 ")
			.replace("fi", "\uFB01")
			.replace("fl", "\uFB02")
			.replace(" de ", "\u00A0de\u00A0")
			.replace("\n", "\r\n");

		Dossier dossier = this.parser.parse(variant, "ICT- en mediabeheer").dossier();

		assertThat(dossier.kerntaken()).isEqualTo(this.reference.kerntaken());
		assertThat(dossier.profielen()).isEqualTo(this.reference.profielen());
	}

	@Test
	void removesPageNumbersAndRunningHeadersAtPageBreaks() {
		List<String> lines = new ArrayList<>();
		int page = 1;
		lines.add("ICT- en mediabeheer 2016");
		for (String line : TestDossiers.ictEnMediabeheerText().split("\n")) {
			if (line.startsWith(" ")) {
				// the reference text starts each page with a space: make real page breaks of them
				lines.add("Kwalificatiedossier ICT- en mediabeheer | crebo 23132 | versie 2");
				lines.add(String.valueOf(page++));
				lines.add("\f");
				lines.add("ICT- en mediabeheer 2016");
			}
			lines.add(line);
		}
		lines.add("Pagina " + page + " van " + page);

		DossierImport imported = this.parser.parse(String.join("\n", lines), "ICT- en mediabeheer");

		assertThat(imported.dossier().kerntaken()).isEqualTo(this.reference.kerntaken());
		assertThat(imported.dossier().profielen()).isEqualTo(this.reference.profielen());
		assertThat(imported.dossier().identity().crebo()).isEqualTo("23132");
		assertThat(imported.dossier().identity().versie()).isEqualTo("2");
	}

	@Test
	void keepsTheMboNiveauWhenItEndsAPage() {
		// only the profieldeel states the niveau, and the page (marked by a form feed) ends with it
		String text = TestDossiers.ictEnMediabeheerText()
			.replace("P1 Netwerk- en mediabeheerder 4 Nee middenkaderopleiding\n", "")
			.replace("Mbo-niveau\n\n4\n", "Mbo-niveau\n\n4\n\f\n")
			.replace("\n ", "\n\f\n ");
		assertThat(text).contains("4\n\f");

		Dossier dossier = this.parser.parse(text, "ICT- en mediabeheer").dossier();

		assertThat(dossier.profiel(TestDossiers.NETWERK).orElseThrow().mboNiveau()).isEqualTo(4);
		assertThat(dossier.kerntaken()).isEqualTo(this.reference.kerntaken());
	}

	@Test
	void dropsARepeatedHeadingWhoseTitleWrapsInsideABullet() {
		String text = """
				B1-K1: Werkt aan iets
				Complexiteit
				Eenvoudig.
				B1-K1-W1: Voert een zeer lange werkproces titel uit die over twee regels
				doorloopt
				Omschrijving
				De medewerker doet iets.
				Resultaat
				Iets is gedaan.
				Gedrag
				De medewerker:
				- werkt netjes en
				B1-K1-W1: Voert een zeer lange werkproces titel uit die over twee regels
				doorloopt
				zorgvuldig.
				- ruimt op.
				De onderliggende competenties zijn: Kwaliteit leveren, Instructies en
				procedures opvolgen
				""";

		Werkproces werkproces = this.parser.parse(text, "Test").dossier().werkproces("B1-K1-W1").orElseThrow();

		assertThat(werkproces.titel()).isEqualTo("Voert een zeer lange werkproces titel uit die over twee regels doorloopt");
		assertThat(werkproces.gedrag()).containsExactly("werkt netjes en zorgvuldig.", "ruimt op.");
		assertThat(werkproces.competenties()).containsExactly("Kwaliteit leveren", "Instructies en procedures opvolgen");
	}

	@Test
	void readsTitleCreboVersieAndGeldigVanafFromTheCoverPage() {
		String cover = """
				Kwalificatiedossier mbo
				ICT- en mediabeheer
				Crebonummer: 23132
				Versie 2
				Geldig vanaf 1 augustus 2016
				""";

		DossierImport imported = this.parser.parse(cover + TestDossiers.ictEnMediabeheerText());

		DossierIdentity identity = imported.dossier().identity();
		assertThat(identity.titel()).isEqualTo("ICT- en mediabeheer");
		assertThat(identity.crebo()).isEqualTo("23132");
		assertThat(identity.versie()).isEqualTo("2");
		assertThat(identity.geldigVanaf()).isEqualTo(LocalDate.of(2016, 8, 1));
		assertThat(imported.warnings()).noneMatch((warning) -> warning.startsWith("De bron noemt geen"));
	}

	@Test
	void usesAPlaceholderTitleWhenNeitherTextNorCallerGivesOne() {
		DossierImport imported = this.parser.parse(TestDossiers.ictEnMediabeheerText());

		assertThat(imported.dossier().titel()).isEqualTo(DossierTextParser.UNKNOWN_TITLE);
		assertThat(imported.warnings()).anyMatch((warning) -> warning.startsWith("De bron noemt geen titel"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\n\n\r\n\t" })
	void refusesAnEmptyText(String text) {
		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.parse(text))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.EMPTY);
				assertThat(ex.dutchMessage()).isEqualTo("Het bestand is leeg.");
				assertThat(ex.getMessage()).isEqualTo("The source is empty.");
			});
		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.parse(null));
	}

	@Test
	void refusesRandomTextAsNotADossier() {
		String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n- sed do eiusmod\nResultaat\n";

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.parse(text))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.NOT_A_DOSSIER);
				assertThat(ex.dutchMessage()).startsWith("Dit is geen kwalificatiedossier");
			});
	}

	@Test
	void refusesBinaryGarbageAsNotADossier() {
		StringBuilder garbage = new StringBuilder();
		for (int i = 0; i < 4000; i++) {
			garbage.append((char) ((i * 7919) % 0xD7FF));
		}

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.parse(garbage.toString()))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.NOT_A_DOSSIER);
	}

	@Test
	void refusesADossierWithoutKerntaken() {
		String text = TestDossiers.ictEnMediabeheerText().lines().limit(40).reduce("", (a, b) -> a + b + "\n");

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.parse(text))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.NO_KERNTAKEN);
	}

	@Test
	void parsesOrRefusesEveryTruncationOfTheReferenceText() {
		List<String> lines = TestDossiers.ictEnMediabeheerText().lines().toList();
		for (int end = 0; end <= lines.size(); end += 5) {
			String truncated = String.join("\n", lines.subList(0, end));
			Throwable thrown = catchThrowable(() -> this.parser.parse(truncated));
			assertThat(thrown).as("truncated after %d lines", end)
				.satisfiesAnyOf((ex) -> assertThat(ex).isNull(),
						(ex) -> assertThat(ex).isInstanceOf(DossierFormatException.class));
		}
	}

}
