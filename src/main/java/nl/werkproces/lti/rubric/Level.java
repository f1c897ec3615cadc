package nl.werkproces.lti.rubric;

import org.springframework.util.Assert;

/**
 * One level of a criterion: the score an assessor can give, its Dutch label and what it looks like.
 *
 * @param score 0 to 3 (see {@link RubricScale})
 * @param label Dutch label, e.g. "voldoende"
 * @param descriptor what a student's work at this level looks like; generated from the criterion text, editable
 */
public record Level(int score, String label, String descriptor) {

	public Level {
		Assert.isTrue(score >= 0 && score <= RubricScale.HIGHEST_SCORE, () -> "score must be 0..3 but was " + score);
		Assert.hasText(label, "label must not be blank");
		Assert.hasText(descriptor, "descriptor must not be blank");
	}

}
