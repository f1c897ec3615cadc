package nl.werkproces.lti.launch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.spec.LtiClaims;

/**
 * The claims of an id_token read without checking its signature: only for choosing how to word a refusal (its
 * language, whether it repeats a launch already accepted), never for a decision to accept.
 */
final class UnverifiedClaims {

	private static final int MAX_LENGTH = 32 * 1024;

	private final Map<?, ?> claims;

	private UnverifiedClaims(Map<?, ?> claims) {
		this.claims = claims;
	}

	static UnverifiedClaims of(String idToken, JsonMapper json) {
		if (idToken != null && idToken.length() < MAX_LENGTH) {
			String[] parts = idToken.split("\\.");
			if (parts.length == 3) {
				try {
					Map<?, ?> claims = json.readValue(
							new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), Map.class);
					return new UnverifiedClaims((claims != null) ? claims : Map.of());
				}
				catch (RuntimeException ex) {
					// not readable: no claims
				}
			}
		}
		return new UnverifiedClaims(Map.of());
	}

	Optional<String> nonce() {
		return (this.claims.get("nonce") instanceof String nonce && nonce.length() <= 255) ? Optional.of(nonce)
				: Optional.empty();
	}

	/** The launch's locale: {@code launch_presentation.locale}, else the OpenID {@code locale} claim. */
	Optional<String> locale() {
		if (this.claims.get(LtiClaims.LAUNCH_PRESENTATION) instanceof Map<?, ?> presentation
				&& presentation.get("locale") instanceof String locale) {
			return Optional.of(locale);
		}
		return (this.claims.get("locale") instanceof String locale) ? Optional.of(locale) : Optional.empty();
	}

}
