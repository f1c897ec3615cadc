package nl.werkproces.lti.registration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.testing.MoodleRegistrationEndpoints;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform on {@code lti.registration.allowed-issuers} registers without a registration link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AllowListedRegistrationTests {

	static final PlatformSimulator moodle = PlatformSimulator.start();

	static final MoodleRegistrationEndpoints registration = new MoodleRegistrationEndpoints(moodle, "tok");

	@LocalServerPort
	int port;

	@Autowired
	PlatformRepository platforms;

	@DynamicPropertySource
	static void allowList(DynamicPropertyRegistry registry) {
		registry.add("lti.registration.allowed-issuers", moodle::issuer);
	}

	@AfterAll
	static void stop() {
		moodle.close();
	}

	@Test
	void allowListedIssuerRegistersWithoutLink() {
		ToolBrowser browser = new ToolBrowser("http://localhost:" + this.port);
		var page = browser.get("/lti/register?openid_configuration="
				+ URLEncoder.encode(registration.configurationUrl(), StandardCharsets.UTF_8) + "&registration_token=tok");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(this.platforms.findByIssuerAndClientId(moodle.issuer(), PlatformSimulator.CLIENT_ID)).isPresent();
	}

	@Test
	void otherIssuerIsStillRefused() {
		ToolBrowser browser = new ToolBrowser("http://localhost:" + this.port);
		var page = browser.get("/lti/register?openid_configuration="
				+ URLEncoder.encode("https://unknown.example.nl/mod/lti/openid-configuration.php", StandardCharsets.UTF_8));
		DynamicRegistrationTests.assertRefused(page, 403, "ISSUER_NOT_ALLOWED");
	}

}
