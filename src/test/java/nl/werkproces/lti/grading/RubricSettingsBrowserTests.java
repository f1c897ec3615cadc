package nl.werkproces.lti.grading;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.testing.Accessibility;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings page and the student page in real Chromium at a desktop width and at Moodle's iframe width: axe-core
 * finds no WCAG 2.1 A/AA violation (also on a rubric form with an error), nothing scrolls the page sideways, and an
 * erroneous rubric save keeps what the teacher typed.
 */
@PlatformServicesTest
class RubricSettingsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LaunchSessions sessions;

	@Autowired
	MutableClock clock;

	@Autowired
	LaunchLinkTokens linkTokens;

	TeacherFixture moodle;

	WebDriver browser;

	@BeforeEach
	void start() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.moodle.close();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1280, 600 })
	void settingsPageHasNoViolationsAndAnErroneousSaveKeepsWhatWasTyped(int width) {
		Session teacher = this.moodle.launch(this.moodle.teacher());
		open(teacher, "/app/teacher/settings", width);
		Accessibility.assertNoViolations(this.browser, "settings page at " + width + " px");
		assertNoSidewaysScrolling(width);
		Browsers.screenshot(this.browser, "settings-" + width + "px");

		WebElement second = this.browser.findElement(By.id("criterion-2-text"));
		second.clear();
		WebElement first = this.browser.findElement(By.id("criterion-1-text"));
		first.clear();
		first.sendKeys("Werkt ordelijk en systematisch volgens plan.");
		this.browser.findElement(By.id("new-text")).sendKeys("Documenteert de configuratie volledig");
		this.browser.findElement(By.id("save-rubric")).click();

		assertThat(this.browser.findElement(By.id("error")).getText()).contains("De tekst van criterium 2 (")
			.contains("is leeg")
			.doesNotContain("gedrag-");
		assertThat(this.browser.findElement(By.id("criterion-1-text")).getAttribute("value"))
			.isEqualTo("Werkt ordelijk en systematisch volgens plan.");
		assertThat(this.browser.findElement(By.id("new-text")).getAttribute("value"))
			.isEqualTo("Documenteert de configuratie volledig");
		Accessibility.assertNoViolations(this.browser, "settings page with an error at " + width + " px");
		assertNoSidewaysScrolling(width);
		Browsers.screenshot(this.browser, "settings-error-" + width + "px");

		this.browser.findElement(By.cssSelector("#error a[href='#criterion-2-text']")).click();
		assertThat(this.browser.switchTo().activeElement().getAttribute("id")).as("the error links to its field")
			.isEqualTo("criterion-2-text");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1280, 600 })
	void studentPageWithTheFullRubricHasNoViolationsAndNoSidewaysScrolling(int width) {
		this.moodle.launch(this.moodle.teacher());
		Session student = this.moodle.launch(this.moodle.student("4", "Sam Student"));
		open(student, "/app/student", width);
		assertThat(this.browser.findElements(By.cssSelector("#rubric-grid tbody tr"))).hasSize(9);
		Accessibility.assertNoViolations(this.browser, "student page at " + width + " px");
		assertNoSidewaysScrolling(width);
		long height = (Long) ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollHeight;");
		System.out.println("Student page height at " + width + " px (B1-K2-W2, 9 criteria): " + height + " px");
		Browsers.screenshot(this.browser, "student-page-" + width + "px");
	}

	private void open(Session session, String path, int width) {
		this.browser = Browsers.chromium();
		this.browser.manage().window().setSize(new Dimension(width, 900));
		// a fresh Chromium has no cookie of the launch: it goes the cookie-less way, on a link token
		this.browser.get(session.browser().toolBaseUrl() + path + "?lsid="
				+ this.linkTokens.issue(this.sessions.find(session.sessionId()).orElseThrow()));
	}

	private void assertNoSidewaysScrolling(int width) {
		Long pageWidth = (Long) ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth;");
		Long windowWidth = (Long) ((JavascriptExecutor) this.browser).executeScript("return window.innerWidth;");
		assertThat(pageWidth).as("the page does not scroll sideways at " + width + " px").isLessThanOrEqualTo(windowWidth);
	}

}
