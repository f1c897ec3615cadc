package nl.werkproces.lti.rubric;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static nl.werkproces.lti.rubric.TestRubrics.levels;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of {@link RubricScoring} over many random rubrics and score vectors. The seed is fixed, so a failure
 * repeats; the message names the case.
 */
class RubricScoringPropertyTests {

	private static final int CASES = 5_000;

	private static final BigDecimal ONE = new BigDecimal("1.0");

	private static final BigDecimal TEN = new BigDecimal("10.0");

	private static final BigDecimal FIVE_AND_A_HALF = new BigDecimal("5.5");

	private static final BigDecimal FIVE = new BigDecimal("5.0");

	private final Random random = new Random(20250901L);

	@Test
	void everyScoreKeepsTheInvariants() {
		Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
		int knockOuts = 0;
		for (int run = 0; run < CASES; run++) {
			Case c = randomCase();
			RubricScore score = RubricScoring.score(c.rubric, levels(c.rubric, c.scores));
			int points = Arrays.stream(c.scores).sum();
			int n = c.scores.length;
			boolean knockOut = IntStream.range(0, n).anyMatch((i) -> c.rubric.criteria().get(i).kritisch() && c.scores[i] < 2);
			boolean noneBelowTwo = Arrays.stream(c.scores).allMatch((s) -> s >= 2);
			String description = c.toString();

			assertThat(score.points()).as(description).isEqualTo(points);
			assertThat(score.maximum()).as(description).isEqualTo(3 * n);
			assertThat(score.cesuur()).as(description).isEqualTo(2 * n);
			assertThat(score.cijfer().scale()).as(description).isEqualTo(1);
			assertThat(score.cijfer()).as(description).isBetween(ONE, TEN);
			assertThat(score.knockOut()).as(description).isEqualTo(knockOut);
			if (knockOut) {
				assertThat(score.verdict()).as(description).isEqualTo(Verdict.ONVOLDOENDE);
				assertThat(score.cijfer()).as(description).isLessThanOrEqualTo(FIVE);
			}
			if (score.verdict() == Verdict.GOED) {
				assertThat(100 * points).as(description).isGreaterThanOrEqualTo(85 * score.maximum());
				assertThat(noneBelowTwo).as(description).isTrue();
			}
			assertThat(score.verdict() == Verdict.ONVOLDOENDE).as(description)
				.isEqualTo(knockOut || points < score.cesuur());
			assertThat(score.cijfer().compareTo(FIVE_AND_A_HALF) >= 0).as("cijfer agrees with verdict: " + description)
				.isEqualTo(score.verdict() != Verdict.ONVOLDOENDE);
			assertThat(score.cijfer().compareTo(TEN) == 0).as(description).isEqualTo(points == score.maximum());
			verdicts.merge(score.verdict(), 1, Integer::sum);
			knockOuts += knockOut ? 1 : 0;
		}
		// the random cases must reach every verdict and knock-outs often enough to mean something
		assertThat(verdicts).allSatisfy((verdict, count) -> assertThat(count).as(verdict.name()).isGreaterThan(CASES / 20));
		assertThat(verdicts).hasSize(3);
		assertThat(knockOuts).isGreaterThan(CASES / 20);
	}

	@Test
	void raisingOneLevelNeverLowersTheCijferWithoutKnockOut() {
		for (int run = 0; run < CASES; run++) {
			Case lower = randomCase();
			int[] raised = lower.scores.clone();
			int index = this.random.nextInt(raised.length);
			if (raised[index] == 3) {
				continue;
			}
			raised[index]++;
			RubricScore before = RubricScoring.score(lower.rubric, levels(lower.rubric, lower.scores));
			RubricScore after = RubricScoring.score(lower.rubric, levels(lower.rubric, raised));
			if (!before.knockOut() && !after.knockOut()) {
				assertThat(after.cijfer()).as(lower + " raised at " + index).isGreaterThanOrEqualTo(before.cijfer());
			}
		}
	}

	@Test
	void cijferRisesWithPointsForEveryRubricSize() {
		for (int n = 1; n <= 60; n++) {
			BigDecimal previous = BigDecimal.ZERO;
			for (int points = 0; points <= 3 * n; points++) {
				BigDecimal cijfer = RubricScoring.cijfer(points, 3 * n, 2 * n, false);
				assertThat(cijfer).as("n=%d points=%d", n, points).isGreaterThanOrEqualTo(previous);
				previous = cijfer;
			}
		}
	}

	@Test
	void fixedPointsGiveFixedCijfersForEveryRubricSize() {
		for (int n = 1; n <= 60; n++) {
			Rubric rubric = TestRubrics.ofSize(n);
			int[] twos = new int[n];
			Arrays.fill(twos, 2);
			int[] threes = new int[n];
			Arrays.fill(threes, 3);

			assertThat(RubricScoring.score(rubric, levels(rubric, new int[n])).cijfer()).as("n=%d all 0", n)
				.isEqualTo(ONE);
			assertThat(RubricScoring.score(rubric, levels(rubric, twos)).cijfer()).as("n=%d at cesuur", n)
				.isEqualTo(FIVE_AND_A_HALF);
			assertThat(RubricScoring.score(rubric, levels(rubric, threes)).cijfer()).as("n=%d all 3", n).isEqualTo(TEN);
			if (n >= 2) {
				int[] mixed = twos.clone();
				mixed[0] = 3;
				mixed[1] = 1;
				RubricScore atCesuur = RubricScoring.score(rubric, levels(rubric, mixed));
				assertThat(atCesuur.cijfer()).as("n=%d at cesuur with a 1 and a 3", n).isEqualTo(FIVE_AND_A_HALF);
				assertThat(atCesuur.verdict()).isEqualTo(Verdict.VOLDOENDE);
			}
		}
	}

	private Case randomCase() {
		int n = (this.random.nextInt(10) == 0) ? 1 + this.random.nextInt(60) : 1 + this.random.nextInt(12);
		int[] kritisch = IntStream.range(0, n).filter((i) -> this.random.nextInt(4) == 0).toArray();
		int[] scores = new int[n];
		int bias = this.random.nextInt(3);
		for (int i = 0; i < n; i++) {
			// bias the draws towards high scores in some cases, so that goed and the top of the scale occur often
			scores[i] = Math.min(3, this.random.nextInt(4) + ((bias == 0) ? 0 : this.random.nextInt(2 + bias)));
		}
		return new Case(TestRubrics.ofSize(n, kritisch), scores, kritisch);
	}

	private record Case(Rubric rubric, int[] scores, int[] kritisch) {

		@Override
		public String toString() {
			return "scores " + Arrays.toString(this.scores) + " kritisch " + Arrays.toString(this.kritisch);
		}

	}

}
