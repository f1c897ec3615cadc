package nl.werkproces.lti.launch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A platform's id_token whose signature was verified, with typed access to its claims (the payload as plain JSON,
 * so that a claim of the wrong type is refused here as {@link LaunchFailure#CLAIM_MALFORMED} instead of failing
 * somewhere later). Claim checks are done by {@link IdTokenRules}.
 */
public record IdToken(Map<String, Object> claims) {

	/** The latest NumericDate accepted: 9999-12-31T23:59:59Z. */
	static final long MAX_NUMERIC_DATE = 253_402_300_799L;

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

	/**
	 * A time claim, which must be a JSON number of seconds since the epoch (RFC 7519 NumericDate) between 0 and the
	 * year 9999 when present; a string, a boolean or an out of range number is malformed.
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc7519#section-2">RFC 7519 §2, NumericDate</a>
	 */
	public Optional<Instant> numericDate(String name) {
		Object value = this.claims.get(name);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Number number && !(number instanceof Double d && !Double.isFinite(d))
				&& !(number instanceof Float f && !Float.isFinite(f))) {
			BigDecimal seconds = new BigDecimal(number.toString());
			if (seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(MAX_NUMERIC_DATE)) <= 0) {
				return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
			}
		}
		throw new LaunchException(LaunchFailure.TIME_CLAIM_MALFORMED, name + " is not a NumericDate in range");
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
		if (value instanceof Collection<?> values && values.stream().allMatch((v) -> v instanceof String)) {
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
