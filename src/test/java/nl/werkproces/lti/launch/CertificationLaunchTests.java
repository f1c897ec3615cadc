package nl.werkproces.lti.launch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.werkproces.lti.launch.LaunchFlowTests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launch cases of the 1EdTech certification validator ({@code src/test/resources/lti-certification}): every
 * valid case is accepted and its page opens, every invalid case is rejected with the reason expected for it. All
 * cases come from one simulated platform, so the users, courses and activities that recur across cases are
 * created once and found again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.jwks.min-refresh-interval=0s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificationLaunchTests {

	private static final String CASES = "/lti-certification";

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The reason each invalid case is rejected for: the first rule it fails. */
	private static final Map<String, Rejection> INVALID = Map.ofEntries(
			Map.entry("Correct KID Required in Header", new Rejection(401, "JWT_KID_MISSING")),
			Map.entry("Incorrect KID passed in JWT Header", new Rejection(401, "JWT_KID_UNKNOWN")),
			Map.entry("Exp and Iat Fields invalid", new Rejection(401, "TOKEN_EXPIRED")),
			// header.json is {}: the header names no kid, which is checked before any claim
			Map.entry("JWT Passed is Not LTI 1.3 JWT", new Rejection(401, "JWT_KID_MISSING")),
			Map.entry("LTI version passed is not 1.3", new Rejection(400, "VERSION_UNSUPPORTED")),
			Map.entry("No LTI Version Passed in JWT", new Rejection(400, "VERSION_UNSUPPORTED")),
			Map.entry("Launch With Missing resource_link_id", new Rejection(400, "RESOURCE_LINK_ID_MISSING")),
			// message_type, version and roles are missing: message_type is checked first
			Map.entry("One or more JWT fields missing", new Rejection(400, "MESSAGE_TYPE_UNSUPPORTED")),
			Map.entry("deployment_id Claim Missing", new Rejection(400, "DEPLOYMENT_MISSING")),
			Map.entry("message_type Claim Missing", new Rejection(400, "MESSAGE_TYPE_UNSUPPORTED")),
			Map.entry("role Claim Missing", new Rejection(400, "ROLES_MISSING")),
			Map.entry("user Claim Missing", new Rejection(400, "SUBJECT_MISSING")));

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	PlatformSimulator platform;

	Platform registered;

	@BeforeAll
	void registerPlatform() {
		this.platform = PlatformSimulator.start();
		this.registered = this.registrations.register(this.platform.settings(), PlatformSource.ADMIN);
	}

	@AfterAll
	void stopPlatform() {
		this.platform.close();
	}

	static Stream<String> validCases() {
		return caseNames("valid", 22);
	}

	static Stream<String> invalidCases() {
		return caseNames("invalid", 12);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validCases")
	void validCertificationLaunchIsAcceptedAndOpensTheActivity(String name) {
		Map<String, Object> payload = readJson(caseDirectory("valid", name).resolve("payload.json"));
		ToolBrowser browser = browser();
		HttpResponse<String> launch = launch(browser, "valid", name);
		assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
		String location = launch.headers().firstValue("Location").orElseThrow();
		assertThat(location).isEqualTo(browser.toolBaseUrl() + "/app");
		HttpResponse<String> page = browser.getFollowing(location);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"launch-user\"").contains(expectedDisplayName(payload));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCases")
	void invalidCertificationLaunchIsRejectedWithItsReason(String name) {
		Rejection expected = INVALID.get(name);
		assertThat(expected).as("expected rejection for invalid case '%s'", name).isNotNull();
		assertRejected(launch(browser(), "invalid", name), expected.status(), expected.reason());
	}

	@Test
	void everyInvalidCaseHasAnExpectedReason() {
		assertThat(invalidCases()).containsExactlyInAnyOrderElementsOf(INVALID.keySet());
	}

	@Test
	void recurringUserCourseAndActivityAreStoredOnce() {
		ToolBrowser browser = browser();
		for (String name : List.of("Launch LTI 1.3 Message as Student", "Launch Student Only Email",
				"Launch LTI 1.3 Message as Student", "Launch Student No PII")) {
			assertThat(launch(browser, "valid", name).statusCode()).as(name).isEqualTo(303);
		}
		assertThat(count("SELECT COUNT(*) FROM lti_user WHERE platform_id = ? AND subject = ?", "40899")).isOne();
		assertThat(count("SELECT COUNT(*) FROM lti_context WHERE platform_id = ? AND context_key = ?", "8893483"))
			.isOne();
		assertThat(count("SELECT COUNT(*) FROM resource_link WHERE platform_id = ? AND link_key = ?",
				"a7432159070d4c8b981b51dc1eb982db"))
			.isOne();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM lti_user WHERE platform_id = ? AND email IS NOT NULL")
			.params(this.registered.id())
			.query(Long.class)
			.single()).as("the e-mail claim (\"Only Email\" sends one) is not stored: the tool does not use it")
			.isZero();
	}

	/** Logs in through the tool, then posts the case's payload, signed by the simulator, as the id_token. */
	private HttpResponse<String> launch(ToolBrowser browser, String kind, String name) {
		Path directory = caseDirectory(kind, name);
		LoginRedirect login = browser.initiateLogin(this.platform);
		Map<String, Object> claims = withOurValues(readJson(directory.resolve("payload.json")), keptClaims(directory),
				login.nonce(), browser.toolBaseUrl());
		Path header = directory.resolve("header.json");
		String idToken = Files.exists(header) ? this.platform.signWithHeader(readJson(header), claims)
				: this.platform.sign(claims);
		return browser.launch(idToken, login.state());
	}

	/**
	 * The payload with the simulator's and this login's values in the claims that name the platform, the tool and
	 * the time, where the payload has them; a claim the payload lacks stays missing.
	 */
	private Map<String, Object> withOurValues(Map<String, Object> payload, Set<String> keep, String nonce,
			String toolBaseUrl) {
		Map<String, Object> claims = new LinkedHashMap<>(payload);
		long now = Instant.now().getEpochSecond();
		replace(claims, keep, "iss", this.platform.issuer());
		replace(claims, keep, "aud", (claims.get("aud") instanceof List) ? List.of(PlatformSimulator.CLIENT_ID)
				: PlatformSimulator.CLIENT_ID);
		replace(claims, keep, "azp", PlatformSimulator.CLIENT_ID);
		replace(claims, keep, LtiClaims.DEPLOYMENT_ID, PlatformSimulator.DEPLOYMENT_ID);
		replace(claims, keep, "nonce", nonce);
		replace(claims, keep, LtiClaims.TARGET_LINK_URI, toolBaseUrl + "/lti/launch");
		replace(claims, keep, "iat", now);
		replace(claims, keep, "exp", now + 300);
		// the validator's Deep Linking return URL lies on its own host, as the tool requires; here the platform is
		// the simulator, so the URL moves to the simulator's host with the validator's path
		if (claims.get(LtiClaims.DEEP_LINKING_SETTINGS) instanceof Map<?, ?> settings
				&& settings.get("deep_link_return_url") instanceof String returnUrl) {
			Map<Object, Object> moved = new LinkedHashMap<>(settings);
			moved.put("deep_link_return_url", this.platform.baseUrl() + URI.create(returnUrl).getPath());
			claims.put(LtiClaims.DEEP_LINKING_SETTINGS, moved);
		}
		return claims;
	}

	private static void replace(Map<String, Object> claims, Set<String> keep, String claim, Object value) {
		if (claims.containsKey(claim) && !keep.contains(claim)) {
			claims.put(claim, value);
		}
	}

	private static Set<String> keptClaims(Path directory) {
		Path keep = directory.resolve("keep.json");
		if (!Files.exists(keep)) {
			return Set.of();
		}
		try {
			return Set.of(json.readValue(Files.readString(keep), String[].class));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + keep, ex);
		}
	}

	/** The name the activity page greets with: the name, else given and family name, else the sub. */
	private static String expectedDisplayName(Map<String, Object> payload) {
		if (payload.get("name") instanceof String name) {
			return name;
		}
		if (payload.get("given_name") instanceof String given && payload.get("family_name") instanceof String family) {
			return given + " " + family;
		}
		return (String) payload.get("sub");
	}

	private long count(String sql, String key) {
		return this.jdbc.sql(sql).params(this.registered.id(), key).query(Long.class).single();
	}

	private ToolBrowser browser() {
		return new ToolBrowser("http://localhost:" + this.port);
	}

	private static Stream<String> caseNames(String kind, int expected) {
		try (Stream<Path> directories = Files.list(casesRoot().resolve(kind))) {
			List<String> names = directories.filter(Files::isDirectory)
				.map((directory) -> directory.getFileName().toString())
				.sorted()
				.toList();
			assertThat(names).as("%s certification cases", kind).hasSize(expected);
			return names.stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot list the " + kind + " certification cases", ex);
		}
	}

	private static Path caseDirectory(String kind, String name) {
		return casesRoot().resolve(kind).resolve(name);
	}

	private static Path casesRoot() {
		URL root = CertificationLaunchTests.class.getResource(CASES);
		if (root == null) {
			throw new IllegalStateException("certification cases missing: no " + CASES + " on the test class path");
		}
		try {
			return Path.of(root.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> readJson(Path file) {
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> content = json.readValue(Files.readString(file), LinkedHashMap.class);
			return content;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
	}

	private record Rejection(int status, String reason) {

	}

}
