package nl.werkproces.lti.registration;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.testing.MoodleRegistrationEndpoints;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** LTI Dynamic Registration against a simulated Moodle 4.5, with a tool admin's one-time registration link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DynamicRegistrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RegistrationInvites invites;

	@Autowired
	PlatformRepository platforms;

	PlatformSimulator moodle;

	MoodleRegistrationEndpoints registration;

	ToolBrowser browser;

	@BeforeEach
	void startMoodle() {
		this.moodle = PlatformSimulator.start();
		this.registration = new MoodleRegistrationEndpoints(this.moodle, "reg-token-123");
		this.browser = new ToolBrowser("http://localhost:" + this.port);
	}

	@AfterEach
	void stopMoodle() {
		this.moodle.close();
	}

	@Test
	void registrationThroughLinkCreatesPlatformThatLaunches() {
		String invite = this.invites.create("ROC Test", "beheerder");
		HttpResponse<String> page = register(invite);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"registered\"").contains("registration-close.js").contains("ROC Test");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains(this.moodle.baseUrl());

		Platform platform = stored().orElseThrow();
		assertThat(platform.source()).isEqualTo(PlatformSource.DYNAMIC);
		assertThat(platform.deploymentIds()).containsExactly(PlatformSimulator.DEPLOYMENT_ID);
		assertThat(platform.jwksUri()).isEqualTo(this.moodle.jwksUri());

		Map<String, Object> sent = this.registration.lastRegistration();
		String tool = this.browser.toolBaseUrl();
		assertThat(sent).containsEntry("application_type", "web")
			.containsEntry("response_types", List.of("id_token"))
			.containsEntry("grant_types", List.of("implicit", "client_credentials"))
			.containsEntry("initiate_login_uri", tool + "/lti/login")
			.containsEntry("redirect_uris", List.of(tool + "/lti/launch"))
			.containsEntry("jwks_uri", tool + "/.well-known/jwks.json")
			.containsEntry("token_endpoint_auth_method", "private_key_jwt")
			.as("the client name tells this instance apart from others in Moodle's tool list")
			.containsEntry("client_name", "Werkproces-LTI (" + URI.create(tool).getAuthority() + ")");
		assertThat((String) sent.get("scope")).contains("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem ")
			.contains("https://purl.imsglobal.org/spec/lti-ags/scope/score")
			.contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
		assertThat(sent.get("https://purl.imsglobal.org/spec/lti-tool-configuration").toString())
			.contains("LtiDeepLinkingRequest")
			.contains("family_name")
			.as("the tool does not use e-mail, so it does not ask for it")
			.doesNotContain("email");

		ToolBrowser.LoginRedirect login = this.browser.initiateLogin(this.moodle);
		HttpResponse<String> launch = this.browser.launch(
				this.moodle.sign(TestLaunches.resourceLink(this.moodle, tool).claims(login.nonce())), login.state());
		assertThat(launch.statusCode()).isEqualTo(303);
	}

	@Test
	void reusedRegistrationLinkIsRefused() {
		String invite = this.invites.create("ROC Test", "beheerder");
		assertThat(register(invite).statusCode()).isEqualTo(200);
		assertRefused(register(invite), 403, "INVITE_INVALID");
	}

	@Test
	void unknownRegistrationLinkIsRefused() {
		assertRefused(register("made-up"), 403, "INVITE_INVALID");
		assertThat(this.registration.configurationFetches()).isZero();
	}

	@Test
	void registrationWithoutLinkIsRefusedWithoutContactingThePlatform() {
		assertRefused(register(null), 403, "INVITE_MISSING");
		assertThat(this.registration.configurationFetches()).isZero();
		assertThat(stored()).isEmpty();
	}

	@Test
	void issuerThatDoesNotMatchConfigurationUrlIsRefused() {
		String invite = this.invites.create("ROC Test", "beheerder");
		this.registration.issuer("https://other-moodle.example.nl");
		assertRefused(register(invite), 400, "ISSUER_MISMATCH");
		assertThat(this.registration.lastRegistration()).isNull();
		assertThat(this.invites.valid(invite).map(RegistrationInvites.OpenInvite::label)).contains("ROC Test");
	}

	@Test
	void failingRegistrationShowsPlatformAnswerAndStoresNothing() {
		String invite = this.invites.create("ROC Test", "beheerder");
		this.registration.refuse();
		HttpResponse<String> page = register(invite);
		assertRefused(page, 502, "REGISTRATION_REFUSED");
		assertThat(page.body()).contains("Tool domain already registered");
		assertThat(stored()).isEmpty();
		assertThat(this.invites.valid(invite).map(RegistrationInvites.OpenInvite::label)).as("the link can be used again")
			.contains("ROC Test");
	}

	@Test
	void registrationWithoutConfigurationIsRefused() {
		assertRefused(this.browser.get("/lti/register?invite=x"), 400, "PARAMETERS_MISSING");
	}

	@Test
	void registrationPageMayBeFramedOnlyByTheConfigurationUrlsOrigin() {
		assertThat(frameAncestors("https://Moodle.School.nl:443/moodle/mod/lti/openid-configuration.php?x=1#y"))
			.as("path, query, default port and case are not part of the origin")
			.isEqualTo("frame-ancestors 'self' https://moodle.school.nl");
		assertThat(frameAncestors("https://moodle.school.nl:8443/mod/lti/openid-configuration.php"))
			.isEqualTo("frame-ancestors 'self' https://moodle.school.nl:8443");
		for (String notAnOrigin : List.of("http://moodle.school.nl/mod/lti/openid-configuration.php",
				"https://evil.example@moodle.school.nl/mod/lti/openid-configuration.php", "javascript:alert(1)",
				"data:text/html,x", "https://*.school.nl/", "https://moodle.school.nl;script-src *")) {
			assertThat(frameAncestors(notAnOrigin)).as(notAnOrigin)
				.startsWith("frame-ancestors 'self'")
				.doesNotContain("school.nl")
				.doesNotContain("evil")
				.doesNotContain("script-src");
		}
	}

	@Test
	void registrationPageChangesOnlyTheFrameAncestorsOfThePolicy() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("Content-Security-Policy",
				"default-src 'self'; frame-ancestors 'self' https://a.example; object-src 'none'");
		DynamicRegistrationController.allowFramingBy("https://moodle.school.nl/mod/lti/openid-configuration.php",
				response);
		assertThat(response.getHeader("Content-Security-Policy"))
			.isEqualTo("default-src 'self'; frame-ancestors 'self' https://moodle.school.nl; object-src 'none'");
	}

	private String frameAncestors(String configurationUrl) {
		HttpResponse<String> page = this.browser.get("/lti/register?openid_configuration=" + encode(configurationUrl));
		assertThat(page.statusCode()).isBetween(400, 499);
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		return java.util.Arrays.stream(policy.split(";"))
			.map(String::trim)
			.filter((directive) -> directive.startsWith("frame-ancestors"))
			.findFirst()
			.orElseThrow();
	}

	private java.util.Optional<Platform> stored() {
		return this.platforms.findByIssuerAndClientId(this.moodle.issuer(), PlatformSimulator.CLIENT_ID);
	}

	private HttpResponse<String> register(String invite) {
		String query = "openid_configuration=" + encode(this.registration.configurationUrl())
				+ "&registration_token=reg-token-123" + ((invite != null) ? "&invite=" + encode(invite) : "");
		return this.browser.get("/lti/register?" + query);
	}

	static void assertRefused(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains("<code id=\"reason\">" + reason + "</code>").doesNotContain("Exception");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
