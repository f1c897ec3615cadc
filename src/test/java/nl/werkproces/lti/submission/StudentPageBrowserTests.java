package nl.werkproces.lti.submission;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.Browsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium: the student page inside a 600 px iframe of the (simulated) platform's course page, on another
 * site, so no cookie carries the session, only the short-lived link token in {@code lsid} (what a launch without
 * the cookie gets); reading the assignment and handing in a PDF (CSRF token in the multipart body).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.jwks.min-refresh-interval=0s", "lti.grades.scheduled=false" })
class StudentPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	private LaunchLinkTokens linkTokens;

	@Autowired
	private LaunchSessions sessions;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	RubricVersions rubrics;

	@Autowired
	JdbcClient jdbc;

	static WebDriver browser;

	AssignmentFixture fixture;

	@BeforeAll
	static void openBrowser() {
		browser = Browsers.chromium();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@AfterEach
	void stopPlatform() {
		if (this.fixture != null) {
			this.fixture.close();
		}
	}

	@Test
	void studentReadsTheAssignmentAndHandsInAPdfInsideA600PixelIframe(@TempDir Path dir) throws Exception {
		this.fixture = new AssignmentFixture(this.port, this.registrations, this.activities, this.catalog, this.rubrics,
				this.jdbc);
		String sessionId = this.fixture.launch(this.fixture.learner());
		String src = this.fixture.browser.toolBaseUrl() + "/app/student?lsid="
				+ this.linkTokens.issue(this.sessions.find(sessionId).orElseThrow());
		byte[] course = ("<!DOCTYPE html><html><body style=\"margin:0\"><h1>LTI Test Course</h1>"
				+ "<iframe id=\"tool-frame\" name=\"tool-frame\" src=\"" + src
				+ "\" style=\"width:600px;height:900px;border:1px solid #ccc\"></iframe></body></html>")
			.getBytes(StandardCharsets.UTF_8);
		this.fixture.platform.addHandler("/mod/lti/view.php", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, course.length);
			exchange.getResponseBody().write(course);
			exchange.close();
		});
		Path pdf = Files.write(dir.resolve("netwerkadvies.pdf"), StudentFlowTests.PDF);

		browser.manage().window().setSize(new Dimension(700, 1100));
		browser.get(this.fixture.platform.baseUrl() + "/mod/lti/view.php");
		browser.switchTo().frame("tool-frame");
		assertThat(browser.findElement(By.id("werkproces")).getText()).startsWith("B1-K2-W2");
		assertThat(browser.findElement(By.id("due")).getText()).isEqualTo("15 januari 2027 00:00 (Midden-Europese tijd)");
		assertThat(browser.findElements(By.cssSelector("#rubric-grid tbody tr")))
			.as("the rubric as a grid: one row per criterion").hasSize(this.fixture.rubric().criteria().size());
		assertThat(browser.findElements(By.cssSelector("#rubric-grid thead th"))).as("criterion and four levels")
			.hasSize(5);
		assertThat(browser.findElements(By.cssSelector("#rubric-grid tbody td")).stream().map(WebElement::getText))
			.as("short level descriptors that do not repeat the criterion sentence")
			.contains("Zoals beschreven")
			.allSatisfy((cell) -> assertThat(cell.length()).isLessThan(90));
		// the omschrijving's three paragraphs as three paragraphs, not one joined string
		assertThat(browser.findElements(By.cssSelector("#omschrijving > p"))).extracting(WebElement::getText)
			.hasSize(3)
			.element(1)
			.isEqualTo("Tijdens, maar ook vooral na de installatiewerkzaamheden test hij de werking.");
		assertThat(browser.findElement(By.id("status")).getText()).contains("Nog niet ingeleverd.");
		Object overflow = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
		assertThat(overflow).isEqualTo(false);
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "student-assignment-iframe-600");

		browser.switchTo().frame("tool-frame");
		browser.findElement(By.id("text")).sendKeys("Mijn netwerkadvies staat in de pdf.");
		browser.findElement(By.id("files")).sendKeys(pdf.toString());
		assertThat(browser.findElement(By.cssSelector("#hand-in form")).getAttribute("action")).contains("lsid=l1.")
			.doesNotContain("_csrf");
		// hold the first submission in the page, to see what the student sees while the work is sent
		((JavascriptExecutor) browser).executeScript("document.getElementById('handin-form')"
				+ ".addEventListener('submit', function (e) { e.preventDefault(); }, {once: true});");
		browser.findElement(By.id("submit")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
			.until((driver) -> !driver.findElement(By.id("submit")).isEnabled());
		assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Bezig met inleveren…");
		assertThat(browser.findElement(By.id("handin-progress")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("handin-progress-text")).getText()).startsWith("Je werk wordt verstuurd");
		((JavascriptExecutor) browser).executeScript("HTMLFormElement.prototype.submit.call(document.getElementById('handin-form'));");
		browser.findElement(By.id("receipt-files"));
		assertThat((String) ((JavascriptExecutor) browser).executeScript("return location.href;"))
			.as("the receipt keeps the frame going on a fresh link token")
			.contains("/app/student/receipt?lsid=l1.")
			.doesNotContain(sessionId)
			.doesNotContain("_csrf");
		String digest = StudentFlowTests.sha256(StudentFlowTests.PDF);
		assertThat(browser.findElement(By.id("receipt-files")).getText()).contains("netwerkadvies.pdf")
			.contains(digest.substring(0, 12) + "…");
		WebElement hash = browser.findElement(By.cssSelector("#receipt-files details.sha256"));
		hash.findElement(By.tagName("summary")).click();
		assertThat(hash.findElement(By.cssSelector("code.full")).getText()).as("the whole digest once opened")
			.isEqualTo(digest);
		assertThat(browser.findElement(By.id("receipt-late")).getText()).isEqualTo("nee");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "student-receipt-iframe-600");

		browser.switchTo().frame("tool-frame");
		browser.findElement(By.id("back")).click();
		assertThat(browser.findElement(By.id("status")).getText()).contains("Ingeleverd op");
		browser.switchTo().defaultContent();

		this.fixture.grading("4", "FINAL");
		browser.navigate().refresh();
		browser.switchTo().frame("tool-frame");
		assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("voldoende");
		assertThat(browser.findElement(By.id("cijfer")).getText()).isEqualTo("6,0");
		((JavascriptExecutor) browser).executeScript("document.getElementById('results').scrollIntoView();");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "student-results-iframe-600");
	}

}
