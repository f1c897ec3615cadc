package nl.werkproces.lti.launch;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.SecurityException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.Platform;

import org.springframework.stereotype.Component;

/**
 * Verifies an id_token's signature: {@code alg} must be RS256 (never {@code none}, never HMAC), the header must
 * name a {@code kid}, and the key comes from the platform's registered key set.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#id-token">Security Framework §5.1.3 (1)</a>
 */
@Component
class IdTokenDecoder {

	private static final int MAX_TOKEN_LENGTH = 32 * 1024;

	private final PlatformKeySets keySets;

	private final JsonMapper json;

	private final LaunchProperties properties;

	IdTokenDecoder(PlatformKeySets keySets, JsonMapper json, LaunchProperties properties) {
		this.keySets = keySets;
		this.json = json;
		this.properties = properties;
	}

	IdToken decode(String jwt, Platform platform) {
		Map<?, ?> header = header(jwt);
		if (!"RS256".equals(header.get("alg"))) {
			throw new LaunchException(LaunchFailure.JWT_ALGORITHM_NOT_ALLOWED,
					"alg " + String.valueOf(header.get("alg")) + " from " + platform.issuer());
		}
		if (!(header.get("kid") instanceof String kid) || kid.isBlank()) {
			throw new LaunchException(LaunchFailure.JWT_KID_MISSING, "no kid in header from " + platform.issuer());
		}
		RSAPublicKey key = this.keySets.find(platform.jwksUri(), kid)
			.orElseThrow(() -> new LaunchException(LaunchFailure.JWT_KID_UNKNOWN,
					"kid " + kid + " not in key set " + platform.jwksUri()));
		try {
			Jwts.parser()
				.verifyWith(key)
				.clockSkewSeconds(this.properties.clockLeeway().toSeconds())
				.build()
				.parseSignedClaims(jwt);
		}
		catch (ExpiredJwtException ex) {
			throw new LaunchException(LaunchFailure.TOKEN_EXPIRED, "exp passed, from " + platform.issuer());
		}
		catch (PrematureJwtException ex) {
			throw new LaunchException(LaunchFailure.TOKEN_NOT_YET_VALID, "nbf in the future, from " + platform.issuer());
		}
		catch (SecurityException ex) {
			throw new LaunchException(LaunchFailure.JWT_SIGNATURE_INVALID,
					"signature does not verify with kid " + kid + " of " + platform.issuer());
		}
		catch (RuntimeException ex) {
			// also a claim jjwt cannot convert (an aud array holding null, an iat beyond any date)
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, ex.getClass().getSimpleName());
		}
		return new IdToken(payload(jwt));
	}

	/** The verified payload as plain JSON, so that {@link IdToken} sees each claim as the platform sent it. */
	private Map<String, Object> payload(String jwt) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(jwt.split("\\.", -1)[1]);
			Map<String, Object> payload = this.json.readValue(bytes, new TypeReference<Map<String, Object>>() {
			});
			if (payload == null) {
				throw new LaunchException(LaunchFailure.JWT_MALFORMED, "empty payload");
			}
			return payload;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, "payload is not base64url JSON");
		}
	}

	private Map<?, ?> header(String jwt) {
		if (jwt.length() > MAX_TOKEN_LENGTH) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, "token longer than " + MAX_TOKEN_LENGTH);
		}
		String[] parts = jwt.split("\\.", -1);
		if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, "not three dot-separated parts");
		}
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(parts[0]);
			Map<?, ?> header = this.json.readValue(new String(bytes, StandardCharsets.UTF_8), Map.class);
			if (header == null) {
				throw new LaunchException(LaunchFailure.JWT_MALFORMED, "empty header");
			}
			return header;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new LaunchException(LaunchFailure.JWT_MALFORMED, "header is not base64url JSON");
		}
	}

}
