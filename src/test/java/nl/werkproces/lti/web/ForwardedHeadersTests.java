package nl.werkproces.lti.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (loopback by default) the tool's public address comes from {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} when {@code lti.base-url} is empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedHeadersTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	PlatformSimulator moodle;

	@BeforeEach
	void register() {
		this.moodle = PlatformSimulator.start();
		this.registrations.register(this.moodle.settings(), PlatformSource.ADMIN);
	}

	@AfterEach
	void stop() {
		this.moodle.close();
	}

	@Test
	void trustedProxysForwardedAddressIsTheToolsPublicAddress() {
		ToolBrowser browser = new ToolBrowser("http://localhost:" + this.port).header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "tool.school.example");
		HttpResponse<String> login = browser.post("/lti/login", loginForm(this.moodle, "https://tool.school.example"));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
		assertThat(new ToolBrowser.LoginRedirect(login.headers().firstValue("Location").orElseThrow()).parameters())
			.containsEntry("redirect_uri", "https://tool.school.example/lti/launch");
	}

	@Test
	void withoutForwardedHeadersTheRequestAddressIsUsed() {
		ToolBrowser browser = new ToolBrowser("http://localhost:" + this.port);
		ToolBrowser.LoginRedirect login = browser.initiateLogin(this.moodle);
		assertThat(login.parameters()).containsEntry("redirect_uri", "http://localhost:" + this.port + "/lti/launch");
	}

	static Map<String, String> loginForm(PlatformSimulator platform, String toolBase) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("iss", platform.issuer());
		form.put("target_link_uri", toolBase + "/lti/launch");
		form.put("login_hint", "4");
		form.put("client_id", PlatformSimulator.CLIENT_ID);
		form.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
		return form;
	}

}
