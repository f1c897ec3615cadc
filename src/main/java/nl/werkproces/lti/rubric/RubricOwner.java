package nl.werkproces.lti.rubric;

import org.springframework.util.Assert;

/**
 * The activity a teacher's rubric version belongs to: an LTI resource link of a platform.
 *
 * @param platformId the platform (tenant) the resource link belongs to
 * @param resourceLinkId the id of the {@code resource_link} row
 * @param createdBy who made the version (the teacher's name or LTI subject)
 */
public record RubricOwner(long platformId, long resourceLinkId, String createdBy) {

	public RubricOwner {
		Assert.hasText(createdBy, "createdBy must not be blank");
	}

}
