package nl.werkproces.lti.admin;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing against the admin sign-in, as an attacker would try it over real HTTP. The tests reach the tool
 * from loopback, which is a trusted proxy by default: its {@code X-Forwarded-For} is taken as the client address, so
 * a new address per guess is what a botnet behind the ingress looks like. {@link UntrustedProxyTests} covers clients
 * whose forwarded headers must be ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.admin.max-failed-logins-per-address=20")
@Import(MutableClock.Configuration.class)
class AdminSignInThrottlingTests {

	static final String PASSWORD = "test-only-Throttle-2026";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	private static final AtomicInteger USERS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	AdminUsers users;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ToolBrowser browser;

	String user;

	@BeforeEach
	void newAdmin() {
		this.browser = new ToolBrowser("http://localhost:" + this.port);
		this.user = "throttled-" + USERS.incrementAndGet();
		this.users.createOrUpdate(this.user, PASSWORD);
	}

	@Test
	void formLoginWithNewForwardedForPerGuessIsStillDelayed() {
		for (int i = 0; i < 5; i++) {
			assertThat(formSignIn(this.user, "wrong-" + i, nextAddress())).endsWith("/admin/login?error");
		}
		assertThat(formSignIn(this.user, PASSWORD, nextAddress())).as("right password during the account delay")
			.endsWith("/admin/login?locked");
	}

	@Test
	void basicAuthWithNewForwardedForPerGuessIsStillDelayed() {
		for (int i = 0; i < 5; i++) {
			assertThat(basic(this.user, "wrong-" + i, nextAddress()).statusCode()).isEqualTo(401);
		}
		assertThat(basic(this.user, PASSWORD, nextAddress()).statusCode()).as("right password during the delay")
			.isEqualTo(401);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(basic(this.user, PASSWORD, nextAddress()).statusCode()).as("after the delay").isNotEqualTo(401);
	}

	@Test
	void accountDelayDoublesPerFailureThenExpires() {
		for (int i = 0; i < 5; i++) {
			formSignIn(this.user, "wrong-" + i, nextAddress());
		}
		this.clock.advance(Duration.ofMillis(1100));
		assertThat(formSignIn(this.user, "wrong-again", nextAddress())).as("1 s delay over: a password is checked")
			.endsWith("/admin/login?error");
		this.clock.advance(Duration.ofMillis(1500));
		assertThat(formSignIn(this.user, PASSWORD, nextAddress())).as("the second delay is 2 s")
			.endsWith("/admin/login?locked");
		this.clock.advance(Duration.ofMillis(600));
		assertThat(formSignIn(this.user, PASSWORD, nextAddress())).as("after 2 s the admin gets in")
			.endsWith("/admin");
	}

	@Test
	void accountDelayStopsAtTheMaximum() {
		for (int i = 0; i < 20; i++) {
			this.clock.advance(Duration.ofMinutes(5));
			assertThat(formSignIn(this.user, "wrong-" + i, nextAddress())).endsWith("/admin/login?error");
		}
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(formSignIn(this.user, PASSWORD, nextAddress())).endsWith("/admin/login?locked");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(formSignIn(this.user, PASSWORD, nextAddress())).as("never locked for more than 5 minutes")
			.endsWith("/admin");
	}

	@Test
	void trustedProxysForwardedForIsTheAuditedAddress() {
		formSignIn(this.user, "wrong", "203.0.113.77");
		List<AuditLog.AuditEvent> failures = failuresOf(this.user);
		assertThat(failures).hasSize(1);
		assertThat(failures.get(0).actor()).isEqualTo("203.0.113.77");
	}

	@Test
	void failedSignInsAreAuditedWithoutThePassword() {
		formSignIn(this.user, "Geheim-wrong-form", nextAddress());
		basic(this.user, "Geheim-wrong-basic", nextAddress());
		List<AuditLog.AuditEvent> failures = failuresOf(this.user);
		assertThat(failures).hasSize(2);
		assertThat(failures).extracting(AuditLog.AuditEvent::after)
			.anySatisfy((after) -> assertThat(after).contains("\"channel\":\"form\""))
			.anySatisfy((after) -> assertThat(after).contains("\"channel\":\"basic\""));
		String everything = this.jdbc.sql("SELECT * FROM audit_event").query().listOfRows().toString();
		assertThat(everything).doesNotContain("Geheim-wrong");
	}

	@Test
	void unknownUserNameIsAuditedWithoutIt() {
		formSignIn("Mijn-Wachtwoord-per-ongeluk", "x", "203.0.113.78");
		List<AuditLog.AuditEvent> recent = this.audit.recent(5);
		assertThat(recent).anySatisfy((event) -> {
			assertThat(event.actor()).isEqualTo("203.0.113.78");
			assertThat(event.target()).isEqualTo("unknown admin user");
		});
		assertThat(recent.toString()).doesNotContain("Mijn-Wachtwoord");
	}

	@Test
	void oneAddressIsLockedAfterManyUserNames() {
		String address = nextAddress();
		for (int i = 0; i < 20; i++) {
			formSignIn("sprayed-" + i, "wrong", address);
		}
		assertThat(formSignIn(this.user, PASSWORD, address)).endsWith("/admin/login?locked");
		assertThat(formSignIn(this.user, PASSWORD, nextAddress())).as("the account itself is not delayed")
			.endsWith("/admin");
	}

	@Test
	void adminSessionCookieIsSecureBehindHttpsProxy() {
		// the client's cookie jar would not send a Secure cookie over plain http, so the page is read before the proxy speaks
		String page = this.browser.get("/admin/login").body();
		this.browser.header("X-Forwarded-Proto", "https");
		HttpResponse<String> signIn = this.browser.post("/admin/login",
				Map.of("username", this.user, "password", PASSWORD, "_csrf", csrf(page)));
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
		assertThat(signIn.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure"));
	}

	@Test
	void adminPagesSendReferrerAndPermissionsPolicy() {
		HttpResponse<String> login = this.browser.get("/admin/login");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(login.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()")
			.contains("microphone=()")
			.contains("geolocation=()");
	}

	private List<AuditLog.AuditEvent> failuresOf(String username) {
		return this.audit.recent(100)
			.stream()
			.filter((event) -> event.action().equals("admin.sign-in.failed"))
			.filter((event) -> event.target().equals("admin " + username))
			.toList();
	}

	/** Signs in through the form from the given client address; answers where the tool redirects to. */
	private String formSignIn(String username, String password, String address) {
		this.browser.header("X-Forwarded-For", address);
		String page = this.browser.get("/admin/login").body();
		HttpResponse<String> response = this.browser.post("/admin/login",
				Map.of("username", username, "password", password, "_csrf", csrf(page)));
		this.browser.header("X-Forwarded-For", null);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private HttpResponse<String> basic(String username, String password, String address) {
		ToolBrowser client = new ToolBrowser("http://localhost:" + this.port).header("X-Forwarded-For", address)
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
		return client.get("/api/admin/dossiers");
	}

	private static String csrf(String page) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("CSRF field on the sign-in page").isTrue();
		return csrf.group(1);
	}

	private static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51." + (n / 250) + "." + (n % 250 + 1);
	}

}
