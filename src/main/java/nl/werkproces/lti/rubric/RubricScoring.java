package nl.werkproces.lti.rubric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.rubric.RubricException.Reason;

/**
 * Scores a rubric from the level chosen per criterion (PRODUCT.md, "From werkproces to rubric"). With n criteria
 * and total S:
 * <ul>
 * <li>maximum M = 3n, cesuur C = 2n;</li>
 * <li>knock-out: a kritisch criterion below 2 (voldoende);</li>
 * <li>verdict: onvoldoende when S &lt; C or on a knock-out; goed when S &ge; 85 % of M and no criterion below 2;
 * voldoende otherwise;</li>
 * <li>cijfer, one decimal, rounded half up: S &ge; C gives 5.5 + 4.5&middot;(S&minus;C)/(M&minus;C), S &lt; C gives
 * 1 + 4.5&middot;S/C, at most 5.0 after a knock-out.</li>
 * </ul>
 * Two guards keep cijfer and verdict in agreement for rubrics of 45 criteria or more, where rounding alone could
 * reach the next band: below the cesuur the cijfer is at most 5.4, below the maximum at most 9.9. The cijfer is
 * computed from integers and rounded once, so 5.5 + 4.5 &middot; 1/9 is exactly 6.0.
 */
public final class RubricScoring {

	private static final BigDecimal HIGHEST_BELOW_CESUUR = new BigDecimal("5.4");

	private static final BigDecimal HIGHEST_BELOW_MAXIMUM = new BigDecimal("9.9");

	private static final BigDecimal HIGHEST_AFTER_KNOCK_OUT = new BigDecimal("5.0");

	private RubricScoring() {
	}

	/**
	 * Whether every criterion has a chosen level, so that {@link #score} gives a result.
	 * @param rubric the rubric
	 * @param levels chosen score per criterion key
	 * @return {@code true} when no criterion is missing
	 */
	public static boolean isComplete(Rubric rubric, Map<String, Integer> levels) {
		return !rubric.criteria().isEmpty() && missing(rubric, levels).isEmpty();
	}

	/**
	 * The criteria that have no chosen level yet.
	 * @param rubric the rubric
	 * @param levels chosen score per criterion key
	 * @return keys of unscored criteria, in rubric order
	 */
	public static List<String> missing(Rubric rubric, Map<String, Integer> levels) {
		return rubric.criteria()
			.stream()
			.map(Criterion::key)
			.filter((key) -> levels.get(key) == null)
			.toList();
	}

	/**
	 * Scores a rubric.
	 * @param rubric the rubric
	 * @param levels chosen score per criterion key; every criterion must have one
	 * @return points, maximum, cesuur, verdict, cijfer and knock-outs
	 * @throws RubricException when the rubric has no criteria, a criterion has no level, a key is unknown or a score
	 * is not on the rubric's scale
	 */
	public static RubricScore score(Rubric rubric, Map<String, Integer> levels) {
		check(rubric, levels);
		int points = 0;
		boolean allVoldoende = true;
		List<String> knockOuts = new ArrayList<>();
		for (Criterion criterion : rubric.criteria()) {
			int level = levels.get(criterion.key());
			points += level;
			if (level < RubricScale.VOLDOENDE_SCORE) {
				allVoldoende = false;
				if (criterion.kritisch()) {
					knockOuts.add(criterion.key());
				}
			}
		}
		int maximum = rubric.maximum();
		int cesuur = rubric.cesuur();
		boolean knockOut = !knockOuts.isEmpty();
		Verdict verdict = verdict(points, maximum, cesuur, knockOut, allVoldoende);
		return new RubricScore(points, maximum, cesuur, verdict, cijfer(points, maximum, cesuur, knockOut), knockOut,
				knockOuts);
	}

	static Verdict verdict(int points, int maximum, int cesuur, boolean knockOut, boolean allVoldoende) {
		if (knockOut || points < cesuur) {
			return Verdict.ONVOLDOENDE;
		}
		boolean goedTotal = 100L * points >= 85L * maximum;
		return (goedTotal && allVoldoende) ? Verdict.GOED : Verdict.VOLDOENDE;
	}

	static BigDecimal cijfer(int points, int maximum, int cesuur, boolean knockOut) {
		if (cesuur <= 0 || maximum <= cesuur || points < 0 || points > maximum) {
			throw new IllegalArgumentException(
					"No cijfer for " + points + " points with maximum " + maximum + " and cesuur " + cesuur);
		}
		BigDecimal cijfer;
		if (points >= cesuur) {
			// 5.5 + 4.5 (S - C) / (M - C) = (55 (M - C) + 45 (S - C)) / (10 (M - C))
			long range = maximum - cesuur;
			cijfer = divide(55 * range + 45L * (points - cesuur), 10 * range);
			if (points < maximum) {
				cijfer = cijfer.min(HIGHEST_BELOW_MAXIMUM);
			}
		}
		else {
			// 1 + 4.5 S / C = (10 C + 45 S) / (10 C)
			cijfer = divide(10L * cesuur + 45L * points, 10L * cesuur).min(HIGHEST_BELOW_CESUUR);
		}
		return knockOut ? cijfer.min(HIGHEST_AFTER_KNOCK_OUT) : cijfer;
	}

	private static BigDecimal divide(long numerator, long denominator) {
		return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
	}

	private static void check(Rubric rubric, Map<String, Integer> levels) {
		if (levels == null) {
			throw new IllegalArgumentException("levels must not be null");
		}
		if (rubric.criteria().isEmpty()) {
			throw new RubricException(Reason.NO_CRITERIA,
					"Rubric for " + rubric.origin().werkprocesLabel() + " has no criteria to score");
		}
		for (Map.Entry<String, Integer> chosen : levels.entrySet()) {
			if (rubric.criterion(chosen.getKey()).isEmpty()) {
				throw new RubricException(Reason.UNKNOWN_CRITERION,
						"Rubric has no criterion " + chosen.getKey() + " to score");
			}
			if (chosen.getValue() != null && !rubric.scale().allows(chosen.getValue())) {
				throw new RubricException(Reason.LEVEL_NOT_ON_SCALE, "Score " + chosen.getValue() + " for criterion "
						+ chosen.getKey() + " is not on scale " + rubric.scale());
			}
		}
		List<String> missing = missing(rubric, levels);
		if (!missing.isEmpty()) {
			throw new RubricException(Reason.INCOMPLETE_SCORES, "No level chosen for " + missing);
		}
	}

}
