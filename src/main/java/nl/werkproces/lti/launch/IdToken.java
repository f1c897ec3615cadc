package nl.werkproces.lti.launch;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A platform's id_token whose signature was verified, with typed access to its claims (the payload as read from
 * JSON). Claim checks are done by {@link IdTokenRules}.
 */
public record IdToken(Map<String, Object> claims) {

	public String issuer() {
		return string("iss").orElse(null);
	}

	/** {@code aud}: a string or an array of strings. */
	public Set<String> audience() {
		Object value = this.claims.get("aud");
		if (value == null) {
			return Set.of();
		}
		if (value instanceof String text) {
			return Set.of(text);
		}
		if (value instanceof Collection<?> values && values.stream().allMatch((v) -> v instanceof String)) {
			Set<String> audience = new LinkedHashSet<>();
			values.forEach((v) -> audience.add((String) v));
			return audience;
		}
		throw new LaunchException(LaunchFailure.CLAIM_MALFORMED, "aud is not a string or an array of strings");
	}

	public Optional<Instant> expiresAt() {
		return numericDate("exp");
	}

	public Optional<Instant> issuedAt() {
		return numericDate("iat");
	}

	public String subject() {
		return string("sub").orElse(null);
	}

	/** A time claim: a JSON number of seconds since the epoch (RFC 7519 NumericDate) when present. */
	public Optional<Instant> numericDate(String name) {
		Object value = this.claims.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Number number && Double.isFinite(number.doubleValue())
				&& Math.abs(number.doubleValue()) < Long.MAX_VALUE / 1000) {
			return Optional.of(Instant.ofEpochMilli((long) (number.doubleValue() * 1000)));
		}
		throw new LaunchException(LaunchFailure.JWT_MALFORMED, name + " is not a NumericDate");
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
