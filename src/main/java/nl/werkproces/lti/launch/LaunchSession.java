package nl.werkproces.lti.launch;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.werkproces.lti.spec.LtiRole;
import nl.werkproces.lti.spec.MessageType;

/**
 * What an accepted launch established, kept for the requests that follow: who (a user of one platform), where
 * (deployment, context, resource link), in which roles and language, and the service endpoints of the launch.
 * Everything is scoped to {@link #platformId()}: nothing here refers to another platform's data.
 */
public record LaunchSession(String idHash, long platformId, String platformName, String deploymentId, User user,
		Context context, ResourceLink resourceLink, MessageType messageType, Set<LtiRole> roles,
		List<String> roleClaims, Locale locale, String documentTarget, String returnUrl, Services services,
		String deepLinkingSettings, String custom, String csrfToken, Instant expiresAt) {

	public boolean has(LtiRole role) {
		return this.roles.contains(role);
	}

	/** Instructors and administrators manage the activity; everyone else takes part as a learner. */
	public boolean isStaff() {
		return has(LtiRole.INSTRUCTOR) || has(LtiRole.ADMINISTRATOR);
	}

	/** A platform user; {@code subject} is the launch's {@code sub}. */
	public record User(long id, String subject, String name, String email) {

		public String displayName() {
			return (this.name != null && !this.name.isBlank()) ? this.name : this.subject;
		}

	}

	/** A course of a platform; {@code key} is the context claim's {@code id}. */
	public record Context(long id, String key, String label, String title) {

	}

	/** A resource link (activity) of a platform; {@code key} is the resource link claim's {@code id}. */
	public record ResourceLink(long id, String key, String title) {

	}

	/** The Assignment and Grade Services and Names and Roles endpoints of the launch. */
	public record Services(String lineItems, String lineItem, List<String> agsScopes, String membershipsUrl) {

	}

}
