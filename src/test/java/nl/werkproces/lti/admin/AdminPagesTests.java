package nl.werkproces.lti.admin;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.keys.KeyStatus;
import nl.werkproces.lti.keys.ToolKey;
import nl.werkproces.lti.keys.ToolKeys;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformRepository;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.MoodleRegistrationEndpoints;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's pages: platforms by hand, enable/disable, key rotation, activity, audit, Moodle settings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRepository platforms;

	@Autowired
	ToolKeys keys;

	@Autowired
	PlatformRegistrations registrations;

	PlatformSimulator moodle;

	AdminBrowser admin;

	@BeforeEach
	void signIn() {
		this.moodle = PlatformSimulator.start();
		this.admin = AdminBrowser.signIn(base());
	}

	@AfterEach
	void stop() {
		this.moodle.close();
	}

	@Test
	void platformAddedByHandLaunchesAndIsAudited() {
		HttpResponse<String> saved = this.admin.submit("/admin/platforms/new", "/admin/platforms", form("1, 2"));
		assertThat(saved.statusCode()).isEqualTo(302);
		Platform platform = stored();
		assertThat(platform.deploymentIds()).containsExactly("1", "2");
		assertThat(this.admin.get("/admin").body()).contains(platform.name());
		assertThat(launch().statusCode()).isEqualTo(303);
		assertThat(this.admin.get("/admin/audit").body()).contains("platform.create").contains(this.moodle.issuer());
	}

	@Test
	void invalidPlatformFormShowsFieldErrorsAndStoresNothing() {
		Map<String, String> fields = form("");
		fields.put("jwksUri", "not a url");
		HttpResponse<String> page = this.admin.submit("/admin/platforms/new", "/admin/platforms", fields);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"jwksUri-error\"").contains("id=\"deploymentIds-error\"");
		assertThat(this.platforms.findByIssuerAndClientId(this.moodle.issuer(), PlatformSimulator.CLIENT_ID)).isEmpty();
	}

	@Test
	void disabledPlatformCannotLaunchAndEditIsAudited() {
		this.admin.submit("/admin/platforms/new", "/admin/platforms", form("1"));
		Platform platform = stored();
		this.admin.submit("/admin", "/admin/platforms/" + platform.id() + "/enabled", Map.of("enabled", "false"));
		assertThat(stored().enabled()).isFalse();
		assertThat(launchStatus()).isEqualTo(403);

		Map<String, String> renamed = form("1");
		renamed.put("name", "ROC Hernoemd");
		this.admin.submit("/admin/platforms/" + platform.id(), "/admin/platforms/" + platform.id(), renamed);
		assertThat(stored().name()).isEqualTo("ROC Hernoemd");
		assertThat(this.admin.get("/admin/audit").body()).contains("platform.disable").contains("platform.update");
	}

	@Test
	void keyRotationPublishesNextKeyBeforeItSigns() {
		String before = this.keys.signingKey().kid();
		this.admin.submit("/admin/keys", "/admin/keys/next", Map.of());
		String jwks = new ToolBrowser(base()).get("/.well-known/jwks.json").body();
		ToolKey next = this.keys.publishedKeys().stream().filter((k) -> k.status() == KeyStatus.NEXT).findFirst().orElseThrow();
		assertThat(jwks).contains(before).contains(next.kid());
		assertThat(this.keys.signingKey().kid()).isEqualTo(before);

		this.admin.submit("/admin/keys", "/admin/keys/activate", Map.of());
		assertThat(this.keys.signingKey().kid()).isEqualTo(next.kid());
		assertThat(new ToolBrowser(base()).get("/.well-known/jwks.json").body()).as("retired key still published")
			.contains(before);

		this.admin.submit("/admin/keys", "/admin/keys/" + before + "/remove", Map.of());
		assertThat(new ToolBrowser(base()).get("/.well-known/jwks.json").body()).doesNotContain(before);
		assertThat(this.admin.get("/admin/audit").body()).contains("key.publish-next").contains("key.activate")
			.contains("key.remove");
	}

	@Test
	void activityPageListsRejectedLaunchesWithReasonCodes() {
		new ToolBrowser(base()).post("/lti/launch", Map.of("state", "x"));
		String page = this.admin.get("/admin/activity").body();
		assertThat(page).contains("ID_TOKEN_MISSING");
		assertThat(page).as("dossier imports are listed").contains("id=\"imports\"").contains("het systeem");
	}

	@Test
	void undeliveredGradesPageOpens() {
		HttpResponse<String> page = this.admin.get("/admin/grades");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Cijfers onderweg naar Moodle");
	}

	@Test
	void moodleSettingsPageShowsThisToolsUrls() {
		assertThat(this.admin.get("/admin/lti-config").body()).contains(base() + "/lti/login")
			.contains(base() + "/.well-known/jwks.json")
			.contains(base() + "/lti/launch");
	}

	@Test
	void moodleSettingsPageSaysHowMoodleReachesTheToolAndHowTeachersAddAnActivity() {
		String page = this.admin.get("/admin/lti-config").body();
		String host = java.net.URI.create(base()).getAuthority();
		assertThat(page).contains("<code>Werkproces-LTI (" + host + ")</code>")
			.contains("curlsecurityblockedhosts")
			.contains("curlsecurityallowedport")
			.contains("zet de poort van de tool (" + java.net.URI.create(base()).getPort() + ")")
			.contains("update-ca-certificates")
			.contains("Show in activity chooser and as a preconfigured tool")
			.contains("Meer \u2192 LTI externe tools")
			.contains("Bewerkmodus")
			.contains("Activiteit of bron toevoegen")
			.contains("kies in de kiezer de tool bij zijn naam, <strong>Werkproces-LTI (" + host + ")</strong>")
			.contains("Inhoud selecteren")
			.contains("Opslaan en terugkeren naar cursus");
	}

	@Test
	void registrationLinkIsShownOnceAndListedWithoutToken() {
		HttpResponse<String> page = this.admin.submit("/admin/registrations", "/admin/registrations",
				Map.of("label", "ROC Linkschool"));
		assertThat(page.body()).contains("id=\"created-link\"").contains(base() + "/lti/register?invite=");
		String listed = this.admin.get("/admin/registrations").body();
		assertThat(listed).contains("ROC Linkschool").doesNotContain("/lti/register?invite=");
	}

	@Test
	void reregistrationLinkMadeOnThePlatformsPageReregistersThatPlatform() {
		Platform platform = this.registrations.register(this.moodle.settings(), PlatformSource.ADMIN);
		MoodleRegistrationEndpoints endpoints = new MoodleRegistrationEndpoints(this.moodle, "tok");
		String page = this.admin.get("/admin/platforms/" + platform.id()).body();
		assertThat(page).contains("id=\"reregister\"");
		HttpResponse<String> made = this.admin.submit("/admin/platforms/" + platform.id(), "/admin/registrations",
				Map.of("platform", String.valueOf(platform.id())));
		Matcher link = Pattern.compile("id=\"created-link\">([^<]+)<").matcher(made.body());
		assertThat(link.find()).as(made.body()).isTrue();
		assertThat(made.body()).contains("Opnieuw registreren: " + platform.name());

		HttpResponse<String> registered = new ToolBrowser(base()).get(link.group(1)
			.replace("&amp;", "&") + "&registration_token=tok&openid_configuration="
				+ URLEncoder.encode(endpoints.configurationUrl(), StandardCharsets.UTF_8));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
		assertThat(this.registrations.findAll().stream().filter((p) -> p.issuer().equals(this.moodle.issuer())))
			.singleElement()
			.extracting(Platform::id)
			.isEqualTo(platform.id());
		assertThat(this.admin.get("/admin/registrations").body())
			.contains("gebruikt door " + this.moodle.issuer() + ": " + platform.name());
	}

	@Test
	void registrationLinkWithoutNameOrForUnknownPlatformIsNotMade() {
		for (Map<String, String> fields : List.of(Map.of("platform", "987654"), Map.of("label", " "),
				Map.of("label", "x".repeat(256)))) {
			HttpResponse<String> page = this.admin.submit("/admin/registrations", "/admin/registrations", fields);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("id=\"link-error\"").doesNotContain("id=\"created-link\"");
		}
	}

	private Map<String, String> form(String deployments) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "ROC Handmatig " + this.moodle.baseUrl());
		form.put("issuer", this.moodle.issuer());
		form.put("clientId", PlatformSimulator.CLIENT_ID);
		form.put("authorizationEndpoint", this.moodle.authorizationEndpoint());
		form.put("tokenEndpoint", this.moodle.tokenEndpoint());
		form.put("jwksUri", this.moodle.jwksUri());
		form.put("deploymentIds", deployments);
		return form;
	}

	private Platform stored() {
		return this.platforms.findByIssuerAndClientId(this.moodle.issuer(), PlatformSimulator.CLIENT_ID).orElseThrow();
	}

	private HttpResponse<String> launch() {
		ToolBrowser browser = new ToolBrowser(base());
		ToolBrowser.LoginRedirect login = browser.initiateLogin(this.moodle);
		return browser.launch(this.moodle.sign(TestLaunches.resourceLink(this.moodle, base()).claims(login.nonce())),
				login.state());
	}

	private int launchStatus() {
		ToolBrowser browser = new ToolBrowser(base());
		return browser.post("/lti/login", Map.of("iss", this.moodle.issuer(), "login_hint", "4", "target_link_uri",
				base() + "/lti/launch", "client_id", PlatformSimulator.CLIENT_ID)).statusCode();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
