package nl.werkproces.lti.nrps;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A member of the course: {@code userId} is the {@code sub} of the user's launches. Moodle sends short role names
 * ({@code Learner}, {@code Instructor}) here, where launches carry full URIs.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-nrps/v2p0#membership-container-media-type">NRPS 2.0 §2.2</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Membership(@JsonProperty("user_id") String userId, String name,
		@JsonProperty("given_name") String givenName, @JsonProperty("family_name") String familyName, String email,
		List<String> roles, String status) {

	public Membership {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
		status = (status != null) ? status : "Active";
	}

	public boolean active() {
		return "Active".equalsIgnoreCase(this.status);
	}

	/** Whether a role, short ({@code Learner}) or full URI ({@code ...membership#Learner}), is among the roles. */
	public boolean hasRole(String shortName) {
		return this.roles.stream().anyMatch((role) -> role.equals(shortName) || role.endsWith("#" + shortName));
	}

}
