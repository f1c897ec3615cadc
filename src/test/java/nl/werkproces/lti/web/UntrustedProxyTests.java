package nl.werkproces.lti.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that is not a trusted proxy (here loopback is not one) cannot choose its address, scheme or host with
 * {@code X-Forwarded-*}: a new {@code X-Forwarded-For} per password guess still hits the lock of its real address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.tomcat.remoteip.internal-proxies=192.0.2.1/32")
class UntrustedProxyTests {

	private static final String PASSWORD = "test-only-Untrusted-2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformRegistrations registrations;

	@Test
	void formLoginWithNewForwardedForPerGuessIsLocked() {
		String user = admin("untrusted-form");
		ToolBrowser browser = browser();
		for (int i = 0; i < 5; i++) {
			browser.header("X-Forwarded-For", "198.51.100." + (i + 1));
			assertThat(formSignIn(browser, user, "wrong-" + i)).endsWith("/admin/login?error");
		}
		browser.header("X-Forwarded-For", "198.51.100.99");
		assertThat(formSignIn(browser, user, PASSWORD)).endsWith("/admin/login?locked");
		assertThat(failuresOf(user)).hasSize(5)
			.allSatisfy((event) -> assertThat(event.actor()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
	}

	@Test
	void basicAuthWithNewForwardedForPerGuessIsLocked() {
		String user = admin("untrusted-basic");
		for (int i = 0; i < 5; i++) {
			assertThat(basic(user, "wrong-" + i, "198.51.100." + (i + 1)).statusCode()).isEqualTo(401);
		}
		assertThat(basic(user, PASSWORD, "198.51.100.99").statusCode()).isEqualTo(401);
		assertThat(failuresOf(user)).hasSize(5)
			.allSatisfy((event) -> assertThat(event.actor()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
	}

	@Test
	void forwardedSchemeAndHostOfUntrustedClientAreIgnored() {
		try (PlatformSimulator moodle = PlatformSimulator.start()) {
			this.registrations.register(moodle.settings(), PlatformSource.ADMIN);
			ToolBrowser browser = browser().header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "attacker.example");
			HttpResponse<String> forged = browser.post("/lti/login",
					ForwardedHeadersTests.loginForm(moodle, "https://attacker.example"));
			assertThat(forged.statusCode()).as("target_link_uri on the forged host").isEqualTo(400);
			ToolBrowser.LoginRedirect login = browser.initiateLogin(moodle);
			assertThat(login.parameters()).containsEntry("redirect_uri",
					"http://localhost:" + this.port + "/lti/launch");
		}
	}

	@Test
	void forwardedHttpsOfUntrustedClientGivesNoSecureCookie() {
		ToolBrowser browser = browser().header("X-Forwarded-Proto", "https");
		HttpResponse<String> page = browser.get("/admin/login");
		assertThat(page.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.isNotEmpty()
			.noneSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure"));
	}

	private String admin(String username) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("INSERT INTO admin_user (username, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?)")
			.params(username, this.encoder.encode(PASSWORD), now, now)
			.update();
		return username;
	}

	private ToolBrowser browser() {
		return new ToolBrowser("http://localhost:" + this.port);
	}

	private List<AuditLog.AuditEvent> failuresOf(String username) {
		return this.audit.recent(100)
			.stream()
			.filter((event) -> event.action().equals("admin.sign-in.failed"))
			.filter((event) -> event.target().equals("admin " + username))
			.toList();
	}

	private static String formSignIn(ToolBrowser browser, String username, String password) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/admin/login").body());
		assertThat(csrf.find()).isTrue();
		return browser.post("/admin/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)))
			.headers()
			.firstValue("Location")
			.orElseThrow();
	}

	private HttpResponse<String> basic(String username, String password, String address) {
		return browser().header("X-Forwarded-For", address)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.get("/api/admin/dossiers");
	}

}
