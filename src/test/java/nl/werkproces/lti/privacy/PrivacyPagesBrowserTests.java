package nl.werkproces.lti.privacy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.testing.Accessibility;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy pages in Chromium: the admin finds a student, sees what is kept and erases them; the search, user,
 * platform (retention) and erased pages have no WCAG 2.1 A/AA violations (axe).
 */
@PlatformServicesTest
class PrivacyPagesBrowserTests {

	static WebDriver browser;

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

	@BeforeAll
	static void startBrowser() {
		browser = Browsers.chromium();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theAdminFindsAStudentSetsARetentionPeriodAndErasesTheStudentOnAccessiblePages() {
		String base = "http://localhost:" + this.port;
		try (TeacherFixture moodle = new TeacherFixture(base, this.registrations, this.activities, this.catalog,
				this.jdbc, this.sessions, GradeMode.CIJFER)) {
			moodle.launch(moodle.teacher());
			moodle.launch(moodle.student("4", "Sam Student"));
			long sam = moodle.userId("4");
			moodle.handIn(moodle.activityId(), sam, "Mijn werkproces.", false);
			long platform = this.jdbc.sql("SELECT platform_id FROM activity WHERE id = ?")
				.param(moodle.activityId())
				.query(Long.class)
				.single();

			browser.get(base + "/admin/login");
			browser.findElement(By.id("username")).sendKeys(AdminBrowser.USER);
			browser.findElement(By.id("password")).sendKeys(AdminBrowser.PASSWORD);
			browser.findElement(By.cssSelector("button[type=submit]")).click();
			browser.findElement(By.cssSelector("a[href$='/admin/privacy']")).click();

			browser.findElement(By.cssSelector("#platform option[value='" + platform + "']")).click();
			browser.findElement(By.id("q")).sendKeys("sam");
			browser.findElement(By.cssSelector("#privacy-search button")).click();
			assertThat(browser.findElement(By.id("privacy-results")).getText()).contains("Sam Student");
			Accessibility.assertNoViolations(browser, "privacy search");

			browser.findElement(By.linkText("Sam Student")).click();
			assertThat(browser.findElement(By.id("privacy-counts")).getText()).contains("Inleveringen: 1");
			Accessibility.assertNoViolations(browser, "privacy user");

			browser.get(base + "/admin/platforms/" + platform);
			browser.findElement(By.id("retention-months")).sendKeys("84");
			browser.findElement(By.cssSelector("#retention button")).click();
			// the page before the save has the same element ("Alles blijft bewaard"): wait for the saved page
			new WebDriverWait(browser, Duration.ofSeconds(20))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("retention-current"), "84"));
			assertThat(browser.findElement(By.id("retention-current")).getText()).contains("84");
			Accessibility.assertNoViolations(browser, "platform with retention period");

			browser.get(base + "/admin/privacy/platforms/" + platform + "/users/" + sam);
			browser.findElement(By.id("reason")).sendKeys("Verzoek van de student");
			browser.findElement(By.cssSelector("#privacy-erase button")).click();
			assertThat(browser.findElement(By.id("privacy-erased")).getText()).startsWith("Gewist");
			Accessibility.assertNoViolations(browser, "user erased");
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM lti_user WHERE id = ?").param(sam).query(Integer.class)
				.single()).isZero();
		}
		finally {
			this.jdbc.sql("UPDATE platform SET retention_months = NULL").update();
		}
	}

}
