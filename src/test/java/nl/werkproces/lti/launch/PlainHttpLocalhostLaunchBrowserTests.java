package nl.werkproces.lti.launch;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedBrowserPages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A laptop run: the tool over plain http on {@code localhost}, the platform over plain http on
 * {@code 127.0.0.1} (another site), the tool in the platform's iframe. Browsers treat localhost as a secure
 * context, so the tool's {@code SameSite=None; Secure} cookie comes back on the cross-site launch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.jwks.min-refresh-interval=0s")
class PlainHttpLocalhostLaunchBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Test
	void embeddedCrossSiteLaunchOverPlainHttpOnLocalhostWorks() {
		try (PlatformSimulator platform = PlatformSimulator.start()) {
			SimulatedBrowserPages moodle = platform.startBrowserPages("http://localhost:" + this.port, null);
			this.registrations.register(platform.settings(), PlatformSource.ADMIN);
			WebDriver browser = Browsers.chromium(Map.of());
			try {
				browser.get(moodle.coursePage());
				browser.switchTo().frame("tool-frame");
				assertThat(new WebDriverWait(browser, Duration.ofSeconds(20))
					.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")))
					.getText()).isEqualTo("Welkom, Sam Student");
				assertThat(moodle.hintsAccepted()).isEqualTo(1);
			}
			finally {
				browser.quit();
			}
		}
	}

}
