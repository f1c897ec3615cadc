package nl.werkproces.lti.admin;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin pages need an admin sign-in: not anonymous, not a wrong password, not an LTI session. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminSignInTests {

	static final String USER = "beheerder";

	static final String PASSWORD = "test-only-Wachtwoord-2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	nl.werkproces.lti.registration.PlatformRegistrations registrations;

	ToolBrowser browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new ToolBrowser("http://localhost:" + this.port);
	}

	@Test
	void adminPageWithoutSignInRedirectsToSignIn() {
		HttpResponse<String> response = this.browser.get("/admin");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
	}

	@Test
	void signInWithRightPasswordOpensAdminPages() {
		HttpResponse<String> signIn = signIn(USER, PASSWORD);
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
		HttpResponse<String> overview = this.browser.get("/admin");
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("id=\"platforms\"").contains("Demoplatform");
	}

	@Test
	void signInWithWrongPasswordIsRefused() {
		HttpResponse<String> signIn = signIn(USER, "wrong");
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
		assertThat(this.browser.get("/admin").statusCode()).isEqualTo(302);
	}

	@Test
	void signInWithoutCsrfTokenIsRefused() {
		this.browser.get("/admin/login");
		HttpResponse<String> response = this.browser.post("/admin/login",
				Map.of("username", USER, "password", PASSWORD));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void signInIsLockedAfterRepeatedFailures() {
		for (int i = 0; i < 5; i++) {
			signIn("locktest", "wrong-" + i);
		}
		HttpResponse<String> locked = signIn("locktest", "anything");
		assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?locked");
	}

	@Test
	void passwordIsStoredHashed() {
		String hash = this.jdbc.sql("SELECT password_hash FROM admin_user WHERE username = ?")
			.param(USER)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
	}

	@Test
	void learnerLaunchSessionDoesNotOpenAdminPages() {
		try (PlatformSimulator moodle = PlatformSimulator.start()) {
			this.registrations.register(moodle.settings(), PlatformSource.ADMIN);
			ToolBrowser.LoginRedirect login = this.browser.initiateLogin(moodle);
			HttpResponse<String> launch = this.browser.launch(
					moodle.sign(TestLaunches.resourceLink(moodle, this.browser.toolBaseUrl()).claims(login.nonce())),
					login.state());
			assertThat(launch.statusCode()).isEqualTo(303);
			// the browser's lti_session cookie goes with every request below
			assertThat(this.browser.get("/app").statusCode()).as("the launch session works").isEqualTo(200);
			HttpResponse<String> admin = this.browser.get("/admin");
			assertThat(admin.statusCode()).isEqualTo(302);
			assertThat(admin.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
			HttpResponse<String> form = this.browser.get("/admin/platforms/new");
			assertThat(form.statusCode()).as(form.headers().map() + form.body()).isEqualTo(302);
		}
	}

	@Test
	void adminApiRefusesWithoutCredentialsAndWithoutBrowserChallenge() {
		HttpResponse<String> response = this.browser.get("/api/admin/anything");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	private HttpResponse<String> signIn(String username, String password) {
		String page = this.browser.get("/admin/login").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("CSRF field on the sign-in page").isTrue();
		return this.browser.post("/admin/login",
				Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
	}

}
