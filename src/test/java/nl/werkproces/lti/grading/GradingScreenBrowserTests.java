package nl.werkproces.lti.grading;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The grading screen in real Chromium, reached with the session id only (no cookies, as in a Moodle iframe). */
@PlatformServicesTest
class GradingScreenBrowserTests {

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

	TeacherFixture moodle;

	WebDriver browser;

	@BeforeEach
	void start() {
		// the shared context's clock stands still; launches are signed with the real time
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

	@Test
	void choosingLevelsShowsTheLiveScoreAndFinalizing() {
		Session teacher = this.moodle.launch(this.moodle.teacher());
		this.moodle.launch(this.moodle.student("4", "Sam Student"));
		long sam = this.moodle.userId("4");
		this.moodle.handIn(this.moodle.activityId(), sam, "Ik heb het netwerk geïnstalleerd en getest.", false);
		List<Criterion> criteria = rubric().criteria();
		this.browser = Browsers.chromium();
		// a fresh Chromium has no cookie of the launch: it goes the cookie-less way, on a link token
		this.browser.get(teacher.browser().toolBaseUrl() + "/app/teacher?lsid="
				+ this.linkTokens.issue(this.sessions.find(teacher.sessionId()).orElseThrow()));
		this.browser.findElement(By.linkText("Sam Student")).click();
		assertThat(this.browser.findElement(By.id("handin-text")).getText()).contains("netwerk geïnstalleerd");
		for (int score = 0; score <= 3; score++) {
			WebElement level = label(criteria.get(0), score);
			assertThat(level.isDisplayed()).isTrue();
			assertThat(level.getText()).as("the descriptor is visible beside the level, without the criterion sentence")
				.contains(rubric().shortDescriptor(criteria.get(0), criteria.get(0).levels().get(score)))
				.doesNotContain(criteria.get(0).text().substring(1, 30));
		}
		assertThat(label(criteria.get(0), 1).getText()).contains("Gedeeltelijk of");
		assertThat(label(criteria.get(0), 2).getText()).contains("Zoals beschreven");

		int one = firstNotKritisch(criteria);
		for (int i = 0; i < criteria.size(); i++) {
			int score = (i == one) ? 1 : (i == (one + 1) % 9 || i == (one + 2) % 9) ? 3 : 2;
			if (i == 0 && score == 2) {
				// by keyboard: focus the first level, then arrow keys move the choice
				WebElement first = radio(criteria.get(0), 0);
				first.sendKeys(Keys.SPACE);
				first.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
				continue;
			}
			radio(criteria.get(i), score).sendKeys(Keys.SPACE);
			if (i == 4) {
				assertThat(text("score-cijfer")).isEqualTo("–");
			}
		}
		assertThat(text("score-points")).isEqualTo("19");
		assertThat(text("score-verdict")).isEqualTo("voldoende");
		assertThat(text("score-cijfer")).isEqualTo("6,0");
		Browsers.screenshot(this.browser, "grading-screen-live-score");

		this.browser.findElement(By.id("finalize")).click();
		assertThat(acceptAlert()).contains("het cijfer 6,0 gaat naar de cijferlijst in Moodle");
		assertThat(text("done")).contains("Beoordeling afgerond");
		assertThat(text("status")).contains("definitief");
		Browsers.screenshot(this.browser, "grading-screen-final");
		for (int i = 0; i < criteria.size(); i++) {
			List<WebElement> chosen = this.browser.findElements(By.cssSelector(
					"fieldset.criterion:nth-of-type(" + (i + 1) + ") label.level.chosen"));
			assertThat(chosen).as("exactly one level marked as chosen per criterion").hasSize(1);
		}
		int firstScore = (one == 0) ? 1 : (one + 1) % 9 == 0 || (one + 2) % 9 == 0 ? 3 : 2;
		WebElement chosenFirst = label(criteria.get(0), firstScore);
		assertThat(chosenFirst.getAttribute("class")).contains("chosen");
		assertThat(chosenFirst.getText()).contains("✓ gekozen");
		assertThat(label(criteria.get(0), (firstScore + 1) % 4).getText()).doesNotContain("gekozen");
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(600, 1000));
		Browsers.screenshot(this.browser, "grading-screen-final-600");
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
		assertThat(this.jdbc.sql("SELECT cijfer FROM grading WHERE student_user_id = ?")
			.param(sam)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("6.0");
	}

	@Test
	void unsavedLevelsAreGuardedConfirmationsSayWhatHappensInMoodleAndNextStudentNeedsNoRoster() {
		Session teacher = this.moodle.launch(this.moodle.teacher());
		this.moodle.launch(this.moodle.student("4", "Sam Student"));
		this.moodle.launch(this.moodle.student("5", "Tom Tweede"));
		long sam = this.moodle.userId("4");
		this.moodle.handIn(this.moodle.activityId(), sam, "Sams werk", false);
		this.moodle.handIn(this.moodle.activityId(), this.moodle.userId("5"), "Toms werk", false);
		List<Criterion> criteria = rubric().criteria();
		this.browser = Browsers.chromium();
		this.browser.get(teacher.browser().toolBaseUrl() + "/app/teacher/students/" + sam + "?lsid="
				+ this.linkTokens.issue(this.sessions.find(teacher.sessionId()).orElseThrow()));
		assertThat(this.browser.findElements(By.id("previous-student"))).isEmpty();
		assertThat(text("next-student")).isEqualTo("Volgende student: Tom Tweede →");

		radio(criteria.get(0), 2).sendKeys(Keys.SPACE);
		this.browser.findElement(By.id("next-student")).click();
		Alert unsaved = alert();
		assertThat(unsaved.getText()).startsWith("U hebt niveaus of opmerkingen gewijzigd die nog niet zijn opgeslagen");
		unsaved.dismiss();
		assertThat(text("student")).startsWith("Sam Student");
		assertThat(radio(criteria.get(0), 2).isSelected()).isTrue();

		// leaving by the browser (reload, close, Moodle's own links): the page asks the browser to warn
		Object warned = ((JavascriptExecutor) this.browser).executeScript(
				"var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
		assertThat(warned).isEqualTo(true);

		this.browser.findElement(By.id("next-student")).click();
		assertThat(acceptAlert()).contains("niet zijn opgeslagen");
		assertThat(text("student")).startsWith("Tom Tweede");
		assertThat(text("previous-student")).isEqualTo("← Vorige student: Sam Student");

		criteria.forEach((criterion) -> radio(criterion, 2).sendKeys(Keys.SPACE));
		this.browser.findElement(By.id("finalize")).click();
		Alert finalize = alert();
		assertThat(finalize.getText()).isEqualTo("Definitief maken: het cijfer 5,5 gaat naar de cijferlijst in Moodle, "
				+ "waar de student het met uw opmerkingen ziet. Doorgaan?");
		finalize.dismiss();
		assertThat(this.browser.findElements(By.id("done"))).as("cancelled: nothing sent").isEmpty();
		this.browser.findElement(By.id("finalize")).click();
		acceptAlert();
		assertThat(text("done")).contains("Beoordeling afgerond");

		this.browser.findElement(By.id("reopen")).click();
		assertThat(acceptAlert()).isEqualTo("Beoordeling heropenen: de cijferlijst in Moodle blijft het cijfer 5,5 "
				+ "tonen tot u opnieuw definitief maakt. Doorgaan?");
		assertThat(text("done")).contains("heropend");
		// the kept final version is listed; the history section passes axe like the rest of the page
		assertThat(text("history-version-1")).contains("eerste versie", "5,5");
		assertThat(nl.werkproces.lti.testing.Accessibility.violations(this.browser)).isEmpty();
		this.browser.findElement(By.id("back")).click();
		assertThat(this.browser.getCurrentUrl()).contains("/app/teacher?");
		assertThat(Browsers.console(this.browser)).noneMatch((line) -> line.contains("Content Security Policy"));
	}

	private Alert alert() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
	}

	private String acceptAlert() {
		Alert alert = alert();
		String text = alert.getText();
		alert.accept();
		return text;
	}

	private WebElement radio(Criterion criterion, int score) {
		return this.browser
			.findElement(By.cssSelector("input[name='level." + criterion.key() + "'][value='" + score + "']"));
	}

	private WebElement label(Criterion criterion, int score) {
		return radio(criterion, score).findElement(By.xpath("ancestor::label[1]"));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private Rubric rubric() {
		long activity = this.moodle.activityId();
		long dossier = this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?").param(activity).query(Long.class).single();
		return this.rubricVersions.template(dossier, "B1-K2-W2", TeacherFixture.PROFIEL);
	}

	private static int firstNotKritisch(List<Criterion> criteria) {
		for (int i = 0; i < criteria.size(); i++) {
			if (!criteria.get(i).kritisch()) {
				return i;
			}
		}
		throw new AssertionError("every criterion is kritisch");
	}

}
