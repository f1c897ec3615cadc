package nl.werkproces.lti.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SelfSignedTls;
import nl.werkproces.lti.testing.SimulatedBrowserPages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium, the tool on {@code https://localhost} and the platform on {@code https://127.0.0.1} (two sites,
 * self-signed certificate made at test time), the tool in a cross-site iframe of the platform's course page: with
 * third-party cookies allowed the Partitioned cookie carries the launch; with them blocked the check page offers a
 * new window that completes the launch against Moodle's single-use launch id; and through the demo platform, whose
 * course page offers platform storage, the launch in the iframe works with cookies blocked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = "lti.jwks.min-refresh-interval=0s")
class CrossSiteLaunchBrowserTests {

	static final int PORT = freePort();

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		// the tool fetches the demo platform's key set from https://127.0.0.1 of this same server
		SelfSignedTls.trustInThisJvm();
		registry.add("server.port", () -> PORT);
		registry.add("server.ssl.key-store", () -> "file:" + SelfSignedTls.keyStore());
		registry.add("server.ssl.key-store-password", () -> SelfSignedTls.PASSWORD);
		registry.add("server.ssl.key-store-type", () -> "PKCS12");
		registry.add("server.ssl.key-alias", () -> "tls");
		registry.add("lti.demo.platform-base-url", () -> "https://127.0.0.1:" + PORT);
	}

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	MeterRegistry meters;

	final List<AutoCloseable> toClose = new ArrayList<>();

	WebDriver browser;

	@AfterEach
	void close() throws Exception {
		if (this.browser != null) {
			this.browser.quit();
		}
		for (AutoCloseable closeable : this.toClose) {
			closeable.close();
		}
	}

	@Test
	void embeddedLaunchWithThirdPartyCookiesAllowedGoesThroughThePartitionedCookie() {
		SimulatedBrowserPages moodle = moodle();
		this.browser = Browsers.chromium(Map.of(), "--ignore-certificate-errors");
		this.browser.get(moodle.coursePage());
		this.browser.switchTo().frame("tool-frame");
		assertThat(welcome()).isEqualTo("Welkom, Sam Student");
		assertThat(probeCookie()).as("cookies work in the iframe").contains("probe=1");
		assertThat(moodle.hintsAccepted()).isEqualTo(1);
		assertThat(moodle.hintsRefused()).isZero();
	}

	@Test
	void withThirdPartyCookiesBlockedTheNewWindowCompletesTheLaunchAgainstASingleUseHint() {
		SimulatedBrowserPages moodle = moodle();
		this.browser = blockingThirdPartyCookies();
		this.browser.get(moodle.coursePage());
		this.browser.switchTo().frame("tool-frame");
		wait(this.browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("cookies-blocked")));
		assertThat(probeCookie()).as("the browser really blocks cookies in the iframe").doesNotContain("probe=1");
		assertThat(cookieCheck()).as("the tool's cookie did not come back in the iframe").isEqualTo(Boolean.FALSE);
		assertThat(moodle.hintsAccepted()).as("the iframe never went to the platform").isZero();
		String course = this.browser.getWindowHandle();
		this.browser.findElement(By.cssSelector("#new-window button")).click();
		wait(this.browser).until((driver) -> driver.getWindowHandles().size() == 2);
		String opened = this.browser.getWindowHandles().stream().filter((handle) -> !handle.equals(course)).findFirst()
			.orElseThrow();
		this.browser.switchTo().window(opened);
		assertThat(welcome()).isEqualTo("Welkom, Sam Student");
		assertThat(moodle.hintsAccepted()).isEqualTo(1);
		assertThat(moodle.hintsRefused()).as("no launch id was used twice").isZero();
	}

	@Test
	void demoPlatformStorageCarriesTheLaunchInAnIframeWithCookiesBlocked() {
		double before = this.meters.counter("lti.launch.platform_storage").count();
		this.browser = blockingThirdPartyCookies();
		this.browser.get("https://127.0.0.1:" + PORT + "/demo");
		this.browser.findElement(By.id("launch-student")).click();
		this.browser.switchTo().frame("tool-frame");
		assertThat(welcome()).isEqualTo("Welkom, Sanne de Vries");
		assertThat(probeCookie()).as("the browser really blocks cookies in the iframe").doesNotContain("probe=1");
		assertThat(this.meters.counter("lti.launch.platform_storage").count()).isEqualTo(before + 1);
		this.browser.switchTo().defaultContent();
		assertThat(Browsers.console(this.browser))
			.noneMatch((message) -> message.contains("Content Security Policy") || message.contains("Refused to"));
	}

	private SimulatedBrowserPages moodle() {
		PlatformSimulator platform = PlatformSimulator.start();
		this.toClose.add(platform);
		SimulatedBrowserPages pages = platform.startBrowserPages("https://localhost:" + PORT, SelfSignedTls.context());
		this.registrations.register(platform.settings(), PlatformSource.ADMIN);
		return pages;
	}

	/**
	 * Chromium that refuses the tool's cookies when it is embedded in a page of 127.0.0.1 (partitioned ones too, as
	 * Safari does), but keeps them when the tool is the top-level page.
	 */
	static WebDriver blockingThirdPartyCookies() {
		return Browsers.chromium(Map.of("profile.cookie_controls_mode", 1, "profile.block_third_party_cookies", true,
				"profile.content_settings.exceptions.cookies", Map.of("localhost,127.0.0.1", Map.of("setting", 2))),
				"--ignore-certificate-errors");
	}

	private String welcome() {
		try {
			return wait(this.browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome"))).getText();
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("no welcome; page: " + this.browser.getCurrentUrl() + "\n"
					+ this.browser.getPageSource() + "\nconsole: " + Browsers.console(this.browser), ex);
		}
	}

	/** Sets a script-visible cookie in the current frame and reads the frame's cookies back. */
	private String probeCookie() {
		return (String) ((JavascriptExecutor) this.browser).executeScript(
				"document.cookie = 'probe=1; Path=/; SameSite=None; Secure; Partitioned'; return document.cookie;");
	}

	private Object cookieCheck() {
		return ((JavascriptExecutor) this.browser).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(document.getElementById('login-check').dataset.cookieCheck, { credentials: 'same-origin' })
				  .then(function (r) { return r.json(); }).then(function (j) { done(j.cookie); }, function () { done(null); });""");
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	private static int freePort() {
		for (int port = 43000 + (int) (ProcessHandle.current().pid() % 50); port < 43100; port++) {
			try (ServerSocket socket = new ServerSocket(port)) {
				return port;
			}
			catch (IOException ex) {
				// taken: try the next
			}
		}
		throw new IllegalStateException("no free port in 43000-43099");
	}

}
