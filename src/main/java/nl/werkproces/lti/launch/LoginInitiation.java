package nl.werkproces.lti.launch;

import java.util.Map;

/**
 * The platform's third-party initiated login request.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#step-1-third-party-initiated-login">Security
 * Framework §5.1.1.1</a>
 */
public record LoginInitiation(String issuer, String loginHint, String targetLinkUri, String ltiMessageHint,
		String clientId, String deploymentId) {

	static LoginInitiation from(Map<String, String> parameters) {
		return new LoginInitiation(trim(parameters.get("iss")), trim(parameters.get("login_hint")),
				trim(parameters.get("target_link_uri")), parameters.get("lti_message_hint"),
				trim(parameters.get("client_id")), trim(parameters.get("lti_deployment_id")));
	}

	/** The first required parameter that is missing, or {@code null}. */
	String missingParameter() {
		if (blank(this.issuer)) {
			return "iss";
		}
		if (blank(this.loginHint)) {
			return "login_hint";
		}
		if (blank(this.targetLinkUri)) {
			return "target_link_uri";
		}
		return null;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String trim(String value) {
		return (value != null) ? value.trim() : null;
	}

}
