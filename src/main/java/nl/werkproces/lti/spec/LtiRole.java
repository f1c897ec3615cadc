package nl.werkproces.lti.spec;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles this tool distinguishes, mapped from LIS v2 role URIs as platforms send them.
 *
 * <p>Context roles ({@code membership#Instructor}) and their short forms ({@code Instructor}, as in the
 * certification suite) give course roles. Institution and system roles only count for
 * {@code Administrator}: a teacher elsewhere in the school is no instructor of this course. Unknown roles
 * are ignored.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti/v1p3/#role-vocabularies">LTI Core 1.3 §A.2</a>
 */
public enum LtiRole {

	LEARNER, INSTRUCTOR, ADMINISTRATOR;

	private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

	/** Maps the roles claim to the tool's roles; an empty or unknown claim gives no roles. */
	public static Set<LtiRole> fromClaims(Collection<String> claims) {
		Set<LtiRole> roles = EnumSet.noneOf(LtiRole.class);
		for (String claim : claims) {
			if (claim == null || claim.isBlank()) {
				continue;
			}
			boolean contextRole = !claim.contains("/") || claim.startsWith(LIS + "membership#")
					|| claim.startsWith(LIS + "membership/");
			String name = claim.substring(Math.max(claim.lastIndexOf('#'), claim.lastIndexOf('/')) + 1);
			if (name.equals("Administrator") && (contextRole || claim.startsWith(LIS + "institution/person#")
					|| claim.startsWith(LIS + "system/person#"))) {
				roles.add(ADMINISTRATOR);
			}
			else if (contextRole && (name.equals("Instructor") || name.equals("TeachingAssistant"))) {
				roles.add(INSTRUCTOR);
			}
			else if (contextRole && name.equals("Learner")) {
				roles.add(LEARNER);
			}
		}
		return roles;
	}

}
