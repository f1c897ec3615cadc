package nl.werkproces.lti.launch;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launch session in a URL only as a link token, over real HTTP: a browser without the session cookie gets pages
 * whose links carry fresh tokens (never the session id); an expired, tampered or other activity's token is refused
 * with a page that says why; the session id itself is never accepted from a URL.
 */
@PlatformServicesTest
class LinkTokenFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	LaunchSessions sessions;

	@Autowired
	LaunchLinkTokens tokens;

	@Autowired
	MutableClock clock;

	PlatformSimulator platform;

	ToolBrowser browser;

	String sessionId;

	LaunchSession session;

	@BeforeEach
	void launch() {
		// the shared context's clock stands still; launches are signed with the real time
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.platform = PlatformSimulator.start();
		this.registrations.register(this.platform.settings(), PlatformSource.ADMIN);
		// a browser asks for HTML, so refusals come as the error page
		this.browser = new ToolBrowser("http://localhost:" + this.port).header("Accept", "text/html");
		LoginRedirect login = this.browser.initiateLogin(this.platform);
		HttpResponse<String> launch = this.browser.launch(this.platform.sign(
				TestLaunches.resourceLink(this.platform, this.browser.toolBaseUrl()).claims(login.nonce())),
				login.state());
		assertThat(launch.statusCode()).isEqualTo(303);
		this.sessionId = this.browser.cookie(LaunchSessionCookie.NAME).orElseThrow();
		this.session = this.sessions.find(this.sessionId).orElseThrow();
		// from here on the browser behaves like an iframe that blocks third-party cookies
		this.browser.dropCookies();
	}

	@AfterEach
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void withoutTheCookieALinkTokenOpensThePageWhichNeverShowsTheSessionId() {
		String token = this.tokens.issue(this.session);
		assertThat(token).startsWith("l1.").doesNotContain(this.sessionId);
		HttpResponse<String> home = this.browser.get("/app?lsid=" + token);
		assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
		assertThat(home.body()).contains("Welkom, Sam Student").doesNotContain(this.sessionId);
	}

	@Test
	void theSessionIdItselfIsNotAcceptedFromTheUrl() {
		assertThat(this.browser.get("/app?lsid=" + this.sessionId).statusCode()).isEqualTo(401);
	}

	@Test
	void anExpiredLinkTokenIsRefusedWith401AndSaysSo() {
		String token = this.tokens.issue(this.session);
		this.clock.advance(Duration.ofMinutes(61));
		HttpResponse<String> page = this.browser.get("/app?lsid=" + token);
		assertThat(page.statusCode()).isEqualTo(401);
		assertThat(page.body()).contains("Deze link is verlopen").contains("Open de activiteit opnieuw vanuit Moodle");
	}

	@Test
	void aLinkTokenOfAnotherActivityIsRefusedWith403AndSaysSo() {
		String token = this.tokens.issue(this.session, this.session.resourceLink().id() + 1000);
		HttpResponse<String> page = this.browser.get("/app?lsid=" + token);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("Deze link hoort bij een andere activiteit");
	}

	@Test
	void aTamperedLinkTokenIsRefusedWith401() {
		String token = this.tokens.issue(this.session);
		String[] parts = token.split("\\.");
		String longer = parts[0] + "." + parts[1] + "." + parts[2] + "." + (Long.parseLong(parts[3]) + 86400) + "."
				+ parts[4];
		HttpResponse<String> page = this.browser.get("/app?lsid=" + longer);
		assertThat(page.statusCode()).isEqualTo(401);
		assertThat(page.body()).contains("Deze link is niet (meer) geldig");
	}

	@Test
	void aLinkTokenNeverOutlivesItsSession() {
		this.clock.advance(Duration.ofHours(8).minusMinutes(10));
		String token = this.tokens.issue(this.session);
		assertThat(this.browser.get("/app?lsid=" + token).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.browser.get("/app?lsid=" + token).statusCode()).isEqualTo(401);
	}

}
