package nl.werkproces.lti.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.Accessibility;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The filled-in form's print view in real Chromium, reached from the grading screen without cookies (an iframe). */
@PlatformServicesTest
class FilledInFormBrowserTests {

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
	RubricVersions rubricVersions;

	@Autowired
	MutableClock clock;

	@Autowired
	LaunchLinkTokens linkTokens;

	@Autowired
	GradeDeliveryWorker worker;

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
		this.worker.deliverDue();
		this.moodle.close();
	}

	@Test
	void printViewFromTheGradingScreenShowsTheFormWithAPrintButtonAndPassesAxe() {
		Session teacher = this.moodle.launch(this.moodle.teacher());
		GradedClass graded = new GradedClass(this.moodle, this.jdbc, this.rubricVersions);
		long sukru = graded.student("70", FilledInFormTests.NAME, "Şükrü", "Yılmaz");
		this.moodle.handIn(this.moodle.activityId(), sukru, "Mijn werk", false);
		graded.finalize(teacher, sukru, 2, FilledInFormTests.GREEK, FilledInFormTests.CYRILLIC);

		this.browser = Browsers.chromium();
		this.browser.get(teacher.browser().toolBaseUrl() + "/app/teacher/students/" + sukru + "?lsid="
				+ this.linkTokens.issue(this.sessions.find(teacher.sessionId()).orElseThrow()));
		assertThat(this.browser.findElement(By.id("form-pdf-link")).getText()).isEqualTo("Beoordelingsformulier (PDF)");
		this.browser.findElement(By.id("form-print-link")).click();

		assertThat(this.browser.findElement(By.id("form-student")).getText()).isEqualTo(FilledInFormTests.NAME);
		assertThat(this.browser.findElement(By.id("form-criteria")).getText()).contains(FilledInFormTests.GREEK);
		assertThat(this.browser.findElement(By.id("form-overall")).getText()).isEqualTo(FilledInFormTests.CYRILLIC);
		assertThat(this.browser.findElement(By.cssSelector("button[data-print]")).isDisplayed())
			.as("print.js shows the print button").isTrue();
		Browsers.screenshot(this.browser, "filled-in-form-print-view");
		assertThat(Accessibility.violations(this.browser)).isEmpty();
		assertThat(Browsers.console(this.browser)).noneMatch((line) -> line.contains("Content Security Policy"));
		this.browser.findElement(By.id("form-back")).click();
		assertThat(this.browser.findElement(By.id("student")).getText()).startsWith(FilledInFormTests.NAME);
	}

}
