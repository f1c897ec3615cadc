package nl.werkproces.lti.dossier.xml;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.werkproces.lti.dossier.Dossier;
import nl.werkproces.lti.dossier.DossierIdentity;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.Profiel;
import nl.werkproces.lti.dossier.SourceDigest;
import nl.werkproces.lti.dossier.SourceKind;
import nl.werkproces.lti.dossier.TestDossiers;
import nl.werkproces.lti.dossier.Werkproces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link DossierXmlParser} on SBB's export of dossier 2755 Dienstverlening. The expected counts
 * were taken from the XML itself.
 */
class DossierXmlParserTests {

	private static DossierImport imported;

	private static Dossier dossier;

	@BeforeAll
	static void readSample() {
		imported = new DossierXmlParser().read(TestDossiers.dienstverleningXml());
		dossier = imported.dossier();
	}

	@Test
	void readsTheDossiersIdentity() {
		DossierIdentity identity = dossier.identity();
		assertThat(identity.titel()).isEqualTo("Dienstverlening");
		assertThat(identity.crebo()).isEqualTo("23189");
		assertThat(identity.versie()).isNull();
		assertThat(identity.geldigVanaf()).isEqualTo(LocalDate.of(2015, 8, 1));
		assertThat(identity.sourceSha256()).hasSize(64).isNotEqualTo(SourceDigest.of(TestDossiers.dienstverleningXml()));
		assertThat(dossier.source()).isEqualTo(SourceKind.XML);
	}

	@Test
	void importsAllProfielenWithNiveauCreboAndKerntaken() {
		assertThat(dossier.profielen()).extracting(Profiel::code, Profiel::naam, Profiel::mboNiveau, Profiel::crebo)
			.containsExactly(tuple("P1", "Medewerker facilitaire dienstverlening", 2, "25499"),
					tuple("P2", "Helpende Zorg en Welzijn", 2, "25498"),
					tuple("P3", "Medewerker sport en recreatie", 2, "25500"));
		assertThat(dossier.profielen()).allSatisfy((profiel) -> {
			assertThat(profiel.kerntaken()).hasSize(1);
			assertThat(profiel.kerntaken().get(0).werkprocessen()).hasSize(3);
		});
		assertThat(dossier.profiel("Helpende Zorg en Welzijn").orElseThrow().kerntaken().get(0).titel())
			.isEqualTo("Ondersteunt bij dagelijkse activiteiten in zorg en welzijn");
	}

	@Test
	void importsAllWerkprocessenWithCodesFromTheirHoofdstuk() {
		assertThat(dossier.kerntaken()).extracting(Kerntaak::code, Kerntaak::titel)
			.containsExactly(tuple("B1-K1", "Voert dienstverlenende werkzaamheden uit"));
		assertThat(dossier.kerntaken().get(0).werkprocessen()).extracting(Werkproces::code)
			.containsExactly("B1-K1-W1", "B1-K1-W2", "B1-K1-W3", "B1-K1-W4", "B1-K1-W5", "B1-K1-W6", "B1-K1-W7",
					"B1-K1-W8", "B1-K1-W9");
		assertThat(dossier.allKerntaken()).hasSize(4);
		assertThat(dossier.allWerkprocessen()).hasSize(18).allMatch(Werkproces::isDescribed);
		assertThat(dossier.werkproces("B1-K1-W9").orElseThrow().titel()).isEqualTo("Evalueert de werkzaamheden");
		assertThat(dossier.werkproces("B1-K1-W6").orElseThrow().titel()).isEqualTo("Draagt bij aan een veilige situatie");
		assertThat(dossier.werkproces("P3-K1-W3").orElseThrow().titel()).isEqualTo("Houdt toezicht");
	}

	@ParameterizedTest(name = "{0}: {1} gedrag bullets")
	@CsvSource({ "B1-K1-W1, 6", "B1-K1-W2, 4", "B1-K1-W3, 5", "B1-K1-W4, 3", "B1-K1-W5, 5", "B1-K1-W6, 5",
			"B1-K1-W7, 6", "B1-K1-W8, 5", "B1-K1-W9, 4", "P1-K1-W1, 5", "P1-K1-W2, 4", "P1-K1-W3, 6", "P2-K1-W1, 4",
			"P2-K1-W2, 6", "P2-K1-W3, 6", "P3-K1-W1, 5", "P3-K1-W2, 7", "P3-K1-W3, 6" })
	void readsGedragBulletsWithoutTheIntroduction(String code, int bullets) {
		List<String> gedrag = dossier.werkproces(code).orElseThrow().gedrag();
		assertThat(gedrag).hasSize(bullets).noneMatch((bullet) -> bullet.endsWith(":") || bullet.startsWith("-"));
	}

	@Test
	void spotChecksTexts() {
		Werkproces b1k1w1 = dossier.werkproces("B1-K1-W1").orElseThrow();
		assertThat(b1k1w1.titel()).isEqualTo("Bereidt werkzaamheden voor en stemt af");
		assertThat(b1k1w1.omschrijving()).startsWith("De beroepsbeoefenaar ontvangt werkopdrachten en instructies van de "
				+ "leidinggevende en/of neemt deel aan overleg")
			.endsWith("draagt zo nodig werkzaamheden over.");
		assertThat(b1k1w1.resultaat()).isEqualTo("De werkzaamheden zijn juist voorbereid.");
		assertThat(b1k1w1.gedrag()).first().isEqualTo("kiest de juiste materialen en middelen;");
		assertThat(b1k1w1.gedrag()).last().isEqualTo("plant werkzaamheden in een logische volgorde.");
		assertThat(dossier.werkproces("P2-K1-W3").orElseThrow().gedrag()).first()
			.isEqualTo("betrekt actief de cliënt bij de activiteit;");
		assertThat(dossier.werkproces("B1-K1-W3").orElseThrow().omschrijving()).doesNotContain("\n").doesNotEndWith(" ");
	}

	@Test
	void resolvesCompetentieReferencesInTheDossiersOrder() {
		assertThat(dossier.werkproces("B1-K1-W1").orElseThrow().competenties()).containsExactly(
				"Samenwerken en overleggen", "Vakdeskundigheid toepassen", "Plannen en organiseren",
				"Instructies en procedures opvolgen");
		assertThat(dossier.werkproces("P3-K1-W2").orElseThrow().competenties()).containsExactly(
				"Op de behoeften en verwachtingen van de \"klant\" richten", "Begeleiden",
				"Instructies en procedures opvolgen", "Presenteren", "Plannen en organiseren");
	}

	@Test
	void resolvesVakkennisReferencesAndSkipsRepeats() {
		Kerntaak basis = dossier.kerntaak("B1-K1").orElseThrow();
		assertThat(basis.vakkennisEnVaardigheden()).hasSize(18)
			.doesNotHaveDuplicates()
			.startsWith("heeft basiskennis van gebruik, eigenschappen en onderhoud van benodigde (hulp)middelen, "
					+ "materialen en apparatuur");
		assertThat(dossier.kerntaak("P1-K1").orElseThrow().vakkennisEnVaardigheden()).hasSize(9);
		assertThat(dossier.kerntaak("P2-K1").orElseThrow().vakkennisEnVaardigheden()).hasSize(17);
		assertThat(dossier.kerntaak("P3-K1").orElseThrow().vakkennisEnVaardigheden()).hasSize(13);
		assertThat(basis.complexiteit()).startsWith("De beroepsbeoefenaar voert eenvoudige dienstverlenende taken uit");
		assertThat(imported.warnings())
			.containsExactly("B1-K1: 6 dubbele verwijzing(en) in vakkennis en vaardigheden overgeslagen.");
	}

	@Test
	void listsTheSamplesIrrelevantPartsAndAttributesInsteadOfReadingThem() {
		String kerntaak = "sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak";
		String profiel = "sbb/dossiers/dossier/profielen/profiel";
		String crebo = "sbb/dossiers/dossier/dossiercrebos/dossiercrebo";
		assertThat(imported.ignored()).containsExactlyInAnyOrder("sbb/domeinen", "sbb/sectorkamers",
				"sbb/competenties/competentie/@code", "sbb/dossiers/dossier/@positief_advies_toetsingskamer",
				"sbb/dossiers/dossier/@referentiedomein", "sbb/dossiers/dossier/@referentievorigeversie",
				"sbb/dossiers/dossier/@status", "sbb/dossiers/dossier/@wettelijkeberoepsvereisten",
				"sbb/dossiers/dossier/voorblad", "sbb/dossiers/dossier/inleiding",
				"sbb/dossiers/dossier/verantwoordingsinformatie", crebo + "/@Datum_einde_instroom",
				crebo + "/@Datum_einde_opleiding", crebo + "/@ministerie", crebo + "/@prijsfactor",
				"sbb/dossiers/dossier/basis/@titel", "sbb/dossiers/dossier/basis/typeringberoepengroep",
				"sbb/dossiers/dossier/basis/basistaken/@titel",
				"sbb/dossiers/dossier/basis/basistaken/generieke_onderdelen", kerntaak + "/@nr",
				kerntaak + "/basiswerkprocessen/werkproces/@nr", "sbb/dossiers/dossier/profielen/@titel",
				profiel + "/@beroepsgroep", profiel + "/omschrijving",
				profiel + "/creboinformatie/crebo/@Datum_einde_instroom",
				profiel + "/creboinformatie/crebo/@Datum_einde_opleiding",
				profiel + "/creboinformatie/crebo/@Geldig_vanaf", profiel + "/creboinformatie/crebo/@ministerie",
				profiel + "/creboinformatie/crebo/@prijsfactor", profiel + "/profielkerntaken/kerntaak/@nr",
				profiel + "/profielkerntaken/kerntaak/profielwerkprocessen/werkproces/@nr");
	}

	@Test
	void hasNoAdditionsPerProfielBecauseTheSampleHasNone() {
		assertThat(dossier.allKerntaken()).allSatisfy((kerntaak) -> assertThat(kerntaak.aanvullingen()).isEmpty());
		assertThat(dossier.allWerkprocessen()).allSatisfy((werkproces) -> assertThat(werkproces.aanvullingen()).isEmpty());
	}

}
