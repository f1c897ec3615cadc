package nl.werkproces.lti.rubric;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.rubric.RubricException.Reason;

import static nl.werkproces.lti.rubric.TestRubrics.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class RubricEditorTests {

	private static final Instant EDITED_AT = Instant.parse("2025-09-15T12:00:00Z");

	private final AtomicInteger ids = new AtomicInteger();

	private final RubricEditor editor = new RubricEditor(Clock.fixed(EDITED_AT, ZoneOffset.UTC),
			() -> new UUID(0, this.ids.incrementAndGet()));

	private final Rubric template = TestRubrics.workedExample();

	@Test
	void editMakesANewVersionThatPointsToPreviousAndTemplate() {
		Rubric second = this.editor.apply(this.template, RubricChanges.create().setKritisch("gedrag-1", true));
		Rubric third = this.editor.apply(second, RubricChanges.create().setKritisch("gedrag-2", true));

		assertThat(second.id()).isEqualTo(new UUID(0, 1)).isNotEqualTo(this.template.id());
		assertThat(second.version()).isEqualTo(new RubricVersion(2, this.template.id(), this.template.id(), EDITED_AT));
		assertThat(third.version()).isEqualTo(new RubricVersion(3, second.id(), this.template.id(), EDITED_AT));
		assertThat(third.templateId()).isEqualTo(this.template.id());
		assertThat(third.origin()).isEqualTo(this.template.origin());
		assertThat(third.competenties()).isEqualTo(this.template.competenties());
	}

	@Test
	void templateIsNeverChanged() {
		Rubric before = TestRubrics.workedExample();

		this.editor.apply(this.template, RubricChanges.create()
			.editText("gedrag-1", "Iets anders")
			.remove("gedrag-2")
			.add(CriterionKind.PRODUCT, "Een eigen product", true)
			.changeScale(RubricScale.OVG));

		assertThat(this.template).isEqualTo(before);
	}

	@Test
	void editTextRegeneratesUneditedDescriptorsAndKeepsEditedOnes() {
		Rubric edited = this.editor.apply(this.template, RubricChanges.create()
			.editDescriptor("gedrag-2", 3, "Richt zijn werk zelf in en verbetert het proces.")
			.editText("gedrag-2", "werkt ordelijk\n en systematisch."));

		Criterion criterion = edited.criterion("gedrag-2").orElseThrow();
		assertThat(criterion.text()).isEqualTo("werkt ordelijk en systematisch.");
		assertThat(criterion.level(2).orElseThrow().descriptor())
			.isEqualTo("Zoals beschreven: werkt ordelijk en systematisch.");
		assertThat(criterion.level(3).orElseThrow().descriptor())
			.isEqualTo("Richt zijn werk zelf in en verbetert het proces.");
	}

	@Test
	void insertPutsNewCriteriaAtTheirPositionsAndAnInsertBeyondTheEndLeavesNothing() {
		Rubric edited = this.editor.apply(this.template, RubricChanges.create()
			.insert(CriterionKind.PRODUCT, "Documenteert de configuratie volledig", true, 0)
			.insert(CriterionKind.PROCESS, "Overlegt tijdig", false, 2));

		assertThat(edited.criteria()).hasSize(11);
		assertThat(edited.criteria().get(0).text()).isEqualTo("Documenteert de configuratie volledig");
		assertThat(edited.criteria().get(0).kritisch()).isTrue();
		assertThat(edited.criteria().get(1).key()).isEqualTo(this.template.criteria().get(0).key());
		assertThat(edited.criteria().get(2).text()).isEqualTo("Overlegt tijdig");
		assertThatExceptionOfType(RubricException.class).isThrownBy(() -> this.editor.apply(this.template,
				RubricChanges.create().insert(CriterionKind.PROCESS, "Te ver", false, 10)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RubricException.Reason.INVALID_CHANGE));
	}

	@Test
	void addRemoveAndReorderChangeTheCriteria() {
		Rubric edited = this.editor.apply(this.template, RubricChanges.create()
			.remove("gedrag-3")
			.add(CriterionKind.PROCESS, "Houdt een logboek bij", false)
			.add(CriterionKind.PRODUCT, "Het logboek is volledig", true)
			.moveTo("eigen-2-1", 0));

		assertThat(edited.criteria()).extracting(Criterion::key)
			.containsExactly("eigen-2-1", "gedrag-1", "gedrag-2", "gedrag-4", "gedrag-5", "aanvullend-gedrag-1",
					"aanvullend-gedrag-2", "resultaat-1", "aanvullend-resultaat-1", "eigen-2-2");
		Criterion added = edited.criterion("eigen-2-2").orElseThrow();
		assertThat(added.kind()).isEqualTo(CriterionKind.PRODUCT);
		assertThat(added.kritisch()).isTrue();
		assertThat(added.aanvullend()).isFalse();
		assertThat(added.level(2).orElseThrow().descriptor()).isEqualTo("Zoals beschreven: het logboek is volledig");
		assertThat(edited.maximum()).isEqualTo(30);
		assertThat(edited.cesuur()).isEqualTo(20);
	}

	@Test
	void reorderPutsAllCriteriaInTheGivenOrder() {
		List<String> reversed = new ArrayList<>(this.template.criteria().stream().map(Criterion::key).toList());
		Collections.reverse(reversed);

		Rubric edited = this.editor.apply(this.template, RubricChanges.create().reorder(reversed));

		assertThat(edited.criteria()).extracting(Criterion::key).containsExactlyElementsOf(reversed);
	}

	@Test
	void reorderThatDoesNotListEveryCriterionOnceIsRejected() {
		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> this.editor.apply(this.template,
					RubricChanges.create().reorder(List.of("gedrag-1", "gedrag-1"))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INVALID_CHANGE));
	}

	@Test
	void setKritischMakesAProcessCriterionAKnockOut() {
		Rubric edited = this.editor.apply(this.template, RubricChanges.create().setKritisch("gedrag-5", true)
			.setKritisch("resultaat-1", false));

		RubricScore score = RubricScoring.score(edited, levels(edited, 2, 3, 2, 2, 1, 2, 2, 3, 2));

		assertThat(score.knockOutCriteria()).containsExactly("gedrag-5");
		assertThat(score.verdict()).isEqualTo(Verdict.ONVOLDOENDE);
		assertThat(edited.criterion("resultaat-1").orElseThrow().kritisch()).isFalse();
	}

	@Test
	void changeScaleToOvgGivesThreeLevelsWithOnvoldoendeAsOne() {
		Rubric ovg = this.editor.apply(this.template, RubricChanges.create().changeScale(RubricScale.OVG));

		assertThat(ovg.scale()).isEqualTo(RubricScale.OVG);
		Criterion first = ovg.criteria().get(0);
		assertThat(first.levels()).extracting(Level::score, Level::label)
			.containsExactly(tuple(1, "onvoldoende"),
					tuple(2, "voldoende"), tuple(3, "goed"));
		assertThat(first.level(1).orElseThrow().descriptor())
			.startsWith("Niet, gedeeltelijk of alleen met sturing aangetoond: zorgt ervoor dat");
		assertThat(ovg.maximum()).isEqualTo(27);
		assertThat(ovg.cesuur()).isEqualTo(18);
	}

	@Test
	void ovgScoresLikeThePointsScaleWithOAsOne() {
		Rubric ovg = this.editor.apply(this.template, RubricChanges.create().changeScale(RubricScale.OVG));

		RubricScore workedExample = RubricScoring.score(ovg, levels(ovg, 2, 3, 2, 2, 1, 2, 2, 3, 2));
		RubricScore allO = RubricScoring.score(ovg, levels(ovg, 1, 1, 1, 1, 1, 1, 1, 1, 1));

		assertThat(workedExample.verdict()).isEqualTo(Verdict.VOLDOENDE);
		assertThat(workedExample.cijfer()).isEqualTo(new BigDecimal("6.0"));
		assertThat(allO.verdict()).isEqualTo(Verdict.ONVOLDOENDE);
		assertThat(allO.cijfer()).isEqualTo(new BigDecimal("3.3"));
		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> RubricScoring.score(ovg, levels(ovg, 0, 1, 1, 1, 1, 1, 1, 1, 1)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.LEVEL_NOT_ON_SCALE));
	}

	@Test
	void changeScaleKeepsEditedDescriptorsAndBackToPointsRestoresLevelZero() {
		Rubric ovg = this.editor.apply(this.template, RubricChanges.create()
			.editDescriptor("gedrag-1", 1, "Loopt achter op de planning en merkt dat niet zelf op.")
			.changeScale(RubricScale.OVG));
		Rubric points = this.editor.apply(ovg, RubricChanges.create().changeScale(RubricScale.POINTS_0_3));

		assertThat(ovg.criteria().get(0).level(1).orElseThrow().descriptor())
			.isEqualTo("Loopt achter op de planning en merkt dat niet zelf op.");
		assertThat(points.criteria().get(0).levels()).extracting(Level::score).containsExactly(0, 1, 2, 3);
		assertThat(points.criteria().get(0).level(0).orElseThrow().descriptor())
			.startsWith("Niet aangetoond: zorgt ervoor dat");
		assertThat(points.criteria().get(0).level(1).orElseThrow().descriptor())
			.isEqualTo("Loopt achter op de planning en merkt dat niet zelf op.");
		assertThat(points.criteria().get(1)).isEqualTo(this.template.criteria().get(1));
	}

	@Test
	void descriptorForALevelNotOnTheScaleIsRejected() {
		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> this.editor.apply(this.template,
					RubricChanges.create().changeScale(RubricScale.OVG).editDescriptor("gedrag-1", 0, "Niets")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.LEVEL_NOT_ON_SCALE));
	}

	@Test
	void changeToAnUnknownCriterionIsRejected() {
		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> this.editor.apply(this.template, RubricChanges.create().remove("gedrag-42")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_CRITERION))
			.withMessageContaining("gedrag-42");
	}

	@Test
	void blankTextIsRejected() {
		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> this.editor.apply(this.template, RubricChanges.create().editText("gedrag-1", " ")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INVALID_CHANGE));
	}

	@Test
	void emptyChangeSetMakesNoVersion() {
		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> this.editor.apply(this.template, RubricChanges.create()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INVALID_CHANGE));
	}

	@Test
	void teacherCanWriteCriteriaForAWerkprocesKnownByTitleOnly() {
		Rubric empty = TestRubrics.ofSize(0);

		Rubric written = this.editor.apply(empty,
				RubricChanges.create().add(CriterionKind.PROCESS, "Beheert de werkplek", false));

		assertThat(written.criteria()).extracting(Criterion::key).containsExactly("eigen-2-1");
		assertThat(RubricScoring.score(written, levels(written, 2)).verdict()).isEqualTo(Verdict.VOLDOENDE);
	}

}
