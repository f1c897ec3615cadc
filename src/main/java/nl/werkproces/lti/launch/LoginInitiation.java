package nl.werkproces.lti.launch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

	/** The first hint longer than {@code maxLength} bytes once URL-encoded, or {@code null}. */
	String tooLongHint(int maxLength) {
		if (encodedLength(this.loginHint) > maxLength) {
			return "login_hint";
		}
		if (encodedLength(this.ltiMessageHint) > maxLength) {
			return "lti_message_hint";
		}
		return null;
	}

	private static int encodedLength(String value) {
		return (value != null) ? URLEncoder.encode(value, StandardCharsets.UTF_8).length() : 0;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String trim(String value) {
		return (value != null) ? value.trim() : null;
	}

}
