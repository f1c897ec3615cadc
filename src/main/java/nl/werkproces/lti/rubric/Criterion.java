package nl.werkproces.lti.rubric;

import java.util.List;
import java.util.Optional;

import org.springframework.util.Assert;

/**
 * One scored row of a rubric.
 *
 * @param key stable identifier within the rubric and all its versions, e.g. {@code gedrag-3}; scores refer to it
 * @param text the criterion as the assessor and the student read it
 * @param kind {@link CriterionKind#PROCESS} (from gedrag) or {@link CriterionKind#PRODUCT} (from resultaat)
 * @param aanvullend whether the criterion comes from the profiel's "geldt aanvullend" part
 * @param kritisch whether a score below voldoende makes the werkproces onvoldoende (knock-out)
 * @param levels one level per score of the rubric's scale, lowest score first
 */
public record Criterion(String key, String text, CriterionKind kind, boolean aanvullend, boolean kritisch,
		List<Level> levels) {

	public Criterion {
		Assert.hasText(key, "key must not be blank");
		Assert.hasText(text, "text must not be blank");
		Assert.notNull(kind, "kind must not be null");
		levels = List.copyOf(levels);
		for (int i = 1; i < levels.size(); i++) {
			Assert.isTrue(levels.get(i - 1).score() < levels.get(i).score(),
					() -> "levels of criterion " + key + " must be ordered by ascending, distinct score");
		}
	}

	/**
	 * The level with this score.
	 * @param score the score
	 * @return the level, or empty when this criterion has no such level
	 */
	public Optional<Level> level(int score) {
		return this.levels.stream().filter((level) -> level.score() == score).findFirst();
	}

	Criterion withText(String newText) {
		return new Criterion(this.key, newText, this.kind, this.aanvullend, this.kritisch, this.levels);
	}

	Criterion withKritisch(boolean newKritisch) {
		return new Criterion(this.key, this.text, this.kind, this.aanvullend, newKritisch, this.levels);
	}

	Criterion withLevels(List<Level> newLevels) {
		return new Criterion(this.key, this.text, this.kind, this.aanvullend, this.kritisch, newLevels);
	}

}
