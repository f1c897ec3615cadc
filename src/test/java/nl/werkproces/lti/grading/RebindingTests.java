package nl.werkproces.lti.grading;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.ActivitySetup;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.TestLaunches;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New content chosen in Moodle (Deep Linking again) for an existing activity, over real HTTP: the next launch
 * takes it while nothing is handed in or graded; afterwards the old werkproces stays and the teacher reads why.
 */
@PlatformServicesTest
class RebindingTests {

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

	TeacherFixture moodle;

	long oldActivity;

	String newSetupKey;

	@BeforeEach
	void deepLinkTwice() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.moodle.launch(this.moodle.teacher());
		this.oldActivity = this.moodle.activityId();
		long dossierId = this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?")
			.param(this.oldActivity)
			.query(Long.class)
			.single();
		this.newSetupKey = this.activities.createPending(this.moodle.platform.id(),
				new ActivitySetup(dossierId, "B1-K1-W1", TeacherFixture.PROFIEL, GradeMode.CIJFER, null, null), null);
	}

	@AfterEach
	void stopPlatform() {
		this.moodle.close();
	}

	@Test
	void newContentIsTakenByTheNextLaunchWhileNothingIsHandedInOrGraded() {
		Session teacher = this.moodle.launch(withNewContent(this.moodle.teacher()));

		String roster = teacher.get("/app/teacher").body();

		assertThat(roster).contains("B1-K1-W1").doesNotContain("id=\"kept-old-binding\"");
		assertThat(boundCode()).isEqualTo("B1-K1-W1");
		assertThat(this.moodle.launch(this.moodle.teacher()).get("/app/teacher").body())
			.as("a launch with the old setup (a tab from before) does not move it back")
			.contains("B1-K1-W1");
	}

	@Test
	void afterAHandInTheOldWerkprocesStaysAndTheTeacherIsToldWhyInDutchAndEnglish() {
		this.moodle.handIn(this.oldActivity, this.moodle.insertUser("4", "Sam Student"), "Mijn werkproces", false);

		String roster = this.moodle.launch(withNewContent(this.moodle.teacher())).get("/app/teacher").body();

		assertThat(boundCode()).isEqualTo("B1-K2-W2");
		assertThat(roster).contains("id=\"kept-old-binding\"")
			.contains("In Moodle is voor deze activiteit nieuwe inhoud gekozen (B1-K1-W1), maar er is al ingeleverd of"
					+ " beoordeeld. Daarom blijft deze activiteit B1-K2-W2")
			.contains("Sam Student");
		assertThat(this.moodle.launch(withNewContent(this.moodle.teacher()).inEnglish()).get("/app/teacher").body())
			.contains("New content (B1-K1-W1) was chosen for this activity in Moodle, but work has already been"
					+ " handed in or graded. This activity therefore stays B1-K2-W2");
		assertThat(this.moodle.launch(this.moodle.teacher()).get("/app/teacher").body())
			.as("a launch with the bound setup has nothing to explain")
			.doesNotContain("id=\"kept-old-binding\"");
	}

	private TestLaunches withNewContent(TestLaunches launch) {
		return launch.with(LtiClaims.CUSTOM, Map.of(CurrentActivity.SETUP_KEY, this.newSetupKey));
	}

	private String boundCode() {
		return this.jdbc.sql("""
				SELECT a.werkproces_code FROM activity a JOIN resource_link r ON r.id = a.resource_link_id
				WHERE r.platform_id = ?""")
			.param(this.moodle.platform.id())
			.query(String.class)
			.single();
	}

}
