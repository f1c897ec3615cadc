package nl.werkproces.lti.launch;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSettings;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole launch over real HTTP: Moodle-style login initiation, the tool's redirect with state and nonce, an
 * id_token signed by the simulated platform with a real RS256 key from its JWKS endpoint, and the launch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.jwks.min-refresh-interval=0s")
class LaunchFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	MeterRegistry meters;

	PlatformSimulator platform;

	Platform registered;

	ToolBrowser browser;

	@BeforeEach
	void registerPlatform() {
		this.platform = PlatformSimulator.start();
		this.registered = this.registrations.register(this.platform.settings(), PlatformSource.ADMIN);
		this.browser = new ToolBrowser("http://localhost:" + this.port);
	}

	@AfterEach
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void launchAsLearnerOfActivityNotSetUpShowsWhoAndWhereAndThatItIsNotReady() {
		HttpResponse<String> launch = launchWith(student());
		assertThat(launch.statusCode()).isEqualTo(303);
		String location = launch.headers().firstValue("Location").orElseThrow();
		assertThat(location).as("the state cookie came back, so the session cookie will: nothing in the URL")
			.isEqualTo(this.browser.toolBaseUrl() + "/app");
		assertThat(launch.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("lti_session="));
		HttpResponse<String> page = this.browser.get(location);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Welkom, Sam Student")
			.contains("nog niet ingericht")
			.contains("LTI Test Course")
			.contains("Werkproces B1-K1-W1");
	}

	@Test
	void launchAsInstructorOfActivityNotSetUpAsksForTheWerkprocesInEnglishWhenLocaleAsks() {
		HttpResponse<String> launch = launchWith(student().asInstructor().inEnglish());
		HttpResponse<String> page = this.browser.getFollowing(launch.headers().firstValue("Location").orElseThrow());
		assertThat(page.uri().getPath()).isEqualTo("/app/setup");
		assertThat(page.body()).contains("Terry Teacher").contains("Which werkproces belongs to this activity?");
	}

	@Test
	void sessionIdIsNeverAcceptedFromTheUrl() {
		launchWith(student());
		String sessionId = this.browser.cookie("lti_session").orElseThrow();
		this.browser.dropCookies();
		assertThat(this.browser.get("/app?lsid=" + sessionId).statusCode()).isEqualTo(401);
	}

	@Test
	void pagesMayBeFramedByRegisteredPlatformsOnly() {
		HttpResponse<String> page = this.browser.get(launchWith(student()).headers().firstValue("Location").orElseThrow());
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).startsWith("frame-ancestors 'self'").contains(this.platform.baseUrl());
		assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
	}

	@Test
	void launchAuthenticationIsNeverKeptInAnHttpSession() {
		HttpResponse<String> page = this.browser.get(launchWith(student()).headers().firstValue("Location").orElseThrow());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
	}

	@Test
	void appWithoutSessionIsRefused() {
		assertThat(this.browser.get("/app").statusCode()).isEqualTo(401);
		assertThat(this.browser.get("/app?lsid=not-a-session").statusCode()).isEqualTo(401);
	}

	@Test
	void loginRedirectCarriesEveryOidcParameter() {
		LoginRedirect redirect = this.browser.initiateLogin(this.platform);
		Map<String, String> parameters = redirect.parameters();
		assertThat(redirect.location()).startsWith(this.platform.authorizationEndpoint() + "?");
		assertThat(parameters).containsEntry("scope", "openid")
			.containsEntry("response_type", "id_token")
			.containsEntry("response_mode", "form_post")
			.containsEntry("prompt", "none")
			.containsEntry("client_id", PlatformSimulator.CLIENT_ID)
			.containsEntry("redirect_uri", "http://localhost:" + this.port + "/lti/launch")
			.containsEntry("login_hint", "4")
			.containsEntry("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_339429064\"}");
		assertThat(parameters.get("state")).hasSizeGreaterThanOrEqualTo(43);
		assertThat(parameters.get("nonce")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(parameters.get("state"));
	}

	@Test
	void loginByGetIsAcceptedToo() {
		HttpResponse<String> response = this.browser.get("/lti/login?iss=" + this.platform.issuer()
				+ "&login_hint=4&target_link_uri=http://localhost:" + this.port + "/lti/launch&client_id="
				+ PlatformSimulator.CLIENT_ID);
		assertThat(response.statusCode()).isEqualTo(302);
	}

	@Test
	void loginFromUnknownPlatformIsRefusedWithoutRedirect() {
		HttpResponse<String> response = this.browser.post("/lti/login", Map.of("iss", "https://unknown.example.nl",
				"login_hint", "4", "target_link_uri", "http://localhost:" + this.port + "/lti/launch", "client_id", "x"));
		assertRejected(response, 400, "LOGIN_PLATFORM_UNKNOWN");
	}

	@Test
	void loginForAnotherHostIsRefused() {
		HttpResponse<String> response = this.browser.post("/lti/login",
				Map.of("iss", this.platform.issuer(), "login_hint", "4", "target_link_uri",
						"https://evil.example.com/lti/launch", "client_id", PlatformSimulator.CLIENT_ID));
		assertRejected(response, 400, "LOGIN_TARGET_LINK_URI_FOREIGN");
	}

	@Test
	void loginWithoutLoginHintIsRefused() {
		HttpResponse<String> response = this.browser.post("/lti/login", Map.of("iss", this.platform.issuer(),
				"target_link_uri", "http://localhost:" + this.port + "/lti/launch"));
		assertRejected(response, 400, "LOGIN_PARAMETER_MISSING");
	}

	@Test
	void platformJwksIsFetchedOnceForManyLaunches() {
		for (int i = 0; i < 10; i++) {
			assertThat(launchWith(student()).statusCode()).isEqualTo(303);
		}
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
	}

	@Test
	void rotatedPlatformKeyIsPickedUpWithOneRefresh() {
		assertThat(launchWith(student()).statusCode()).isEqualTo(303);
		this.platform.rotateKey();
		assertThat(launchWith(student()).statusCode()).isEqualTo(303);
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void launchWithBadSignatureIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.sign(student().claims(login.nonce()));
		String[] parts = token.split("\\.");
		String tampered = parts[0] + "." + parts[1] + "." + flip(parts[2]);
		assertRejected(this.browser.launch(tampered, login.state()), 401, "JWT_SIGNATURE_INVALID");
	}

	@Test
	void launchWithTamperedClaimsIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.sign(student().claims(login.nonce()));
		String other = this.platform.sign(student().asInstructor().claims(login.nonce()));
		String[] parts = token.split("\\.");
		String swapped = parts[0] + "." + other.split("\\.")[1] + "." + parts[2];
		assertRejected(this.browser.launch(swapped, login.state()), 401, "JWT_SIGNATURE_INVALID");
	}

	@Test
	void launchWithAlgNoneIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.unsigned(student().claims(login.nonce()));
		assertRejected(this.browser.launch(token, login.state()), 401, "JWT_ALGORITHM_NOT_ALLOWED");
	}

	@Test
	void launchWithHs256SignedWithPublicKeyIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.hs256WithPublicKeyAsSecret(student().claims(login.nonce()));
		assertRejected(this.browser.launch(token, login.state()), 401, "JWT_ALGORITHM_NOT_ALLOWED");
	}

	@Test
	void launchWithUnknownKidIsRejectedAfterOneJwksRefresh() {
		assertThat(launchWith(student()).statusCode()).isEqualTo(303);
		assertThat(this.platform.jwksFetches()).isEqualTo(1);
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.signWithUnpublishedKey("unknown-kid", student().claims(login.nonce()));
		assertRejected(this.browser.launch(token, login.state()), 401, "JWT_KID_UNKNOWN");
		assertThat(this.platform.jwksFetches()).isEqualTo(2);
	}

	@Test
	void launchWithoutKidIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.signWithHeader(Map.of("badtestonly", "12345"), student().claims(login.nonce()));
		assertRejected(this.browser.launch(token, login.state()), 401, "JWT_KID_MISSING");
	}

	@Test
	void expiredLaunchIsRejected() {
		assertRejectedLaunch(student().expiredBy(Duration.ofMinutes(5)), 401, "TOKEN_EXPIRED");
	}

	@Test
	void launchExpiredWithinLeewayIsAccepted() {
		assertThat(launchWith(student().expiredBy(Duration.ofSeconds(20))).statusCode()).isEqualTo(303);
	}

	@Test
	void launchIssuedInTheFutureIsRejected() {
		assertRejectedLaunch(student().issuedIn(Duration.ofMinutes(10)), 401, "ISSUED_AT_IN_FUTURE");
	}

	@Test
	void launchWithWrongIssuerIsRejected() {
		assertRejectedLaunch(student().with("iss", "https://other-moodle.example.nl"), 401, "ISSUER_MISMATCH");
	}

	@Test
	void launchWithAudienceWithoutOurClientIdIsRejected() {
		assertRejectedLaunch(student().with("aud", "another-client"), 401, "AUDIENCE_MISMATCH");
	}

	@Test
	void launchWithSeveralAudiencesWithoutAzpIsRejected() {
		assertRejectedLaunch(student().with("aud", List.of(PlatformSimulator.CLIENT_ID, "another-client")), 401,
				"AZP_MISSING");
	}

	@Test
	void launchWithSeveralAudiencesAndOurAzpIsAccepted() {
		assertThat(launchWith(student().with("aud", List.of(PlatformSimulator.CLIENT_ID, "another-client"))
			.with("azp", PlatformSimulator.CLIENT_ID)).statusCode()).isEqualTo(303);
	}

	@Test
	void launchWithAzpOfAnotherClientIsRejected() {
		assertRejectedLaunch(student().with("azp", "another-client"), 401, "AZP_MISMATCH");
	}

	@Test
	void launchWithoutNonceIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.sign(student().claims(null));
		assertRejected(this.browser.launch(token, login.state()), 401, "NONCE_MISSING");
	}

	@Test
	void launchWithReplayedNonceIsRejected() {
		LoginRedirect first = this.browser.initiateLogin(this.platform);
		assertThat(this.browser.launch(this.platform.sign(student().claims(first.nonce())), first.state()).statusCode())
			.isEqualTo(303);
		LoginRedirect second = this.browser.initiateLogin(this.platform);
		String replay = this.platform.sign(student().claims(first.nonce()));
		assertRejected(this.browser.launch(replay, second.state()), 401, "NONCE_REPLAYED");
	}

	@Test
	void launchWithNonceOfAnotherLoginIsRejected() {
		LoginRedirect first = this.browser.initiateLogin(this.platform);
		LoginRedirect second = this.browser.initiateLogin(this.platform);
		String token = this.platform.sign(student().claims(first.nonce()));
		assertRejected(this.browser.launch(token, second.state()), 401, "NONCE_MISMATCH");
	}

	@Test
	void launchWithReplayedStateIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.sign(student().claims(login.nonce()));
		assertThat(this.browser.launch(token, login.state()).statusCode()).isEqualTo(303);
		assertRejected(this.browser.launch(token, login.state()), 400, "STATE_USED");
	}

	@Test
	void launchWithStateFromAnotherBrowserIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.sign(student().claims(login.nonce()));
		ToolBrowser attacker = new ToolBrowser(this.browser.toolBaseUrl());
		attacker.initiateLogin(this.platform);
		assertRejected(attacker.launch(token, login.state()), 401, "STATE_BROWSER_MISMATCH");
		assertThat(this.browser.launch(token, login.state()).statusCode()).isEqualTo(303);
	}

	@Test
	void launchWhoseStateCookieDidNotComeBackNeverPostsTheLoginAgain() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = this.platform.sign(student().claims(login.nonce()));
		this.browser.dropCookies();
		HttpResponse<String> response = this.browser.launch(token, login.state());
		assertRejected(response, 401, "STATE_COOKIE_MISSING");
		// the platform has answered: its single-use lti_message_hint (Moodle) would be refused a second time
		assertThat(response.body()).doesNotContain("/lti/login")
			.doesNotContain("ltilaunch1_339429064")
			.contains("derdepartijcookies")
			.contains("biedt aan de activiteit in een nieuw venster te openen");
	}

	@Test
	void launchWithUnknownDeploymentIsRejected() {
		assertRejectedLaunch(student().with(LtiClaims.DEPLOYMENT_ID, "99"), 403, "DEPLOYMENT_UNKNOWN");
	}

	@Test
	void launchOnDisabledPlatformIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		this.registrations.setEnabled(this.registered.id(), false);
		assertRejected(this.browser.launch(this.platform.sign(student().claims(login.nonce())), login.state()), 403,
				"PLATFORM_DISABLED");
		assertRejected(this.browser.post("/lti/login", Map.of("iss", this.platform.issuer(), "login_hint", "4",
				"target_link_uri", this.browser.toolBaseUrl() + "/lti/launch", "client_id", PlatformSimulator.CLIENT_ID)),
				403, "PLATFORM_DISABLED");
	}

	@Test
	void launchWithWrongMessageTypeIsRejected() {
		assertRejectedLaunch(student().with(LtiClaims.MESSAGE_TYPE, "LtiStartProctoring"), 400,
				"MESSAGE_TYPE_UNSUPPORTED");
	}

	@Test
	void launchWithWrongVersionIsRejected() {
		assertRejectedLaunch(student().with(LtiClaims.VERSION, "1.1"), 400, "VERSION_UNSUPPORTED");
	}

	@Test
	void resourceLinkLaunchWithoutResourceLinkIdIsRejected() {
		assertRejectedLaunch(student().with(LtiClaims.RESOURCE_LINK, Map.of("title", "no id")), 400,
				"RESOURCE_LINK_ID_MISSING");
	}

	@Test
	void launchWithTargetLinkUriOfAnotherHostIsRejected() {
		assertRejectedLaunch(student().with(LtiClaims.TARGET_LINK_URI, "https://evil.example.com/lti/launch"), 400,
				"TARGET_LINK_URI_FOREIGN");
	}

	@Test
	void resourceLinkLaunchWithoutTargetLinkUriIsRejected() {
		assertRejectedLaunch(student().without(LtiClaims.TARGET_LINK_URI), 400, "TARGET_LINK_URI_FOREIGN");
	}

	@Test
	void deepLinkingRequestWithoutTargetLinkUriIsAccepted() {
		HttpResponse<String> launch = launchWith(deepLinking().without(LtiClaims.TARGET_LINK_URI));
		assertThat(launch.statusCode()).isEqualTo(303);
		HttpResponse<String> page = this.browser.getFollowing(launch.headers().firstValue("Location").orElseThrow());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Werkproces toevoegen").contains("id=\"picker-form\"");
	}

	@Test
	void deepLinkingRequestWithTargetLinkUriOfAnotherHostIsRejected() {
		assertRejectedLaunch(deepLinking().with(LtiClaims.TARGET_LINK_URI, "https://evil.example.com/lti/launch"), 400,
				"TARGET_LINK_URI_FOREIGN");
	}

	@Test
	void malformedJwtIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		assertRejected(this.browser.launch("not-a-jwt", login.state()), 400, "JWT_MALFORMED");
	}

	@Test
	void oversizedLaunchFormIsRejected() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String padding = "x".repeat(100 * 1024);
		HttpResponse<String> response = this.browser.postRaw("/lti/launch",
				"id_token=" + padding + "&state=" + login.state());
		assertRejected(response, 413, "FORM_TOO_LARGE");
	}

	@Test
	void formLargerThanServerLimitIsRejectedToo() {
		String padding = "x".repeat(2 * 1024 * 1024);
		HttpResponse<String> response = this.browser.postRaw("/lti/launch", "id_token=" + padding + "&state=abc");
		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void launchWithoutIdTokenIsRejected() {
		assertRejected(this.browser.post("/lti/launch", Map.of("state", "abc")), 400, "ID_TOKEN_MISSING");
	}

	@Test
	void platformErrorResponseIsShownNotAccepted() {
		assertRejected(this.browser.post("/lti/launch", Map.of("error", "login_required", "state", "abc")), 400,
				"PLATFORM_ERROR");
	}

	@Test
	void rejectionIsCountedPerReason() {
		double before = rejected("ISSUER_MISMATCH");
		assertRejectedLaunch(student().with("iss", "https://x.example.nl"), 401, "ISSUER_MISMATCH");
		assertThat(rejected("ISSUER_MISMATCH")).isEqualTo(before + 1);
	}

	@Test
	void rejectionPageIsEnglishWhenLaunchLocaleAsks() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		HttpResponse<String> response = this.browser.launch(
				this.platform.sign(student().inEnglish().with(LtiClaims.VERSION, "1.1").claims(login.nonce())),
				login.state());
		assertThat(response.body()).contains("This is not an LTI 1.3 message").contains("VERSION_UNSUPPORTED");
	}

	@Test
	void usersAndContextsOfTwoPlatformsDoNotMix() {
		try (PlatformSimulator otherSchool = PlatformSimulator.start()) {
			this.registrations.register(otherSchool.settings(), PlatformSource.ADMIN);
			String first = this.browser.get(launchWith(student()).headers().firstValue("Location").orElseThrow())
				.body();
			ToolBrowser other = new ToolBrowser(this.browser.toolBaseUrl());
			LoginRedirect login = other.initiateLogin(otherSchool);
			var launch = other.launch(otherSchool.sign(TestLaunches.resourceLink(otherSchool, other.toolBaseUrl())
				.with("name", "Other Person")
				.claims(login.nonce())), login.state());
			String second = other.get(launch.headers().firstValue("Location").orElseThrow()).body();
			assertThat(first).contains("Sam Student").contains(this.registered.name());
			assertThat(second).contains("Other Person").doesNotContain("Sam Student");
		}
	}

	private double rejected(String reason) {
		var counter = this.meters.find("lti.launch.rejected").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private TestLaunches student() {
		return TestLaunches.resourceLink(this.platform, this.browser.toolBaseUrl());
	}

	private TestLaunches deepLinking() {
		return TestLaunches.deepLinking(this.platform, this.browser.toolBaseUrl());
	}

	private HttpResponse<String> launchWith(TestLaunches launch) {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		return this.browser.launch(this.platform.sign(launch.claims(login.nonce())), login.state());
	}

	private void assertRejectedLaunch(TestLaunches launch, int status, String reason) {
		assertRejected(launchWith(launch), status, reason);
	}

	static void assertRejected(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains("<code id=\"reason\">" + reason + "</code>")
			.doesNotContain("Exception")
			.doesNotContain("at nl.werkproces");
	}

	private static String flip(String signature) {
		char c = signature.charAt(10);
		return signature.substring(0, 10) + (c == 'A' ? 'B' : 'A') + signature.substring(11);
	}

}
