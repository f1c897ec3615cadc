package nl.werkproces.lti.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.spec.LtiClaims;

/**
 * Builds the claims of launch id_tokens as Moodle 4.5 sends them ({@code moodle-captures/launches}), for the
 * simulator to sign: {@code TestLaunches.resourceLink(simulator, tool).asInstructor().claims(nonce)}.
 */
public final class TestLaunches {

	private final Map<String, Object> claims = new LinkedHashMap<>();

	private TestLaunches(PlatformSimulator platform, String toolBaseUrl, String messageType) {
		Instant now = Instant.now();
		this.claims.put("iss", platform.issuer());
		this.claims.put("aud", PlatformSimulator.CLIENT_ID);
		this.claims.put("iat", now.getEpochSecond());
		this.claims.put("exp", now.plusSeconds(60).getEpochSecond());
		this.claims.put("sub", "4");
		this.claims.put("name", "Sam Student");
		this.claims.put("given_name", "Sam");
		this.claims.put("family_name", "Student");
		this.claims.put("email", "student1@example.com");
		this.claims.put(LtiClaims.DEPLOYMENT_ID, PlatformSimulator.DEPLOYMENT_ID);
		this.claims.put(LtiClaims.TARGET_LINK_URI, toolBaseUrl + "/lti/launch");
		this.claims.put(LtiClaims.MESSAGE_TYPE, messageType);
		this.claims.put(LtiClaims.VERSION, "1.3.0");
		this.claims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
		this.claims.put(LtiClaims.CONTEXT, Map.of("id", "2", "label", "LTITEST", "title", "LTI Test Course", "type",
				List.of("CourseSection")));
		this.claims.put(LtiClaims.LAUNCH_PRESENTATION,
				Map.of("locale", "nl", "document_target", "iframe", "return_url", platform.baseUrl() + "/mod/lti/return.php"));
		this.claims.put(LtiClaims.AGS_ENDPOINT, Map.of("scope",
				List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
						"https://purl.imsglobal.org/spec/lti-ags/scope/score"),
				"lineitems", platform.baseUrl() + "/mod/lti/services.php/2/lineitems?type_id=1", "lineitem",
				platform.baseUrl() + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));
		this.claims.put(LtiClaims.NRPS, Map.of("context_memberships_url",
				platform.baseUrl() + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships", "service_versions",
				List.of("1.0", "2.0")));
		if ("LtiResourceLinkRequest".equals(messageType)) {
			this.claims.put(LtiClaims.RESOURCE_LINK, Map.of("id", "1", "title", "Werkproces B1-K1-W1"));
		}
	}

	public static TestLaunches resourceLink(PlatformSimulator platform, String toolBaseUrl) {
		return new TestLaunches(platform, toolBaseUrl, "LtiResourceLinkRequest");
	}

	public static TestLaunches deepLinking(PlatformSimulator platform, String toolBaseUrl) {
		TestLaunches launch = new TestLaunches(platform, toolBaseUrl, "LtiDeepLinkingRequest").asInstructor();
		launch.claims.put(LtiClaims.DEEP_LINKING_SETTINGS,
				Map.of("deep_link_return_url", platform.baseUrl() + "/mod/lti/contentitem_return.php?course=2&id=1",
						"accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets",
						List.of("frame", "iframe", "window"), "accept_multiple", true, "data", "{\"token\":\"abc\"}"));
		return launch;
	}

	public TestLaunches asInstructor() {
		this.claims.put("sub", "3");
		this.claims.put("name", "Terry Teacher");
		this.claims.put("email", "teacher1@example.com");
		this.claims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
		return this;
	}

	public TestLaunches inEnglish() {
		this.claims.put(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "en", "document_target", "iframe"));
		return this;
	}

	public TestLaunches expiredBy(Duration duration) {
		Instant exp = Instant.now().minus(duration);
		this.claims.put("exp", exp.getEpochSecond());
		this.claims.put("iat", exp.minusSeconds(60).getEpochSecond());
		return this;
	}

	public TestLaunches issuedIn(Duration future) {
		Instant iat = Instant.now().plus(future);
		this.claims.put("iat", iat.getEpochSecond());
		this.claims.put("exp", iat.plusSeconds(60).getEpochSecond());
		return this;
	}

	public TestLaunches with(String claim, Object value) {
		this.claims.put(claim, value);
		return this;
	}

	public TestLaunches without(String claim) {
		this.claims.remove(claim);
		return this;
	}

	/** The claims, answering the login whose nonce is given. */
	public Map<String, Object> claims(String nonce) {
		Map<String, Object> result = new LinkedHashMap<>(this.claims);
		if (nonce != null && !this.claims.containsKey("nonce")) {
			result.put("nonce", nonce);
		}
		return result;
	}

}
