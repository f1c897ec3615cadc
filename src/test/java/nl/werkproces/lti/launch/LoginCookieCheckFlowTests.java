package nl.werkproces.lti.launch;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.werkproces.lti.launch.LaunchFlowTests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login's decision by fetch metadata (check page in a cross-site frame, redirect otherwise), the cookie check,
 * the platform-storage path and the causes a refused launch names, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.jwks.min-refresh-interval=0s", "lti.launch.login-timeout=4s" })
class LoginCookieCheckFlowTests {

	private static final Pattern DATA = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

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
	void loginInCrossSiteFrameAnswersWithCheckPageThatSetsTheCookieAndCanStartANewWindow() {
		HttpResponse<String> page = inFrame(this.browser).post("/lti/login", loginForm(null));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.headers().allValues("Set-Cookie"))
			.anyMatch((cookie) -> cookie.startsWith(LoginInitiationController.BROWSER_COOKIE + "="));
		Map<String, String> data = data(page.body());
		assertThat(data.get("authorization")).startsWith(this.platform.authorizationEndpoint() + "?")
			.contains("lti_message_hint=");
		assertThat(data).doesNotContainKey("storage-target");
		assertThat(page.body()).contains("id=\"new-window\"")
			.contains("action=\"" + this.browser.toolBaseUrl() + "/lti/login\"")
			.doesNotContain("_csrf")
			.contains("target=\"_blank\"")
			.contains("name=\"lti_message_hint\" value=\"{&quot;cmid&quot;:2,&quot;launchid&quot;:&quot;ltilaunch1_7&quot;}\"")
			.contains("name=\"login_hint\" value=\"4\"")
			.contains("Openen in een nieuw venster")
			.contains("src=\"/js/launch-check.js\"")
			.doesNotContain("<script>");
	}

	@Test
	void cookieCheckSaysWhetherTheLoginsCookieCameBack() {
		HttpResponse<String> page = inFrame(this.browser).post("/lti/login", loginForm(null));
		String check = data(page.body()).get("cookie-check");
		assertThat(this.browser.get(check).body()).isEqualTo("{\"cookie\":true}");
		this.browser.dropCookies();
		assertThat(this.browser.get(check).body()).isEqualTo("{\"cookie\":false}");
	}

	@Test
	void topLevelSameSiteAndUnlabelledLoginsGoToThePlatformAtOnce() {
		assertRedirected(this.browser.header("Sec-Fetch-Dest", "document").header("Sec-Fetch-Site", "cross-site"));
		assertRedirected(this.browser.header("Sec-Fetch-Dest", "iframe").header("Sec-Fetch-Site", "same-site"));
		assertRedirected(this.browser.header("Sec-Fetch-Dest", null).header("Sec-Fetch-Site", null));
	}

	@Test
	void launchAfterTheCheckPageWithTheCookieSucceeds() {
		HttpResponse<String> page = inFrame(this.browser).post("/lti/login", loginForm(null));
		LoginRedirect login = new LoginRedirect(data(page.body()).get("authorization"));
		String token = studentToken(login.nonce());
		assertThat(this.browser.launch(token, login.state()).statusCode()).isEqualTo(303);
	}

	@Test
	void cookiesOnPlainHttpLocalhostCanCrossSites() {
		HttpResponse<String> page = inFrame(new ToolBrowser(this.browser.toolBaseUrl())).post("/lti/login", loginForm(null));
		assertThat(page.headers().allValues("Set-Cookie")).as("no HTTP session for a login").hasSize(1)
			.allSatisfy((cookie) -> assertThat(cookie)
			.contains("SameSite=None").contains("Secure").contains("Partitioned").contains("HttpOnly"));
	}

	@Test
	void loginInCrossSiteFrameOverPlainHttpOffLocalhostNamesTheMissingTls() {
		ToolBrowser school = offLocalhost(inFrame(new ToolBrowser(this.browser.toolBaseUrl())));
		Map<String, String> form = loginForm(null);
		form.put("target_link_uri", "http://tool.school.example/lti/launch");
		HttpResponse<String> page = school.post("/lti/login", form);
		assertRejected(page, 400, "CROSS_SITE_WITHOUT_TLS");
		assertThat(page.body()).contains("via https aanbieden").doesNotContain("nieuw venster te openen");
	}

	@Test
	void launchWithoutCookieOverPlainHttpOffLocalhostNamesTheMissingTls() {
		ToolBrowser school = offLocalhost(new ToolBrowser(this.browser.toolBaseUrl()));
		Map<String, String> form = loginForm(null);
		form.put("target_link_uri", "http://tool.school.example/lti/launch");
		HttpResponse<String> redirect = school.post("/lti/login", form);
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().allValues("Set-Cookie")).allSatisfy(
				(cookie) -> assertThat(cookie).contains("SameSite=Lax").doesNotContain("Secure"));
		LoginRedirect login = new LoginRedirect(redirect.headers().firstValue("Location").orElseThrow());
		school.dropCookies();
		String token = this.platform.sign(TestLaunches.resourceLink(this.platform, "http://tool.school.example")
			.claims(login.nonce()));
		assertRejected(school.launch(token, login.state()), 400, "CROSS_SITE_WITHOUT_TLS");
	}

	@Test
	void launchAfterTheLoginExpiredSaysItTookTooLong() throws InterruptedException {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		Thread.sleep(4500);
		String token = studentToken(login.nonce());
		HttpResponse<String> page = this.browser.launch(token, login.state());
		assertRejected(page, 400, "STATE_EXPIRED");
		assertThat(page.body()).contains("duurde te lang").contains("rond de start direct af");
	}

	@Test
	void launchPostedTwiceSaysItWasUsedAndOnlyOffersAFreshStart() {
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		String token = studentToken(login.nonce());
		assertThat(this.browser.launch(token, login.state()).statusCode()).isEqualTo(303);
		HttpResponse<String> again = this.browser.launch(token, login.state());
		assertRejected(again, 400, "STATE_USED");
		assertThat(again.body()).contains("al afgerond").doesNotContain("/lti/login");
	}

	@Test
	void launchWithUnknownStateIsUnknown() {
		this.browser.initiateLogin(this.platform);
		String token = studentToken("n-1");
		assertRejected(this.browser.launch(token, "no-such-state"), 400, "STATE_UNKNOWN");
	}

	@Test
	void platformStorageBindsTheLaunchWhenNoCookieComesBack() {
		HttpResponse<String> page = inFrame(this.browser).post("/lti/login", loginForm("_parent"));
		Map<String, String> data = data(page.body());
		assertThat(data.get("storage-target")).isEqualTo("_parent");
		assertThat(data.get("platform-origin")).isEqualTo(this.platform.baseUrl());
		LoginRedirect login = new LoginRedirect(data.get("authorization"));
		assertThat(data.get("state-key")).isEqualTo("state_" + login.state());
		assertThat(data.get("nonce-key")).isEqualTo("nonce_" + login.nonce());
		assertThat(data.get("nonce-value")).isEqualTo(login.nonce());
		String secret = data.get("state-value");
		this.browser.dropCookies();
		String token = studentToken(login.nonce());

		HttpResponse<String> storagePage = this.browser.launch(token, login.state());
		assertThat(storagePage.statusCode()).isEqualTo(200);
		Map<String, String> asks = data(storagePage.body());
		assertThat(asks).containsEntry("storage-target", "_parent")
			.containsEntry("platform-origin", this.platform.baseUrl())
			.containsEntry("state-key", "state_" + login.state());
		assertThat(storagePage.body()).contains("name=\"lti_storage_secret\"").doesNotContain(secret);

		Map<String, String> form = new LinkedHashMap<>();
		form.put("id_token", token);
		form.put("state", login.state());
		form.put("lti_storage_secret", secret);
		form.put("lti_storage_nonce", login.nonce());
		HttpResponse<String> forged = this.browser.header("Origin", "https://attacker.example")
			.header("Sec-Fetch-Site", "cross-site")
			.post("/lti/launch", form);
		assertThat(forged.statusCode()).as("a cross-site form gets the storage page again, never a session")
			.isEqualTo(200);
		assertThat(forged.headers().firstValue("Location")).isEmpty();

		form.put("lti_storage_secret", "wrong");
		HttpResponse<String> wrong = ownPage(this.browser).post("/lti/launch", form);
		assertRejected(wrong, 401, "STATE_BROWSER_MISMATCH");

		form.put("lti_storage_secret", secret);
		HttpResponse<String> launch = ownPage(this.browser).post("/lti/launch", form);
		assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
		assertThat(launch.headers().firstValue("Location").orElseThrow()).contains("/app");
	}

	private String studentToken(String nonce) {
		return this.platform.sign(TestLaunches.resourceLink(this.platform, this.browser.toolBaseUrl()).claims(nonce));
	}

	private ToolBrowser ownPage(ToolBrowser browser) {
		return browser.header("Origin", browser.toolBaseUrl()).header("Sec-Fetch-Site", "same-origin");
	}

	private void assertRedirected(ToolBrowser browser) {
		HttpResponse<String> response = browser.post("/lti/login", loginForm(null));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.startsWith(this.platform.authorizationEndpoint());
	}

	private static ToolBrowser inFrame(ToolBrowser browser) {
		return browser.header("Sec-Fetch-Dest", "iframe").header("Sec-Fetch-Site", "cross-site");
	}

	/** Requests that reach the tool as {@code http://tool.school.example} through a trusted proxy. */
	private static ToolBrowser offLocalhost(ToolBrowser browser) {
		return browser.header("X-Forwarded-Host", "tool.school.example")
			.header("X-Forwarded-Port", "80")
			.header("X-Forwarded-Proto", "http");
	}

	private Map<String, String> loginForm(String storageTarget) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("iss", this.platform.issuer());
		form.put("target_link_uri", this.browser.toolBaseUrl() + "/lti/launch");
		form.put("login_hint", "4");
		form.put("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_7\"}");
		form.put("client_id", PlatformSimulator.CLIENT_ID);
		form.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
		if (storageTarget != null) {
			form.put("lti_storage_target", storageTarget);
		}
		return form;
	}

	private static Map<String, String> data(String html) {
		Map<String, String> data = new LinkedHashMap<>();
		Matcher matcher = DATA.matcher(html);
		while (matcher.find()) {
			data.put(matcher.group(1), matcher.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
		}
		return data;
	}

}
