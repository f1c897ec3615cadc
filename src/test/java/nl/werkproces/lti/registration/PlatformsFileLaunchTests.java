package nl.werkproces.lti.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform registered only through {@code lti.platforms-file} launches the tool. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformsFileLaunchTests {

	static final PlatformSimulator platform = PlatformSimulator.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void platformsFile(DynamicPropertyRegistry registry) {
		try {
			Path file = Files.createTempFile("platforms", ".yaml");
			Files.writeString(file, """
					platforms:
					  - name: Moodle via platforms file
					    issuer: %s
					    client-id: %s
					    authorization-endpoint: %s
					    token-endpoint: %s
					    jwks-uri: %s
					    deployment-ids: ["%s"]
					""".formatted(platform.issuer(), PlatformSimulator.CLIENT_ID, platform.authorizationEndpoint(),
					platform.tokenEndpoint(), platform.jwksUri(), PlatformSimulator.DEPLOYMENT_ID));
			file.toFile().deleteOnExit();
			registry.add("lti.platforms-file", file::toString);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@Test
	void launchSignedByPlatformFromFileIsAccepted() {
		ToolBrowser browser = new ToolBrowser("http://localhost:" + this.port);
		ToolBrowser.LoginRedirect login = browser.initiateLogin(platform);
		var launch = browser.launch(
				platform.sign(TestLaunches.resourceLink(platform, browser.toolBaseUrl()).claims(login.nonce())),
				login.state());
		assertThat(launch.statusCode()).isEqualTo(303);
		assertThat(browser.get(launch.headers().firstValue("Location").orElseThrow()).body())
			.contains("Moodle via platforms file");
	}

}
