package nl.werkproces.lti.launch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The platform's third-party initiated login request.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#step-1-third-party-initiated-login">Security
 * Framework §5.1.1.1</a>
 */
public record LoginInitiation(String issuer, String loginHint, String targetLinkUri, String ltiMessageHint,
		String clientId, String deploymentId, String storageTarget) {

	/** A frame name a platform may offer as its storage: {@code _parent} or a plain window name. */
	private static final Pattern STORAGE_TARGET = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

	static LoginInitiation from(Map<String, String> parameters) {
		String storageTarget = trim(parameters.get("lti_storage_target"));
		return new LoginInitiation(trim(parameters.get("iss")), trim(parameters.get("login_hint")),
				trim(parameters.get("target_link_uri")), parameters.get("lti_message_hint"),
				trim(parameters.get("client_id")), trim(parameters.get("lti_deployment_id")),
				(storageTarget != null && STORAGE_TARGET.matcher(storageTarget).matches()) ? storageTarget : null);
	}

	/**
	 * The login parameters as the platform sent them, without the storage target: a new top-level window starts the
	 * login again with them (it has no platform frame to store in).
	 */
	Map<String, String> restartParameters(String issuer, String clientId) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("iss", issuer);
		if (clientId != null) {
			fields.put("client_id", clientId);
		}
		fields.put("login_hint", this.loginHint);
		fields.put("target_link_uri", this.targetLinkUri);
		if (this.ltiMessageHint != null) {
			fields.put("lti_message_hint", this.ltiMessageHint);
		}
		if (this.deploymentId != null) {
			fields.put("lti_deployment_id", this.deploymentId);
		}
		return fields;
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
