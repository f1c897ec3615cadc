package nl.werkproces.lti.rubric;

import java.time.Instant;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * The place of a rubric in its history. The rubric derived from the dossier is the template (version 1, no previous
 * version); every teacher edit makes a new rubric with the next number that points back to the version it was made
 * from and to the template. Versions are never changed in place.
 *
 * @param number 1 for the template, counting up with each edit
 * @param previousId the rubric this version was made from, {@code null} for the template
 * @param templateId the dossier-derived template, {@code null} for the template itself
 * @param createdAt when this version was made
 */
public record RubricVersion(int number, UUID previousId, UUID templateId, Instant createdAt) {

	public RubricVersion {
		Assert.isTrue(number >= 1, "number must be at least 1");
		Assert.isTrue((previousId == null) == (templateId == null),
				"a template has neither previous version nor template; an edit has both");
		Assert.notNull(createdAt, "createdAt must not be null");
	}

	/**
	 * The first version: a rubric derived from the dossier.
	 * @param createdAt when it was derived
	 * @return version 1 without references
	 */
	public static RubricVersion template(Instant createdAt) {
		return new RubricVersion(1, null, null, createdAt);
	}

	/**
	 * Whether this is the dossier-derived template.
	 * @return {@code true} for version 1 without references
	 */
	public boolean isTemplate() {
		return this.previousId == null;
	}

}
