package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.werkproces.lti.dossier.Dossier;
import nl.werkproces.lti.dossier.DossierIdentity;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.KerntaakAanvulling;
import nl.werkproces.lti.dossier.Profiel;
import nl.werkproces.lti.dossier.ProfielAanvulling;
import nl.werkproces.lti.dossier.SourceDigest;
import nl.werkproces.lti.dossier.SourceKind;
import nl.werkproces.lti.dossier.TestDossiers;
import nl.werkproces.lti.dossier.TextBlock;
import nl.werkproces.lti.dossier.Werkproces;

import static nl.werkproces.lti.dossier.TestDossiers.ICT_BEHEERDER;
import static nl.werkproces.lti.dossier.TestDossiers.NETWERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link DossierTextParser} on the ICT- en mediabeheer reference text.
 */
public class DossierTextParserTests {

	private static DossierImport parsed;

	private static Dossier dossier;

	@BeforeAll
	static void parseReferenceText() {
		parsed = new DossierTextParser().parse(TestDossiers.ictEnMediabeheerText(), "ICT- en mediabeheer");
		dossier = parsed.dossier();
	}

	@Test
	void parsesThreeBasisKerntakenWithElevenDescribedWerkprocessen() {
		assertThat(dossier.kerntaken()).extracting(Kerntaak::code).containsExactly("B1-K1", "B1-K2", "B1-K3");
		List<Werkproces> basisWerkprocessen = dossier.kerntaken().stream().flatMap((k) -> k.werkprocessen().stream()).toList();
		assertThat(basisWerkprocessen).extracting(Werkproces::code)
			.containsExactly("B1-K1-W1", "B1-K1-W2", "B1-K1-W3", "B1-K1-W4", "B1-K2-W1", "B1-K2-W2", "B1-K2-W3", "B1-K3-W1",
					"B1-K3-W2", "B1-K3-W3", "B1-K3-W4");
		assertThat(basisWerkprocessen).allSatisfy((werkproces) -> {
			assertThat(werkproces.isDescribed()).isTrue();
			assertThat(werkproces.omschrijving()).isNotEmpty();
			assertThat(werkproces.resultaat()).isNotEmpty();
			assertThat(werkproces.competenties()).isNotEmpty();
		});
		assertThat(dossier.kerntaken()).allMatch(Kerntaak::isDescribed);
		assertThat(dossier.kerntaak("B1-K2").orElseThrow().titel())
			.isEqualTo("Implementeren van (onderdelen van) informatiesystemen");
		assertThat(dossier.source()).isEqualTo(SourceKind.TEXT);
	}

	@ParameterizedTest(name = "{0}: {1} gedrag bullets, {2} aanvullend")
	@CsvSource({ "B1-K1-W1, 4, 0", "B1-K1-W2, 4, 0", "B1-K1-W3, 3, 0", "B1-K1-W4, 3, 0", "B1-K2-W1, 2, 0",
			"B1-K2-W2, 5, 2", "B1-K2-W3, 3, 0", "B1-K3-W1, 3, 1", "B1-K3-W2, 3, 0", "B1-K3-W3, 6, 1", "B1-K3-W4, 3, 0" })
	void parsesGedragBulletsPerWerkproces(String code, int gedrag, int aanvullend) {
		Werkproces werkproces = dossier.werkproces(code).orElseThrow();
		assertThat(werkproces.gedrag()).hasSize(gedrag);
		assertThat(werkproces.aanvullingFor(NETWERK).gedrag()).hasSize(aanvullend);
		assertThat(werkproces.aanvullingFor(ICT_BEHEERDER).gedrag()).isEmpty();
	}

	@Test
	void parsesB1K2W2LastGedragBulletAcrossPageBreak() {
		Werkproces werkproces = dossier.werkproces("B1-K2-W2").orElseThrow();
		assertThat(werkproces.gedrag()).last()
			.isEqualTo("bespreekt waar nodig de afwijkingen in de uitvoering ten opzichte van de vooraf gedefinieerde "
					+ "planning met zijn opdrachtgever en rapporteert de resultaten volledig en correct.");
		assertThat(werkproces.gedrag()).first()
			.isEqualTo("zorgt ervoor dat de implementatie volgens plan verloopt. Hij bewaakt daarbij de voortgang ten "
					+ "aanzien van gedefinieerde deadlines en gestelde doelen.");
		assertThat(werkproces.competenties()).containsExactly("Vakdeskundigheid toepassen", "Plannen en organiseren",
				"Kwaliteit leveren", "Met druk en tegenslag omgaan", "Samenwerken en overleggen");
	}

	@Test
	void parsesB1K2W2AanvullendGedragAndCompetentiesForNetwerkEnMediabeheerder() {
		ProfielAanvulling aanvulling = dossier.werkproces("B1-K2-W2").orElseThrow().aanvullingFor(NETWERK);
		assertThat(aanvulling.gedrag()).containsExactly(
				"werkt conform de voorgeschreven procedures en veiligheidsvoorschriften",
				"is gedreven om de netwerk-/mediainfrastructuur zo optimaal mogelijk te krijgen en te behouden.");
		assertThat(aanvulling.competenties()).containsExactly("Instructies en procedures opvolgen", "Kwaliteit leveren");
		assertThat(aanvulling.omschrijving())
			.startsWith("De netwerk- en mediabeheerder implementeert de netwerk-/mediainfrastructuur.")
			.endsWith("in een netwerk- of mediaproductieomgeving.");
		assertThat(aanvulling.resultaat()).startsWith("Correct en volledig geïnstalleerde netwerkcomponenten");
	}

	@Test
	void dropsIntroductionOfAanvullendGedrag() {
		ProfielAanvulling aanvulling = dossier.werkproces("B1-K3-W1").orElseThrow().aanvullingFor(NETWERK);
		assertThat(aanvulling.gedrag())
			.containsExactly("voert proactief werkzaamheden uit t.b.v. het bewaken van de netwerk-/mediainfrastructuur.");
		assertThat(aanvulling.competenties()).containsExactly("Beslissen en activiteiten initiëren", "Kwaliteit leveren");
		assertThat(dossier.werkproces("B1-K3-W3").orElseThrow().aanvullingFor(NETWERK).gedrag()).containsExactly(
				"is in voorkomende gevallen in staat om prioriteiten te stellen en te kiezen om de oplossingsgerichte aanpak "
						+ "boven het volgen van de procedure. Hij kan deze afweging helder en goed onderbouwd beargumenteren.");
	}

	@Test
	void readsNietVanToepassingAsEmpty() {
		Werkproces b1k1w1 = dossier.werkproces("B1-K1-W1").orElseThrow();
		assertThat(b1k1w1.aanvullingFor(NETWERK).gedrag()).isEmpty();
		assertThat(b1k1w1.aanvullingFor(NETWERK).competenties()).isEmpty();
		assertThat(b1k1w1.aanvullingFor(NETWERK).omschrijving()).isNotEmpty();
		ProfielAanvulling b1k3w2 = dossier.werkproces("B1-K3-W2").orElseThrow().aanvullingFor(NETWERK);
		assertThat(b1k3w2.resultaat()).isEmpty();
		assertThat(b1k3w2.gedrag()).isEmpty();
		assertThat(dossier.werkproces("B1-K1-W4").orElseThrow().aanvullingen()).isEmpty();
	}

	@Test
	void keepsIctBeheerderWerkprocessenByTitleOnly() {
		Profiel ictBeheerder = dossier.profiel(ICT_BEHEERDER).orElseThrow();
		assertThat(ictBeheerder.kerntaken()).extracting(Kerntaak::code).containsExactly("P1-K1", "P1-K2");
		List<Werkproces> werkprocessen = ictBeheerder.kerntaken().stream().flatMap((k) -> k.werkprocessen().stream()).toList();
		assertThat(werkprocessen).extracting(Werkproces::code)
			.containsExactly("P1-K1-W1", "P1-K1-W2", "P1-K2-W1", "P1-K2-W2", "P1-K2-W3");
		assertThat(werkprocessen).allSatisfy((werkproces) -> {
			assertThat(werkproces.isDescribed()).isFalse();
			assertThat(werkproces.gedrag()).isEmpty();
			assertThat(werkproces.resultaat()).isEmpty();
			assertThat(werkproces.competenties()).isEmpty();
		});
		assertThat(werkprocessen.get(0).titel()).isEqualTo("Behandelt en handelt incidentmeldingen af");
		assertThat(ictBeheerder.kerntaken().get(1).titel()).isEqualTo("Organiseren van een (bestaande) servicedesk");
		assertThat(ictBeheerder.kerntaken()).noneMatch(Kerntaak::isDescribed);
		assertThat(dossier.kerntakenFor(ICT_BEHEERDER)).extracting(Kerntaak::code)
			.containsExactly("B1-K1", "B1-K2", "B1-K3", "P1-K1", "P1-K2");
		assertThat(parsed.warnings()).anyMatch((warning) -> warning.contains("P1-K2-W1, P1-K2-W2, P1-K2-W3"));
	}

	@Test
	void keysProfielenByNameWithTheProfieldeelCode() {
		assertThat(dossier.profielen()).extracting(Profiel::code, Profiel::naam, Profiel::mboNiveau)
			.containsExactly(tuple("P1", ICT_BEHEERDER, null),
					tuple("P2", NETWERK, 4));
		assertThat(dossier.profiel(NETWERK).orElseThrow().kerntaken()).isEmpty();
		assertThat(parsed.warnings()).contains(
				"Profiel Netwerk- en mediabeheerder heet P1 in de overzichtstabel maar P2 in het overzicht van het "
						+ "profieldeel; P2 aangehouden.",
				"Het mbo-niveau van profiel ICT-beheerder staat niet in de bron.");
	}

	@Test
	void leavesNoPageArtefactInAnyText() {
		Pattern artefact = Pattern.compile("[BP]\\d-K\\d|Pagina|\\s{2}|^\\s|\\s$|\u00A0|Voor .* geldt aanvullend");
		assertThat(allTexts(dossier)).isNotEmpty().allSatisfy((text) -> assertThat(text).doesNotContainPattern(artefact));
		assertThat(dossier.werkproces("B1-K1-W4").orElseThrow().competenties()).containsExactly("Formuleren en rapporteren",
				"Materialen en middelen inzetten", "Plannen en organiseren", "Kwaliteit leveren");
		assertThat(dossier.werkproces("B1-K3-W3").orElseThrow().omschrijving())
			.contains("informeert hij de collega’s en gebruikers hier over. De beheerder zorgt er eveneens voor dat de "
					+ "verschillende soorten documentatie");
		assertThat(dossier.werkproces("B1-K2-W1").orElseThrow().aanvullingFor(NETWERK).omschrijving())
			.startsWith("De netwerk- en mediabeheerder inventariseert de consequenties van een implementatie");
	}

	@Test
	void neverCutsABulletShort() {
		Pattern danglingWord = Pattern.compile("\\b(?:de|het|een|en|van|met|zijn|op|in|aan|te|voor|of|naar|bij)$");
		List<String> items = dossier.allKerntaken()
			.stream()
			.flatMap((k) -> Stream.concat(k.vakkennisEnVaardigheden().stream(),
					k.werkprocessen().stream().flatMap((w) -> w.gedrag().stream())))
			.toList();
		assertThat(items).hasSizeGreaterThan(40).allSatisfy((item) -> {
			assertThat(item).doesNotContainPattern(danglingWord);
			assertThat(item).matches("^[\\p{L}(].*");
		});
	}

	@Test
	void joinsWrappedLinesWithSingleSpacesAndKeepsCompounds() {
		Werkproces b1k1w1 = dossier.werkproces("B1-K1-W1").orElseThrow();
		assertThat(b1k1w1.omschrijving())
			.startsWith("De beheerder inventariseert de informatie-/mediabehoefte binnen een afdeling of (delen van) een "
					+ "organisatie door het verzamelen van informatie. Hij overlegt met de klant")
			.endsWith("Waar nodig stelt hij zijn plannen, ideeën en zijn werkplanning bij.");
		assertThat(b1k1w1.resultaat()).isEqualTo("Op basis van de verzamelde informatie een volledig en correct overzicht van "
				+ "de informatie-/media-behoefte van de opdrachtgever/organisatie en een passende, goedgekeurde werkplanning "
				+ "van voorbereidende werkzaamheden m.b.t. het ontwikkelen van (onderdelen van) informatiesystemen.");
		assertThat(b1k1w1.aanvullingFor(NETWERK).resultaat()).isEqualTo("De behoeften van de opdrachtgever/organisatie en de "
				+ "mogelijkheden binnen de organisatie m.b.t. de netwerk-/mediainfrastructuur, of delen daarvan, zijn verzameld.");
		assertThat(b1k1w1.gedrag().get(1)).isEqualTo("legt zijn plannen en ideeën steeds tijdig voor aan relevante anderen en "
				+ "stelt waar nodig zijn visie op correcte wijze en passend bij de wensen van de opdrachtgever bij.");
		assertThat(b1k1w1.titel()).isEqualTo("Stelt de vraag en/of informatie-/ mediabehoefte van de opdrachtgever vast");
	}

	@Test
	void keepsCompetentiesInTheDossiersOrder() {
		assertThat(dossier.werkproces("B1-K1-W1").orElseThrow().competenties()).containsExactly("Analyseren", "Onderzoeken",
				"Op de behoeften en verwachtingen van de \"klant\" richten", "Plannen en organiseren");
		assertThat(dossier.werkproces("B1-K3-W4").orElseThrow().competenties())
			.containsExactly("Vakdeskundigheid toepassen", "Creëren en innoveren");
		assertThat(parsed.warnings()).noneMatch((warning) -> warning.contains("onbekende competentie"));
	}

	@Test
	void parsesVakkennisParagraphBulletsAsItems() {
		Kerntaak b1k1 = dossier.kerntaak("B1-K1").orElseThrow();
		assertThat(b1k1.vakkennisEnVaardigheden()).hasSize(6)
			.first()
			.isEqualTo("Heeft kennis van binnen de organisatie geldende regels en procedures");
		assertThat(b1k1.vakkennisEnVaardigheden().get(4)).isEqualTo("Kan basis-interviewtechnieken toepassen bij de "
				+ "verheldering van de behoefte van de opdrachtgever (ook in het Engels)");
		KerntaakAanvulling aanvulling = b1k1.aanvullingFor(NETWERK);
		assertThat(aanvulling.vakkennisEnVaardigheden()).hasSize(7);
		assertThat(aanvulling.vakkennisEnVaardigheden().get(1))
			.isEqualTo("Heeft diepgaande, specialistische technische kennis van netwerken, media of een netwerk-/mediainfrastructuur");
		assertThat(aanvulling.complexiteit()).isEqualTo("De netwerk- en mediabeheerder beschikt over specialistische kennis "
				+ "en vaardigheden op het gebied van netwerk- en mediabeheer.");
		assertThat(b1k1.verantwoordelijkheidEnZelfstandigheid()).startsWith("De beheerder heeft vooral een uitvoerende en "
				+ "controlerende rol.");
		assertThat(dossier.kerntaak("B1-K2").orElseThrow().vakkennisEnVaardigheden()).hasSize(5);
		assertThat(dossier.kerntaak("B1-K3").orElseThrow().aanvullingFor(NETWERK).vakkennisEnVaardigheden()).hasSize(8);
	}

	@Test
	void recordsIdentityWithTheFallbackTitleAndASourceDigest() {
		DossierIdentity identity = dossier.identity();
		assertThat(identity.titel()).isEqualTo("ICT- en mediabeheer");
		assertThat(identity.crebo()).isNull();
		assertThat(identity.versie()).isNull();
		assertThat(identity.sourceSha256()).hasSize(64)
			.isEqualTo(SourceDigest.of(TestDossiers.ictEnMediabeheerText()));
		assertThat(parsed.warnings()).contains("De bron noemt geen titel; \"ICT- en mediabeheer\" gebruikt.");
	}

	public static List<String> allTexts(Dossier dossier) {
		List<String> texts = new ArrayList<>();
		for (Kerntaak kerntaak : dossier.allKerntaken()) {
			texts.add(kerntaak.titel());
			texts.addAll(blockLines(kerntaak.complexiteit(), kerntaak.verantwoordelijkheidEnZelfstandigheid()));
			texts.addAll(kerntaak.vakkennisEnVaardigheden());
			kerntaak.aanvullingen().values().forEach((aanvulling) -> {
				texts.addAll(blockLines(aanvulling.complexiteit(), aanvulling.verantwoordelijkheidEnZelfstandigheid()));
				texts.addAll(aanvulling.vakkennisEnVaardigheden());
			});
			for (Werkproces werkproces : kerntaak.werkprocessen()) {
				texts.add(werkproces.titel());
				texts.addAll(blockLines(werkproces.omschrijving(), werkproces.resultaat()));
				texts.addAll(werkproces.gedrag());
				texts.addAll(werkproces.competenties());
				werkproces.aanvullingen().values().forEach((aanvulling) -> {
					texts.addAll(blockLines(aanvulling.omschrijving(), aanvulling.resultaat()));
					texts.addAll(aanvulling.gedrag());
					texts.addAll(aanvulling.competenties());
				});
			}
		}
		return texts.stream().filter((text) -> !text.isEmpty()).toList();
	}


	/** The lines of the paragraphs and list items of stored text fields (an empty field counts as one empty text). */
	private static List<String> blockLines(String... fields) {
		List<String> lines = new ArrayList<>();
		for (String field : fields) {
			List<TextBlock> blocks = TextBlock.parse(field);
			if (blocks.isEmpty()) {
				lines.add(field);
			}
			blocks.forEach((block) -> lines.addAll(block.lines()));
		}
		return lines;
	}

}
