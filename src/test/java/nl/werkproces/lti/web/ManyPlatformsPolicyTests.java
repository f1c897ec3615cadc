package nl.werkproces.lti.web;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSettings;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool that serves many schools: one header with every platform's origins would outgrow the 8 KB header buffers
 * of Tomcat and of ingress proxies (every response a 500 or 502). The shared policy stays bounded, and a launch's
 * pages name their own platform only, so no other school's Moodle can frame them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManyPlatformsPolicyTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Test
	void withTwoHundredSchoolsPagesStayServedAndALaunchIsFramedOnlyByItsOwnPlatform() {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 200; i++) {
			String issuer = "https://moodle-" + i + "-" + marker + ".roc-voorbeeld-onderwijs.example.nl";
			this.registrations.register(new PlatformSettings("School " + i, issuer, "client", issuer + "/mod/lti/auth.php",
					issuer + "/mod/lti/token.php", issuer + "/mod/lti/certs.php", Set.of("1")), PlatformSource.ADMIN);
		}
		try (PlatformSimulator moodle = PlatformSimulator.start()) {
			this.registrations.register(moodle.settings(), PlatformSource.ADMIN);
			ToolBrowser browser = new ToolBrowser("http://localhost:" + this.port);

			HttpResponse<String> catalog = browser.get("/catalog");
			assertThat(catalog.statusCode()).isEqualTo(200);
			String shared = catalog.headers().firstValue("Content-Security-Policy").orElseThrow();
			assertThat(shared.length()).isLessThanOrEqualTo(FrameAncestorsFilter.MAX_SHARED_POLICY_LENGTH);

			ToolBrowser.LoginRedirect login = browser.initiateLogin(moodle);
			HttpResponse<String> launch = browser.launch(
					moodle.sign(TestLaunches.resourceLink(moodle, browser.toolBaseUrl()).claims(login.nonce())),
					login.state());
			HttpResponse<String> page = browser.get(launch.headers().firstValue("Location").orElseThrow());
			assertThat(page.statusCode()).isEqualTo(200);
			String own = page.headers().firstValue("Content-Security-Policy").orElseThrow();
			assertThat(own).contains("frame-ancestors 'self' " + moodle.baseUrl())
				.contains("form-action 'self' " + moodle.baseUrl())
				.doesNotContain(marker)
				.contains("default-src 'self'");
		}
	}

}
