package nl.werkproces.lti.launch;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.werkproces.lti.launch.LaunchFlowTests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile launches over real HTTP, signed with the platform's real key: wrongly typed claims, time claims that
 * are no dates or span years, hints too long for the redirect URL. Each is a 400/401 page with its reason code,
 * and none stores a user or a session (a refused login stores no state).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.jwks.min-refresh-interval=0s")
class MalformedLaunchTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	PlatformSimulator platform;

	ToolBrowser browser;

	@BeforeEach
	void registerPlatform() {
		this.platform = PlatformSimulator.start();
		this.registrations.register(this.platform.settings(), PlatformSource.ADMIN);
		this.browser = new ToolBrowser("http://localhost:" + this.port);
	}

	@AfterEach
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void audienceHoldingNullIsRejected() {
		assertRefusedWithoutStoring(() -> launchWithRaw("aud", "[\"" + PlatformSimulator.CLIENT_ID + "\", null]"), 400,
				"JWT_MALFORMED", "CLAIM_MALFORMED");
	}

	@Test
	void audienceAsNumberIsRejected() {
		assertRefusedWithoutStoring(() -> launchWithRaw("aud", "42"), 400, "JWT_MALFORMED", "CLAIM_MALFORMED");
	}

	@Test
	void rolesThatAreNoArrayAreRejected() {
		assertRefusedWithoutStoring(() -> launchWithRaw(LtiClaims.ROLES, "\"Learner\""), 400, "CLAIM_MALFORMED");
		assertRefusedWithoutStoring(() -> launchWithRaw(LtiClaims.ROLES, "[null]"), 400, "CLAIM_MALFORMED");
	}

	@Test
	void nestedNullsAreRejectedOrIgnoredNeverAnError() {
		assertRefusedWithoutStoring(() -> launchWithRaw(LtiClaims.RESOURCE_LINK, "{\"id\": null, \"title\": null}"), 400,
				"RESOURCE_LINK_ID_MISSING");
		HttpResponse<String> contextOfNulls = launchWithRaw(LtiClaims.CONTEXT,
				"{\"id\": null, \"label\": null, \"title\": null, \"type\": [null]}");
		assertThat(contextOfNulls.statusCode()).as(contextOfNulls.body()).isIn(303, 400);
	}

	@Test
	void expAsStringIsRejected() {
		long exp = Instant.now().plusSeconds(60).getEpochSecond();
		assertRefusedWithoutStoring(() -> launchWithRaw("exp", "\"" + exp + "\""), 400, "TIME_CLAIM_MALFORMED");
	}

	@Test
	void iatOfTenToThe308IsRejected() {
		assertRefusedWithoutStoring(() -> launchWithRaw("iat", "1e308"), 400, "JWT_MALFORMED", "TIME_CLAIM_MALFORMED");
	}

	@Test
	void iatZeroIsRejectedAsTooOld() {
		assertRefusedWithoutStoring(() -> launchWithRaw("iat", "0"), 401, "ISSUED_AT_TOO_OLD");
	}

	@Test
	void iatAnHourAgoIsRejectedAsTooOld() {
		long iat = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
		assertRefusedWithoutStoring(() -> launchWithRaw("iat", String.valueOf(iat)), 401, "ISSUED_AT_TOO_OLD");
	}

	@Test
	void expTenYearsAheadIsRejected() {
		long exp = Instant.now().plus(Duration.ofDays(3650)).getEpochSecond();
		assertRefusedWithoutStoring(() -> launchWithRaw("exp", String.valueOf(exp)), 401, "TOKEN_LIFETIME_TOO_LONG");
	}

	@Test
	void launchValidForAnHourIsAccepted() {
		long now = Instant.now().getEpochSecond();
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		Map<String, Object> claims = learner().claims(login.nonce());
		claims.put("iat", now);
		claims.put("exp", now + 3600);
		assertThat(this.browser.launch(this.platform.signJson(json.writeValueAsString(claims)), login.state())
			.statusCode()).isEqualTo(303);
	}

	@Test
	void loginHintOfEightKilobytesIsRefusedAndNothingStored() {
		long before = loginStates();
		HttpResponse<String> response = this.browser.post("/lti/login", login("x".repeat(8 * 1024), null));
		assertRejected(response, 400, "LOGIN_HINT_TOO_LONG");
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(loginStates()).isEqualTo(before);
	}

	@Test
	void messageHintTooLongOnceEncodedIsRefusedAndNothingStored() {
		long before = loginStates();
		// 1000 characters, 3000 bytes in the redirect URL
		assertRejected(this.browser.post("/lti/login", login("4", "{}".repeat(500))), 400, "LOGIN_HINT_TOO_LONG");
		assertThat(loginStates()).isEqualTo(before);
	}

	@Test
	void messageHintAsLongAsCanvasSendsIsAccepted() {
		String jwtLike = "eyJ" + "a".repeat(1200) + ".eyJ" + "b".repeat(400) + "." + "c".repeat(342);
		HttpResponse<String> response = this.browser.post("/lti/login", login("4", jwtLike));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(new LoginRedirect(response.headers().firstValue("Location").orElseThrow()).parameters())
			.containsEntry("lti_message_hint", jwtLike);
	}

	private Map<String, String> login(String loginHint, String messageHint) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("iss", this.platform.issuer());
		form.put("target_link_uri", this.browser.toolBaseUrl() + "/lti/launch");
		form.put("login_hint", loginHint);
		if (messageHint != null) {
			form.put("lti_message_hint", messageHint);
		}
		form.put("client_id", PlatformSimulator.CLIENT_ID);
		form.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
		return form;
	}

	private TestLaunches learner() {
		return TestLaunches.resourceLink(this.platform, this.browser.toolBaseUrl());
	}

	/** A learner's launch whose claim is replaced by the JSON text given, signed as it is. */
	private HttpResponse<String> launchWithRaw(String claim, String rawJson) {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		Map<String, Object> claims = learner().claims(login.nonce());
		claims.put(claim, "@@raw@@");
		String payload = json.writeValueAsString(claims).replace("\"@@raw@@\"", rawJson);
		return this.browser.launch(this.platform.signJson(payload), login.state());
	}

	private void assertRefusedWithoutStoring(Supplier<HttpResponse<String>> launch, int status, String... reasons) {
		long sessions = count("launch_session");
		long users = count("lti_user");
		HttpResponse<String> response = launch.get();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(Arrays.stream(reasons).anyMatch((r) -> response.body().contains("<code id=\"reason\">" + r + "</code>")))
			.as("one of %s in %s", List.of(reasons), response.body())
			.isTrue();
		assertRejected(response, status, reasonIn(response.body(), reasons));
		assertThat(count("launch_session")).isEqualTo(sessions);
		assertThat(count("lti_user")).isEqualTo(users);
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static String reasonIn(String body, String[] reasons) {
		return Arrays.stream(reasons).filter((r) -> body.contains(">" + r + "<")).findFirst().orElse(reasons[0]);
	}

	private long loginStates() {
		return this.jdbc.sql("SELECT COUNT(*) FROM login_state").query(Long.class).single();
	}

}
