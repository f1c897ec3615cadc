package nl.werkproces.lti.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.Accessibility;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool admin's chain check ({@code /admin/grading-chain}) in real Chromium: intact after two finalizations,
 * broken after one {@code grading_version} row is altered with SQL (naming that version), and a clear "no such
 * activity" for an unknown number; every state passes axe-core (WCAG 2.1 A/AA).
 */
@PlatformServicesTest
class GradingChainBrowserTests {

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
	GradeDeliveryWorker worker;

	TeacherFixture moodle;

	long activityId;

	WebDriver browser;

	@BeforeEach
	void start() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.activityId = this.moodle.activityId();
	}

	@AfterEach
	void stop() {
		// repair for the other tests in the shared database: their whole-database check must not see this break
		this.jdbc.sql("DELETE FROM grading_version WHERE activity_id = ?").param(this.activityId).update();
		if (this.browser != null) {
			this.browser.quit();
		}
		this.worker.deliverDue();
		this.moodle.close();
	}

	@Test
	void chainIsIntactThenFailsAfterAVersionIsAlteredAndNamesTheBrokenLink() {
		Session teacher = this.moodle.launch(this.moodle.teacher());
		long sam = student("4", "Sam Student");
		long kim = student("5", "Kim Student");
		for (long student : List.of(sam, kim)) {
			assertThat(teacher.post("/app/teacher/students/" + student + "/finalize",
					TeacherFixture.levels(keys(), levels(2))).statusCode()).isEqualTo(302);
		}
		this.browser = Browsers.chromium();
		signIn();

		check(String.valueOf(this.activityId));
		assertThat(text("chain-result")).isEqualTo("De keten is in orde: 1 activiteit(en), 2 versie(s) gecontroleerd.");
		Accessibility.assertNoViolations(this.browser, "grading chain, intact");

		long kims = this.jdbc.sql("SELECT id FROM grading_version WHERE activity_id = ? AND student_user_id = ?")
			.params(this.activityId, kim)
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE grading_version SET cijfer = 9.0 WHERE id = ?").param(kims).update();
		check(String.valueOf(this.activityId));

		WebElement broken = this.browser.findElement(By.id("chain-broken"));
		assertThat(broken.getAttribute("role")).isEqualTo("alert");
		assertThat(broken.getText()).contains("De keten is gebroken")
			.contains("activiteit " + this.activityId + ", student " + kim + ", versie 1 (schakel 2 van de keten)")
			.contains("De inhoud van deze versie past niet bij de opgeslagen hash");
		assertThat(this.browser.findElements(By.id("chain-result"))).isEmpty();
		Accessibility.assertNoViolations(this.browser, "grading chain, broken");
		Browsers.screenshot(this.browser, "grading-chain-broken");
	}

	@Test
	void unknownActivitySaysSoInsteadOfAnIntactChain() {
		this.browser = Browsers.chromium();
		signIn();

		check("987654321");

		assertThat(text("chain-unknown")).isEqualTo("Er is geen activiteit met nummer 987654321. Controleer het "
				+ "nummer, of laat het veld leeg om de hele database te controleren.");
		assertThat(this.browser.findElements(By.id("chain-result"))).isEmpty();
		assertThat(this.browser.findElement(By.id("activity")).getAttribute("value")).isEqualTo("987654321");
		Accessibility.assertNoViolations(this.browser, "grading chain, unknown activity");
	}

	private void signIn() {
		this.browser.get("http://localhost:" + this.port + "/admin/login");
		this.browser.findElement(By.id("username")).sendKeys(AdminBrowser.USER);
		this.browser.findElement(By.id("password")).sendKeys(AdminBrowser.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type='submit']")).click();
		this.browser.findElement(By.cssSelector("a[href*='/admin/platforms/new']"));
		this.browser.get("http://localhost:" + this.port + "/admin/grading-chain");
	}

	/** Types the activity number into the page's form and submits it. */
	private void check(String activity) {
		WebElement field = this.browser.findElement(By.id("activity"));
		field.clear();
		field.sendKeys(activity);
		this.browser.findElement(By.cssSelector("main form button[type='submit']")).click();
		this.browser.findElement(By.cssSelector("#chain-result, #chain-broken, #chain-unknown"));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private long student(String sub, String name) {
		this.moodle.launch(this.moodle.student(sub, name));
		long id = this.moodle.userId(sub);
		this.moodle.handIn(this.activityId, id, "Mijn werkproces.", false);
		return id;
	}

	private int[] levels(int level) {
		int[] levels = new int[keys().size()];
		Arrays.fill(levels, level);
		return levels;
	}

	private List<String> keys() {
		return this.rubricVersions
			.template(this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?")
				.param(this.activityId)
				.query(Long.class)
				.single(), "B1-K2-W2", TeacherFixture.PROFIEL)
			.criteria()
			.stream()
			.map(Criterion::key)
			.toList();
	}

}
