package nl.werkproces.lti.launch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import io.jsonwebtoken.Jwts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * JMH: the tool's whole id_token validation (header, key from the cached key set, RS256 signature, payload, exp/nbf,
 * every {@link IdTokenRules} rule; the nonce rule's database insert excluded) beside a bare RS256 verification of the
 * same token with the same key, and jjwt's parser (what the tool used before) for reference. Goal: the whole
 * validation within 1.5× of the bare verification.
 * <p>
 * Not part of {@code ./mvnw verify} (tag {@code benchmark}); run with
 * {@code ./mvnw -B -ntp -q test -Dgroups=benchmark -Dtest.excludedGroups= -Dtest=IdTokenValidationBenchmark}
 * and record the figures in BENCHMARKS.md.
 */
@Tag("benchmark")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdTokenValidationBenchmark {

	private PlatformSimulator simulator;

	private Platform platform;

	private IdTokenDecoder decoder;

	private LaunchCheck check;

	private RSAPublicKey key;

	private String token;

	@Test
	void run() throws Exception {
		new Runner(new OptionsBuilder().include(IdTokenValidationBenchmark.class.getName() + "\\.").build()).run();
	}

	@Setup(Level.Trial)
	public void setUp() {
		this.simulator = PlatformSimulator.start();
		this.platform = Platform.newRegistration(this.simulator.settings(), PlatformSource.ADMIN, Instant.now());
		Binder defaults = new Binder(new MapConfigurationPropertySource());
		LaunchProperties launch = defaults.bindOrCreate("lti.launch", LaunchProperties.class);
		JwksProperties jwks = defaults.bindOrCreate("lti.jwks", JwksProperties.class);
		JsonMapper json = JsonMapper.builder().build();
		Clock clock = Clock.systemUTC();
		this.decoder = new IdTokenDecoder(new PlatformKeySets(json, jwks, clock, new SimpleMeterRegistry()), json, launch,
				clock);
		String tool = "http://localhost:8080";
		Instant now = Instant.now();
		this.token = this.simulator.sign(TestLaunches.resourceLink(this.simulator, tool)
			.with("iat", now.getEpochSecond())
			.with("exp", now.plusSeconds(1800).getEpochSecond())
			.claims("n-0123456789abcdef0123456789abcdef"));
		this.key = this.simulator.publicKey();
		LoginState login = new LoginState("state", "n-0123456789abcdef0123456789abcdef", 1, "hash", tool + "/lti/launch",
				"4", null, "1", now.plusSeconds(600));
		this.check = new LaunchCheck(this.platform, login, URI.create(tool), now, launch);
		validation();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.simulator.close();
	}

	/** What the tool does with a launch's id_token, without the nonce's database insert. */
	@Benchmark
	public IdToken validation() {
		IdToken idToken = this.decoder.decode(this.token, this.platform);
		IdTokenRules.beforeNonce().forEach((rule) -> rule.check(idToken, this.check));
		IdTokenRules.afterNonce().forEach((rule) -> rule.check(idToken, this.check));
		return idToken;
	}

	/** RS256 signature check of the same token with the same key, nothing else. */
	@Benchmark
	public boolean bareRs256Verify() throws Exception {
		int dot = this.token.lastIndexOf('.');
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initVerify(this.key);
		signature.update(this.token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
		return signature.verify(Base64.getUrlDecoder().decode(this.token.substring(dot + 1)));
	}

	/** jjwt's parser with the same key: the signature and claims part of the tool's validation before. */
	@Benchmark
	public Object jjwtParser() {
		return Jwts.parser().verifyWith(this.key).clockSkewSeconds(60).build().parseSignedClaims(this.token).getPayload();
	}

}
