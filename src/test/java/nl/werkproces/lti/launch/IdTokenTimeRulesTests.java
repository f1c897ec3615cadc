package nl.werkproces.lti.launch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The time claims of an id_token: NumericDates only, issued not in the future and not before the login could have
 * started, and valid for one launch rather than for years.
 */
class IdTokenTimeRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static final Platform PLATFORM = new Platform(1L, "https://moodle.example.nl", "client", "Moodle",
			"https://moodle.example.nl/auth", "https://moodle.example.nl/token", "https://moodle.example.nl/jwks",
			true, PlatformSource.ADMIN, Set.of(), NOW, NOW);

	private static final LaunchCheck LAUNCH = new LaunchCheck(PLATFORM, null, URI.create("https://tool.example.nl"),
			NOW, settings(null));

	@Test
	void moodleTokenValidForSixtySecondsPassesEveryTimeRule() {
		assertPasses(token(NOW.getEpochSecond(), NOW.getEpochSecond() + 60));
	}

	@Test
	void fractionalNumericDatesAreAccepted() {
		assertPasses(token(NOW.getEpochSecond() + 0.5, NOW.getEpochSecond() + 60.25));
	}

	@Test
	void expAsStringIsMalformed() {
		assertRejected(token(NOW.getEpochSecond(), String.valueOf(NOW.getEpochSecond() + 60)),
				LaunchFailure.TIME_CLAIM_MALFORMED);
	}

	@Test
	void iatAsStringOrBooleanIsMalformed() {
		assertRejected(token(String.valueOf(NOW.getEpochSecond()), NOW.getEpochSecond() + 60),
				LaunchFailure.TIME_CLAIM_MALFORMED);
		assertRejected(token(true, NOW.getEpochSecond() + 60), LaunchFailure.TIME_CLAIM_MALFORMED);
	}

	@Test
	void iatBeyondAnyDateIsMalformedNotOverflowed() {
		assertRejected(token(1e308, NOW.getEpochSecond() + 60), LaunchFailure.TIME_CLAIM_MALFORMED);
		assertRejected(token(new java.math.BigInteger("99999999999999999999999"), NOW.getEpochSecond() + 60),
				LaunchFailure.TIME_CLAIM_MALFORMED);
		assertRejected(token(-1, NOW.getEpochSecond() + 60), LaunchFailure.TIME_CLAIM_MALFORMED);
	}

	@Test
	void nbfAsStringIsMalformed() {
		Map<String, Object> claims = token(NOW.getEpochSecond(), NOW.getEpochSecond() + 60);
		claims.put("nbf", "soon");
		assertRejected(claims, LaunchFailure.TIME_CLAIM_MALFORMED);
	}

	@Test
	void iatZeroIsTooOld() {
		assertRejected(token(0, NOW.getEpochSecond() + 60), LaunchFailure.ISSUED_AT_TOO_OLD);
	}

	@Test
	void iatOlderThanTheLoginTimeoutIsTooOld() {
		long iat = NOW.minus(Duration.ofMinutes(10)).minusSeconds(61).getEpochSecond();
		assertRejected(token(iat, NOW.getEpochSecond() + 60), LaunchFailure.ISSUED_AT_TOO_OLD);
	}

	@Test
	void iatAsOldAsTheLoginTimeoutIsAccepted() {
		long iat = NOW.minus(Duration.ofMinutes(10)).getEpochSecond();
		assertPasses(token(iat, iat + 3600));
	}

	@Test
	void maxTokenAgeCanBeSetApartFromTheLoginTimeout() {
		LaunchCheck strict = new LaunchCheck(PLATFORM, null, LAUNCH.toolBaseUrl(), NOW, settings(Duration.ofMinutes(1)));
		long iat = NOW.minus(Duration.ofMinutes(5)).getEpochSecond();
		LaunchException rejected = catchThrowableOfType(LaunchException.class,
				() -> IdTokenRules.ISSUED_RECENTLY.check(new IdToken(token(iat, iat + 600)), strict));
		assertThat(rejected.failure()).isEqualTo(LaunchFailure.ISSUED_AT_TOO_OLD);
	}

	@Test
	void tokenValidForTenYearsIsRefused() {
		long iat = NOW.getEpochSecond();
		assertRejected(token(iat, iat + Duration.ofDays(3650).toSeconds()), LaunchFailure.TOKEN_LIFETIME_TOO_LONG);
	}

	@Test
	void tokenValidForOneHourAsCanvasSendsIsAccepted() {
		long iat = NOW.getEpochSecond();
		assertPasses(token(iat, iat + 3600));
		assertRejected(token(iat, iat + 3601), LaunchFailure.TOKEN_LIFETIME_TOO_LONG);
	}

	@Test
	void iatInTheFutureIsStillRefused() {
		long iat = NOW.plusSeconds(120).getEpochSecond();
		assertRejected(token(iat, iat + 60), LaunchFailure.ISSUED_AT_IN_FUTURE);
	}

	private static Map<String, Object> token(Object iat, Object exp) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", PLATFORM.issuer());
		claims.put("aud", PLATFORM.clientId());
		claims.put("iat", iat);
		claims.put("exp", exp);
		return claims;
	}

	private static void assertPasses(Map<String, Object> claims) {
		IdToken token = new IdToken(claims);
		assertThatNoException().isThrownBy(() -> IdTokenRules.beforeNonce().forEach((rule) -> rule.check(token, LAUNCH)));
	}

	private static void assertRejected(Map<String, Object> claims, LaunchFailure expected) {
		IdToken token = new IdToken(claims);
		LaunchException rejected = catchThrowableOfType(LaunchException.class,
				() -> IdTokenRules.beforeNonce().forEach((rule) -> rule.check(token, LAUNCH)));
		assertThat(rejected).as("rejected").isNotNull();
		assertThat(rejected.failure()).isEqualTo(expected);
	}

	private static LaunchProperties settings(Duration maxTokenAge) {
		return new LaunchProperties(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofHours(8),
				DataSize.ofKilobytes(64), maxTokenAge, Duration.ofHours(1), 2048, 300, Duration.ofMinutes(1), 20000,
				Duration.ofHours(1));
	}

}
