package nl.werkproces.lti.registration;

import java.net.URI;
import java.util.Map;

import nl.werkproces.lti.registration.DynamicRegistrationException.Reason;

/**
 * What the tool needs from a platform's OpenID configuration, read leniently (unknown members ignored, Moodle's
 * shape accepted).
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dr/v1p0#platform-configuration">Dynamic Registration §3.4</a>
 */
record PlatformConfiguration(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
		URI registrationEndpoint, String productFamily) {

	static PlatformConfiguration of(Map<String, Object> json) {
		String issuer = required(json, "issuer");
		if (issuer.length() > 255) {
			throw new DynamicRegistrationException(Reason.CONFIGURATION_INVALID, "issuer longer than 255 characters");
		}
		String authorization = url(json, "authorization_endpoint");
		String token = url(json, "token_endpoint");
		String jwks = url(json, "jwks_uri");
		URI registration = URI.create(url(json, "registration_endpoint"));
		String family = null;
		if (json.get(DynamicRegistrations.PLATFORM_CONFIGURATION) instanceof Map<?, ?> platform
				&& platform.get("product_family_code") instanceof String code) {
			family = code;
		}
		return new PlatformConfiguration(issuer, authorization, token, jwks, registration, family);
	}

	/** A name for admins: "Moodle moodle.school.nl". */
	String displayName() {
		String host = URI.create(this.issuer).getHost();
		String family = (this.productFamily == null || this.productFamily.isBlank()) ? "LTI-platform"
				: Character.toUpperCase(this.productFamily.charAt(0)) + this.productFamily.substring(1);
		return family + " " + ((host != null) ? host : this.issuer);
	}

	private static String url(Map<String, Object> json, String member) {
		String value = required(json, member);
		if (PlatformUrls.secure(value).isEmpty()) {
			throw new DynamicRegistrationException(Reason.CONFIGURATION_INVALID,
					member + " is not an https URL (http only on loopback)");
		}
		return value;
	}

	private static String required(Map<String, Object> json, String member) {
		if (json.get(member) instanceof String value && !value.isBlank() && value.length() <= 1024) {
			return value.trim();
		}
		throw new DynamicRegistrationException(Reason.CONFIGURATION_INVALID, "configuration lacks " + member);
	}

}
