package nl.werkproces.lti.rubric;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.rubric.RubricException.Reason;

import static nl.werkproces.lti.rubric.TestRubrics.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class RubricScoringTests {

	private final Rubric workedExample = TestRubrics.workedExample();

	@Test
	void scoreOfWorkedExampleIsVoldoendeWithCijfer6() {
		RubricScore score = RubricScoring.score(this.workedExample, levels(this.workedExample, 2, 3, 2, 2, 1, 2, 2, 3, 2));

		assertThat(score.points()).isEqualTo(19);
		assertThat(score.maximum()).isEqualTo(27);
		assertThat(score.cesuur()).isEqualTo(18);
		assertThat(score.verdict()).isEqualTo(Verdict.VOLDOENDE);
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("6.0"));
		assertThat(score.knockOut()).isFalse();
		assertThat(score.knockOutCriteria()).isEmpty();
	}

	@Test
	void allZeroIsOnvoldoendeWithCijfer1() {
		RubricScore score = RubricScoring.score(this.workedExample, levels(this.workedExample, 0, 0, 0, 0, 0, 0, 0, 0, 0));

		assertThat(score.points()).isZero();
		assertThat(score.verdict()).isEqualTo(Verdict.ONVOLDOENDE);
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("1.0"));
		assertThat(score.knockOutCriteria()).containsExactly("resultaat-1", "aanvullend-resultaat-1");
	}

	@Test
	void allThreeIsGoedWithCijfer10() {
		RubricScore score = RubricScoring.score(this.workedExample, levels(this.workedExample, 3, 3, 3, 3, 3, 3, 3, 3, 3));

		assertThat(score.points()).isEqualTo(27);
		assertThat(score.verdict()).isEqualTo(Verdict.GOED);
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("10.0"));
	}

	@Test
	void exactlyAtCesuurIsVoldoendeWithCijfer5Point5() {
		RubricScore score = RubricScoring.score(this.workedExample, levels(this.workedExample, 2, 2, 2, 2, 2, 2, 2, 2, 2));

		assertThat(score.verdict()).isEqualTo(Verdict.VOLDOENDE);
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("5.5"));
	}

	@Test
	void oneKritischCriterionBelowVoldoendeIsOnvoldoendeCappedAt5WhateverTheTotal() {
		RubricScore score = RubricScoring.score(this.workedExample, levels(this.workedExample, 3, 3, 3, 3, 3, 3, 3, 1, 3));

		assertThat(score.points()).isEqualTo(25);
		assertThat(score.verdict()).isEqualTo(Verdict.ONVOLDOENDE);
		assertThat(score.knockOut()).isTrue();
		assertThat(score.knockOutCriteria()).containsExactly("resultaat-1");
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("5.0"));
	}

	@Test
	void knockOutKeepsALowerCijferBelowTheCap() {
		RubricScore score = RubricScoring.score(this.workedExample, levels(this.workedExample, 1, 1, 1, 1, 1, 1, 1, 0, 1));

		assertThat(score.points()).isEqualTo(8);
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("3.0"));
	}

	@Test
	void processCriterionBelowVoldoendeIsNoKnockOutButPreventsGoed() {
		// 25 of 27 is 92 %, but one criterion is at 1
		RubricScore score = RubricScoring.score(this.workedExample, levels(this.workedExample, 3, 3, 3, 3, 1, 3, 3, 3, 3));

		assertThat(score.knockOut()).isFalse();
		assertThat(score.verdict()).isEqualTo(Verdict.VOLDOENDE);
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("9.0"));
	}

	@Test
	void goedStartsAt85PercentOfMaximum() {
		// 85 % of 27 is 22.95: 23 is goed, 22 is voldoende
		RubricScore at23 = RubricScoring.score(this.workedExample, levels(this.workedExample, 3, 3, 3, 3, 3, 2, 2, 2, 2));
		RubricScore at22 = RubricScoring.score(this.workedExample, levels(this.workedExample, 3, 3, 3, 3, 2, 2, 2, 2, 2));

		assertThat(at23.verdict()).isEqualTo(Verdict.GOED);
		assertThat(at22.verdict()).isEqualTo(Verdict.VOLDOENDE);
	}

	@Test
	void oneBelowCesuurWithoutKnockOutIsOnvoldoende() {
		RubricScore score = RubricScoring.score(this.workedExample, levels(this.workedExample, 2, 2, 2, 2, 1, 2, 2, 2, 2));

		assertThat(score.points()).isEqualTo(17);
		assertThat(score.verdict()).isEqualTo(Verdict.ONVOLDOENDE);
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("5.3"));
	}

	@Test
	void rubricOfOneCriterionScoresEachLevel() {
		Rubric single = TestRubrics.ofSize(1);

		assertThat(List.of(0, 1, 2, 3)).extracting((level) -> RubricScoring.score(single, levels(single, level)))
			.extracting(RubricScore::verdict, RubricScore::cijfer)
			.containsExactly(tuple(Verdict.ONVOLDOENDE, new BigDecimal("1.0")),
					tuple(Verdict.ONVOLDOENDE, new BigDecimal("3.3")),
					tuple(Verdict.VOLDOENDE, new BigDecimal("5.5")),
					tuple(Verdict.GOED, new BigDecimal("10.0")));
	}

	@Test
	void rubricOfOneKritischCriterionAtOneIsAKnockOut() {
		Rubric single = TestRubrics.ofSize(1, 0);

		RubricScore score = RubricScoring.score(single, levels(single, 1));

		assertThat(score.knockOut()).isTrue();
		assertThat(score.cijfer()).isEqualTo(new BigDecimal("3.3"));
		assertThat(score.maximum()).isEqualTo(3);
		assertThat(score.cesuur()).isEqualTo(2);
	}

	@Test
	void missingLevelIsIncompleteNotAWrongNumber() {
		Map<String, Integer> levels = new HashMap<>(levels(this.workedExample, 2, 3, 2, 2, 1, 2, 2, 3, 2));
		levels.remove("gedrag-3");
		levels.put("resultaat-1", null);

		assertThat(RubricScoring.isComplete(this.workedExample, levels)).isFalse();
		assertThat(RubricScoring.missing(this.workedExample, levels)).containsExactly("gedrag-3", "resultaat-1");
		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> RubricScoring.score(this.workedExample, levels))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INCOMPLETE_SCORES))
			.withMessageContaining("gedrag-3")
			.withMessageContaining("resultaat-1");
	}

	@Test
	void completeLevelsAreComplete() {
		assertThat(RubricScoring.isComplete(this.workedExample, levels(this.workedExample, 2, 3, 2, 2, 1, 2, 2, 3, 2)))
			.isTrue();
	}

	@Test
	void unknownCriterionIsRejected() {
		Map<String, Integer> levels = new HashMap<>(levels(this.workedExample, 2, 3, 2, 2, 1, 2, 2, 3, 2));
		levels.put("gedrag-99", 2);

		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> RubricScoring.score(this.workedExample, levels))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_CRITERION));
	}

	@Test
	void scoreOffTheScaleIsRejected() {
		assertThatExceptionOfType(RubricException.class)
			.isThrownBy(() -> RubricScoring.score(this.workedExample, levels(this.workedExample, 2, 3, 2, 2, 4, 2, 2, 3, 2)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.LEVEL_NOT_ON_SCALE));
	}

	@Test
	void rubricWithoutCriteriaCannotBeScored() {
		Rubric empty = TestRubrics.ofSize(0);

		assertThat(RubricScoring.isComplete(empty, Map.of())).isFalse();
		assertThatExceptionOfType(RubricException.class).isThrownBy(() -> RubricScoring.score(empty, Map.of()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NO_CRITERIA));
	}

	@Test
	void cijferRefusesARubricWhereMaximumEqualsCesuur() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> RubricScoring.cijfer(0, 0, 0, false));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> RubricScoring.cijfer(2, 2, 2, false));
	}

	@Test
	void cijferJustBelowCesuurOfAHugeRubricStaysBelow5Point5() {
		// 1 + 4.5 * 199/200 = 5.4775 would round to 5.5 and contradict the onvoldoende verdict
		assertThat(RubricScoring.cijfer(199, 300, 200, false)).isEqualTo(new BigDecimal("5.4"));
	}

	@Test
	void cijferJustBelowMaximumOfAHugeRubricStaysBelow10() {
		// 5.5 + 4.5 * 99/100 = 9.955 would round to 10.0 without full marks
		assertThat(RubricScoring.cijfer(299, 300, 200, false)).isEqualTo(new BigDecimal("9.9"));
	}

}
