package nl.werkproces.lti.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for browser tests. Without them
 * the tests are skipped on a developer machine, but fail when {@code CI_REQUIRE_BROWSER=true} (set by .ci/run).
 */
public final class Browsers {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Browsers() {
	}

	public static WebDriver chromium() {
		return chromium(java.util.Map.of());
	}

	/**
	 * Chromium with further profile preferences (for example cookie settings) and command line switches (for example
	 * {@code --ignore-certificate-errors} for a test's self-signed certificate).
	 */
	public static WebDriver chromium(java.util.Map<String, Object> prefs, String... arguments) {
		boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!available) {
			if ("true".equals(System.getenv("CI_REQUIRE_BROWSER"))) {
				throw new IllegalStateException("CI requires Chromium: install chromium and chromium-driver");
			}
			Assumptions.abort("Chromium not installed (apt-get install chromium chromium-driver)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=nl");
		options.addArguments(arguments);
		java.util.Map<String, Object> allPrefs = new java.util.HashMap<>(prefs);
		allPrefs.put("intl.accept_languages", "nl,en");
		options.setExperimentalOption("prefs", allPrefs);
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

	/** The console messages since the last call (errors such as Content-Security-Policy violations included). */
	public static java.util.List<String> console(WebDriver driver) {
		return driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.map((entry) -> entry.getLevel() + " " + entry.getMessage())
			.toList();
	}

	/** Saves a screenshot under {@code target/screenshots/}. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "screenshots"));
			byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.write(dir.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
