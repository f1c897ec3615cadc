package nl.werkproces.lti.rubric;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.TestDossiers;
import nl.werkproces.lti.dossier.Werkproces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RubricDerivationTests {

	private final RubricDerivation derivation = new RubricDerivation(TestRubrics.CLOCK);

	@Test
	void workedExampleHasNineCriteriaInProcessThenProductOrder() {
		Rubric rubric = TestRubrics.workedExample();

		assertThat(rubric.criteria()).extracting(Criterion::key)
			.containsExactly("gedrag-1", "gedrag-2", "gedrag-3", "gedrag-4", "gedrag-5", "aanvullend-gedrag-1",
					"aanvullend-gedrag-2", "resultaat-1", "aanvullend-resultaat-1");
		assertThat(rubric.maximum()).isEqualTo(27);
		assertThat(rubric.cesuur()).isEqualTo(18);
	}

	@Test
	void gedragBulletsBecomeProcessCriteriaThatAreNotKritisch() {
		Rubric rubric = TestRubrics.workedExample();

		assertThat(rubric.criteria().subList(0, 7)).allSatisfy((criterion) -> {
			assertThat(criterion.kind()).isEqualTo(CriterionKind.PROCESS);
			assertThat(criterion.kritisch()).isFalse();
		});
		assertThat(rubric.criteria().subList(0, 5)).noneMatch(Criterion::aanvullend);
		assertThat(rubric.criteria().subList(5, 7)).allMatch(Criterion::aanvullend);
	}

	@Test
	void resultaatBecomesKritischProductCriteriaWithAanvullendMarked() {
		Rubric rubric = TestRubrics.workedExample();

		Criterion resultaat = rubric.criterion("resultaat-1").orElseThrow();
		Criterion aanvullend = rubric.criterion("aanvullend-resultaat-1").orElseThrow();
		assertThat(resultaat.kind()).isEqualTo(CriterionKind.PRODUCT);
		assertThat(resultaat.kritisch()).isTrue();
		assertThat(resultaat.aanvullend()).isFalse();
		assertThat(resultaat.text()).isEqualTo("De implementatie stemt overeen met de opdracht en het ontwerp en is "
				+ "volgens het implementatieplan op juiste wijze uitgevoerd. De rapportage en documentatie zijn correct "
				+ "en volledig opgeleverd.");
		assertThat(aanvullend.kind()).isEqualTo(CriterionKind.PRODUCT);
		assertThat(aanvullend.kritisch()).isTrue();
		assertThat(aanvullend.aanvullend()).isTrue();
		assertThat(aanvullend.text()).startsWith("Correct en volledig ge\u00efnstalleerde netwerkcomponenten")
			.endsWith("voldoet aan de voorschriften en gestelde eisen.");
	}

	@Test
	void eachWrittenParagraphOfATextDossiersResultaatIsAProductCriterionOfItsOwn() {
		Werkproces b1k1w4 = TestDossiers.ictEnMediabeheer().werkproces("B1-K1-W4").orElseThrow();
		Rubric rubric = this.derivation.derive(new RubricSource(TestRubrics.WORKED_EXAMPLE_ORIGIN, b1k1w4.gedrag(),
				b1k1w4.resultaat(), List.of(), "", b1k1w4.competenties()));

		assertThat(rubric.criteria()).filteredOn((criterion) -> criterion.kind() == CriterionKind.PRODUCT)
			.extracting(Criterion::key, Criterion::text)
			.containsExactly(tuple("resultaat-1",
					"Volgens procedures uitgevoerde standaardtestactiviteiten in een (al bestaande) testomgeving."),
					tuple("resultaat-2", "Correct ge\u00efnterpreteerde testresultaten worden verwerkt in een testrapport "
							+ "dat weergeeft in hoeverre het (onderdeel van het) informatiesysteem voldoet aan de "
							+ "specificaties, inclusief advies over eventuele aanpassingen/verbeteringen en een mogelijke "
							+ "implementatie."),
					tuple("resultaat-3", "Een correct en volledig ge\u00efnformeerde opdrachtgever en ordelijk en "
							+ "zorgvuldig (digitaal) gearchiveerde documentatie."));
	}

	@Test
	void criterionTextIsCapitalisedWithWrappedLinesJoined() {
		Criterion first = TestRubrics.workedExample().criteria().get(0);

		assertThat(first.text()).isEqualTo("Zorgt ervoor dat de implementatie volgens plan verloopt. Hij bewaakt "
				+ "daarbij de voortgang ten aanzien van gedefinieerde deadlines en gestelde doelen.");
	}

	@Test
	void levelsAreTheFourPointLevelsWithDescriptorsFromTheCriterionText() {
		Criterion first = TestRubrics.workedExample().criteria().get(0);

		assertThat(first.levels()).extracting(Level::score).containsExactly(0, 1, 2, 3);
		assertThat(first.levels()).extracting(Level::label)
			.containsExactly("niet aangetoond", "onvoldoende", "voldoende", "goed");
		assertThat(first.levels()).extracting(Level::descriptor)
			.containsExactly("Niet aangetoond: zorgt ervoor dat de implementatie volgens plan verloopt. Hij bewaakt "
					+ "daarbij de voortgang ten aanzien van gedefinieerde deadlines en gestelde doelen.",
					"Gedeeltelijk of alleen met sturing: zorgt ervoor dat de implementatie volgens plan verloopt. Hij "
							+ "bewaakt daarbij de voortgang ten aanzien van gedefinieerde deadlines en gestelde doelen.",
					"Zoals beschreven: zorgt ervoor dat de implementatie volgens plan verloopt. Hij bewaakt daarbij de "
							+ "voortgang ten aanzien van gedefinieerde deadlines en gestelde doelen.",
					"Zelfstandig, goed onderbouwd en proactief: zorgt ervoor dat de implementatie volgens plan verloopt. "
							+ "Hij bewaakt daarbij de voortgang ten aanzien van gedefinieerde deadlines en gestelde doelen.");
	}

	@Test
	void productDescriptorsSpeakOfTheResultNotOfBehaviour() {
		Criterion resultaat = TestRubrics.workedExample().criterion("resultaat-1").orElseThrow();

		assertThat(resultaat.level(1).orElseThrow().descriptor())
			.startsWith("Gedeeltelijk of onvolledig: de implementatie stemt overeen");
		assertThat(resultaat.level(3).orElseThrow().descriptor())
			.startsWith("Volledig zoals beschreven, zelfstandig gerealiseerd en goed onderbouwd: de implementatie");
	}

	@Test
	void templateKeepsOriginAndIsVersionOne() {
		Rubric rubric = TestRubrics.workedExample();

		assertThat(rubric.origin()).isEqualTo(TestRubrics.WORKED_EXAMPLE_ORIGIN);
		assertThat(rubric.version().number()).isEqualTo(1);
		assertThat(rubric.version().isTemplate()).isTrue();
		assertThat(rubric.version().createdAt()).isEqualTo(TestRubrics.DERIVED_AT);
		assertThat(rubric.templateId()).isEqualTo(rubric.id());
		assertThat(rubric.scale()).isEqualTo(RubricScale.POINTS_0_3);
	}

	@Test
	void derivingTheSameSourceTwiceGivesTheSameTemplateId() {
		assertThat(TestRubrics.workedExample().id()).isEqualTo(TestRubrics.workedExample().id());
	}

	@Test
	void anotherProfielGivesAnotherTemplateId() {
		RubricSource source = TestRubrics.workedExampleSource();
		RubricOrigin basisdeelOnly = new RubricOrigin("ICT- en mediabeheer", "2016", "B1-K2-W2",
				"Implementeert (een deel van) het informatiesysteem", null);

		Rubric basis = this.derivation.derive(new RubricSource(basisdeelOnly, source.gedrag(), source.resultaat(),
				List.of(), "", source.competenties()));

		assertThat(basis.id()).isNotEqualTo(TestRubrics.workedExample().id());
		assertThat(basis.criteria()).hasSize(6).noneMatch(Criterion::aanvullend);
	}

	@Test
	void competentiesBecomeTagsWithoutDuplicates() {
		assertThat(TestRubrics.workedExample().competenties()).containsExactly("Vakdeskundigheid toepassen",
				"Plannen en organiseren", "Kwaliteit leveren", "Met druk en tegenslag omgaan",
				"Samenwerken en overleggen", "Instructies en procedures opvolgen");
	}

	@Test
	void resultaatWithIndependentStatementsOnTheirOwnLinesGivesOneCriterionEach() {
		// B1-K2-W1: two results, each starting on its own line; the first wraps over two lines.
		String resultaat = "Een helder en volledig geschreven (aandeel voor het) implementatieplan en volledig, nauwkeurige en begrijpelijke\n"
				+ "beschrijving van zijn deelwerkzaamheden.\n"
				+ "Een volledig en juist ge\u00efnformeerde opdrachtgever, leidinggevende en/of collega's m.b.t. de implementatie.";

		Rubric rubric = this.derivation.derive(source(List.of(), resultaat, "N.v.t."));

		assertThat(rubric.criteria()).extracting(Criterion::text)
			.containsExactly("Een helder en volledig geschreven (aandeel voor het) implementatieplan en volledig, "
					+ "nauwkeurige en begrijpelijke beschrijving van zijn deelwerkzaamheden.",
					"Een volledig en juist ge\u00efnformeerde opdrachtgever, leidinggevende en/of collega's m.b.t. de "
							+ "implementatie.");
		assertThat(rubric.criteria()).extracting(Criterion::key).containsExactly("resultaat-1", "resultaat-2");
	}

	@Test
	void blankLineInsideASentenceIsWrappingNotANewStatement() {
		Rubric rubric = this.derivation.derive(source(List.of(), "Een correct werkend netwerk met een zo hoog\n\n"
				+ "mogelijke continu\u00efteit.", ""));

		assertThat(rubric.criteria()).singleElement()
			.extracting(Criterion::text)
			.isEqualTo("Een correct werkend netwerk met een zo hoog mogelijke continu\u00efteit.");
	}

	@Test
	void notApplicableAndBlankItemsGiveNoCriteria() {
		Rubric rubric = this.derivation.derive(source(List.of("N.v.t.", "  "), "n.v.t.", " N.v.t. "));

		assertThat(rubric.criteria()).isEmpty();
		assertThat(rubric.maximum()).isZero();
	}

	@Test
	void werkprocesKnownByTitleOnlyGivesAnEmptyRubric() {
		Rubric rubric = this.derivation.derive(new RubricSource(new RubricOrigin("ICT- en mediabeheer", "2016",
				"P1-K1-W1", "Titel uit het overzicht", "ICT-beheerder"), null, null, null, null, null));

		assertThat(rubric.criteria()).isEmpty();
		assertThat(rubric.competenties()).isEmpty();
	}

	@Test
	void bulletMarkersLeftByTheParserAreDropped() {
		Rubric rubric = this.derivation.derive(source(List.of("- werkt conform de procedures"), "", ""));

		assertThat(rubric.criteria().get(0).text()).isEqualTo("Werkt conform de procedures");
	}

	private static RubricSource source(List<String> gedrag, String resultaat, String aanvullendResultaat) {
		return new RubricSource(TestRubrics.WORKED_EXAMPLE_ORIGIN, gedrag, resultaat, List.of(), aanvullendResultaat,
				List.of());
	}

}
