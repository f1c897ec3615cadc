package nl.werkproces.lti.launch;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.JsonWebKeys;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fetching and caching the platforms' key sets, against a simulated platform's real JWKS endpoint and a clock
 * the tests move on. Limits: cache 1 min to 24 h, default 10 min, unknown kids refresh at most every 30 s.
 */
class PlatformKeySetsTests {

	private static final JwksProperties properties = new JwksProperties(Duration.ofMinutes(10), Duration.ofMinutes(1),
			Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(5));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:30:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PlatformSimulator platform = PlatformSimulator.start();

	private final PlatformKeySets keySets = new PlatformKeySets(JsonMapper.builder().build(), properties, this.clock,
			this.meters);

	@AfterEach
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void keyIsFetchedFromThePlatformOnceAndThenServedFromCache() {
		assertThat(find(this.platform.kid())).contains(this.platform.publicKey());
		assertThat(find(this.platform.kid())).contains(this.platform.publicKey());
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
		assertThat(this.meters.get("lti.jwks.fetches").tag("host", "127.0.0.1").counter().count()).isEqualTo(1);
	}

	@Test
	void keySetIsCachedForThePlatformsMaxAge() {
		this.platform.cacheControl("public, max-age=120");
		find(this.platform.kid());
		this.clock.advance(Duration.ofSeconds(120));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void maxAgeBelowTheMinimumCachesForMinCacheTime() {
		this.platform.cacheControl("max-age=5");
		find(this.platform.kid());
		this.clock.advance(Duration.ofSeconds(60));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void maxAgeAboveTheMaximumCachesForMaxCacheTime() {
		this.platform.cacheControl("max-age=31536000");
		find(this.platform.kid());
		this.clock.advance(Duration.ofHours(24));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void keySetWithoutCacheControlIsCachedForTheDefaultTime() {
		this.platform.cacheControl(null);
		find(this.platform.kid());
		this.clock.advance(Duration.ofMinutes(10));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void noCacheKeySetIsKeptForMinCacheTime() {
		this.platform.cacheControl("no-cache");
		find(this.platform.kid());
		this.clock.advance(Duration.ofSeconds(60));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		find(this.platform.kid());
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void unknownKidRightAfterAFetchDoesNotFetchAgain() {
		find(this.platform.kid());
		assertThat(find("unknown-kid")).isEmpty();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(find("unknown-kid")).isEmpty();
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
	}

	@Test
	void floodOfUnknownKidsRefreshesTheKeySetOncePerMinRefreshInterval() {
		find(this.platform.kid());
		this.clock.advance(Duration.ofSeconds(31));
		for (int i = 0; i < 50; i++) {
			assertThat(find("unknown-kid-" + i)).isEmpty();
		}
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(31));
		for (int i = 0; i < 50; i++) {
			assertThat(find("unknown-kid-" + i)).isEmpty();
		}
		assertThat(this.platform.jwksFetches()).isEqualTo(3);
	}

	@Test
	void rotatedPlatformKeyIsFoundWithOneRefresh() {
		find(this.platform.kid());
		this.clock.advance(Duration.ofSeconds(31));
		String next = this.platform.rotateKey();
		assertThat(find(next)).contains(this.platform.publicKey());
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void failingRefreshKeepsTheLastGoodKeys() {
		String kid = this.platform.kid();
		RSAPublicKey key = this.platform.publicKey();
		find(kid);
		this.platform.jwksStatus(500);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(find(kid)).contains(key);
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void failingPlatformIsRetriedAfterMinRefreshIntervalNotOnEveryLaunch() {
		String kid = this.platform.kid();
		find(kid);
		this.platform.jwksStatus(500);
		this.clock.advance(Duration.ofMinutes(11));
		for (int i = 0; i < 10; i++) {
			assertThat(find(kid)).isPresent();
		}
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
		this.platform.jwksStatus(200);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(find(kid)).isPresent();
		assertThat(this.platform.jwksFetches()).isEqualTo(3);
	}

	@Test
	void unreachableKeySetWithNothingCachedIsPlatformKeysUnavailable() {
		this.platform.close();
		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> find(this.platform.kid()))
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(LaunchFailure.PLATFORM_KEYS_UNAVAILABLE));
	}

	@Test
	void failingKeySetWithNothingCachedIsPlatformKeysUnavailable() {
		this.platform.jwksStatus(500);
		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> find(this.platform.kid()))
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(LaunchFailure.PLATFORM_KEYS_UNAVAILABLE))
			.withMessageContaining("HTTP 500");
	}

	@Test
	void nonRsaAndEncryptionKeysAreIgnored() throws NoSuchAlgorithmException {
		this.platform.publishJwk(Map.of("kty", "EC", "kid", "ec-key", "crv", "P-256", "use", "sig", "x",
				"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"));
		Map<String, Object> encryptionKey = new LinkedHashMap<>(JsonWebKeys.rsaSigningKey("enc-key", rsaKey()));
		encryptionKey.put("use", "enc");
		encryptionKey.remove("alg");
		this.platform.publishJwk(encryptionKey);
		this.platform.publishJwk(Map.of("kty", "oct", "kid", "hmac-key", "k", "c2VjcmV0"));
		assertThat(find("ec-key")).isEmpty();
		assertThat(find("enc-key")).isEmpty();
		assertThat(find("hmac-key")).isEmpty();
		assertThat(find(this.platform.kid())).contains(this.platform.publicKey());
	}

	private Optional<RSAPublicKey> find(String kid) {
		return this.keySets.find(this.platform.jwksUri(), kid);
	}

	private static RSAPublicKey rsaKey() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return (RSAPublicKey) generator.generateKeyPair().getPublic();
	}

}
