package nl.werkproces.lti.rubric;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.util.Assert;

/**
 * The result of scoring a rubric, see {@link RubricScoring}.
 *
 * @param points total S of the chosen levels
 * @param maximum M = 3n
 * @param cesuur C = 2n
 * @param verdict onvoldoende, voldoende or goed
 * @param cijfer 1.0 to 10.0 with one decimal
 * @param knockOut whether a kritisch criterion scored below voldoende
 * @param knockOutCriteria keys of the kritisch criteria below voldoende, in rubric order
 */
public record RubricScore(int points, int maximum, int cesuur, Verdict verdict, BigDecimal cijfer, boolean knockOut,
		List<String> knockOutCriteria) {

	public RubricScore {
		Assert.notNull(verdict, "verdict must not be null");
		Assert.notNull(cijfer, "cijfer must not be null");
		knockOutCriteria = List.copyOf(knockOutCriteria);
		Assert.isTrue(knockOut != knockOutCriteria.isEmpty(), "knockOut must match knockOutCriteria");
	}

}
