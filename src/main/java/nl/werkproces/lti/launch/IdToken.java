package nl.werkproces.lti.launch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.jsonwebtoken.Claims;

/**
 * A platform's id_token whose signature was verified, with typed access to its claims. Claim checks are done
 * by {@link IdTokenRules}.
 */
public record IdToken(Claims claims) {

	public String issuer() {
		return this.claims.getIssuer();
	}

	public Set<String> audience() {
		Set<String> audience = this.claims.getAudience();
		return (audience != null) ? audience : Set.of();
	}

	public Optional<Instant> expiresAt() {
		return Optional.ofNullable(this.claims.getExpiration()).map(java.util.Date::toInstant);
	}

	public Optional<Instant> issuedAt() {
		return Optional.ofNullable(this.claims.getIssuedAt()).map(java.util.Date::toInstant);
	}

	public String subject() {
		return this.claims.getSubject();
	}

	/** A claim that must be a string when present; a claim of another type is malformed. */
	public Optional<String> string(String name) {
		Object value = this.claims.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof String text) {
			return Optional.of(text);
		}
		throw new LaunchException(LaunchFailure.CLAIM_MALFORMED, name + " is not a string");
	}

	/** A claim that must be a JSON object when present. */
	public Map<String, Object> object(String name) {
		Object value = this.claims.get(name);
		if (value == null) {
			return Map.of();
		}
		if (value instanceof Map<?, ?> map) {
			@SuppressWarnings("unchecked")
			Map<String, Object> object = (Map<String, Object>) map;
			return object;
		}
		throw new LaunchException(LaunchFailure.CLAIM_MALFORMED, name + " is not an object");
	}

	/** A claim that must be an array of strings when present. */
	public Optional<List<String>> strings(String name) {
		Object value = this.claims.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Collection<?> values && values.stream().allMatch((v) -> v == null || v instanceof String)) {
			return Optional.of(values.stream().map((v) -> (String) v).toList());
		}
		throw new LaunchException(LaunchFailure.CLAIM_MALFORMED, name + " is not an array of strings");
	}

	/** A string member of an object claim, or {@code null}. */
	public static String member(Map<String, Object> object, String name) {
		Object value = object.get(name);
		return (value == null) ? null : String.valueOf(value);
	}

}
