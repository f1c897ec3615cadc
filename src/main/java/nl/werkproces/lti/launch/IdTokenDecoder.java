package nl.werkproces.lti.launch;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.Platform;

import org.springframework.stereotype.Component;

/**
 * Verifies an id_token's signature: {@code alg} must be RS256 (never {@code none}, never HMAC), the header must
 * name a {@code kid} and use no extension ({@code crit}, {@code zip}), and the key comes from the platform's
 * registered key set. Then {@code exp} and {@code nbf} are checked against now with the clock leeway. The JDK's
 * {@link java.security.Signature} checks the signature over the token's own text ({@link Rs256}); Jackson reads the
 * header and the payload once each.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#id-token">Security Framework §5.1.3 (1)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7519#section-7.2">RFC 7519 §7.2, validating a JWT</a>
 */
@Component
class IdTokenDecoder {

	private static final int MAX_TOKEN_LENGTH = 32 * 1024;

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final PlatformKeySets keySets;

	private final JsonMapper json;

	private final LaunchProperties properties;

	private final Clock clock;

	IdTokenDecoder(PlatformKeySets keySets, JsonMapper json, LaunchProperties properties, Clock clock) {
		this.keySets = keySets;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	IdToken decode(String jwt, Platform platform) {
		if (jwt.length() > MAX_TOKEN_LENGTH) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, "token longer than " + MAX_TOKEN_LENGTH);
		}
		int firstDot = jwt.indexOf('.');
		int secondDot = (firstDot < 0) ? -1 : jwt.indexOf('.', firstDot + 1);
		if (firstDot <= 0 || secondDot <= firstDot + 1 || jwt.indexOf('.', secondDot + 1) >= 0) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, "not three dot-separated parts");
		}
		Map<String, Object> header = json(jwt.substring(0, firstDot), "header");
		if (!"RS256".equals(header.get("alg"))) {
			throw new LaunchException(LaunchFailure.JWT_ALGORITHM_NOT_ALLOWED,
					"alg " + String.valueOf(header.get("alg")) + " from " + platform.issuer());
		}
		if (!(header.get("kid") instanceof String kid) || kid.isBlank()) {
			throw new LaunchException(LaunchFailure.JWT_KID_MISSING, "no kid in header from " + platform.issuer());
		}
		if (header.containsKey("crit") || header.containsKey("zip") || Boolean.FALSE.equals(header.get("b64"))) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, "header extension not supported");
		}
		RSAPublicKey key = this.keySets.find(platform.jwksUri(), kid)
			.orElseThrow(() -> new LaunchException(LaunchFailure.JWT_KID_UNKNOWN,
					"kid " + kid + " not in key set " + platform.jwksUri()));
		if (!Rs256.verifies(jwt, secondDot, base64(jwt.substring(secondDot + 1), "signature"), key)) {
			throw new LaunchException(LaunchFailure.JWT_SIGNATURE_INVALID,
					"signature does not verify with kid " + kid + " of " + platform.issuer());
		}
		IdToken token = new IdToken(json(jwt.substring(firstDot + 1, secondDot), "payload"));
		checkTimes(token, platform);
		return token;
	}

	/** {@code exp} not passed and {@code nbf} (when present) reached, each with the leeway. */
	private void checkTimes(IdToken token, Platform platform) {
		Instant now = this.clock.instant();
		Duration leeway = this.properties.clockLeeway();
		if (token.expiresAt().filter((exp) -> now.minus(leeway).isAfter(exp)).isPresent()) {
			throw new LaunchException(LaunchFailure.TOKEN_EXPIRED, "exp passed, from " + platform.issuer());
		}
		if (token.numericDate("nbf").filter((nbf) -> now.plus(leeway).isBefore(nbf)).isPresent()) {
			throw new LaunchException(LaunchFailure.TOKEN_NOT_YET_VALID, "nbf in the future, from " + platform.issuer());
		}
	}

	private Map<String, Object> json(String part, String name) {
		try {
			Map<String, Object> value = this.json.readValue(base64(part, name), OBJECT);
			if (value == null) {
				throw new LaunchException(LaunchFailure.JWT_MALFORMED, "empty " + name);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, name + " is not base64url JSON");
		}
	}

	private static byte[] base64(String part, String name) {
		try {
			return Base64.getUrlDecoder().decode(part);
		}
		catch (IllegalArgumentException ex) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, name + " is not base64url");
		}
	}

}
