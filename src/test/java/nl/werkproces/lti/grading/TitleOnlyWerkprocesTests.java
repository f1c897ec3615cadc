package nl.werkproces.lti.grading;

import java.net.http.HttpResponse;
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
import nl.werkproces.lti.dossier.DossierVersion;
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
 * A werkproces the dossier names by title only (P1-K1-W1, ICT-beheerder), over real HTTP: students do not get it
 * until the teacher has written criteria, the teacher's pages link straight to writing them, and finalizing without
 * criteria is refused with a clear message.
 */
@PlatformServicesTest
class TitleOnlyWerkprocesTests {

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

	String setupKey;

	@BeforeEach
	void deepLinkATitleOnlyWerkproces() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		long dossierId = this.catalog.all()
			.stream()
			.filter((version) -> "system".equals(version.importedBy()))
			.mapToLong(DossierVersion::id)
			.min()
			.orElseThrow();
		this.setupKey = this.activities.createPending(this.moodle.platform.id(),
				new ActivitySetup(dossierId, "P1-K1-W1", "ICT-beheerder", GradeMode.CIJFER, null, null), null);
	}

	@AfterEach
	void stopPlatform() {
		this.moodle.close();
	}

	@Test
	void studentsGetTheActivityOnlyAfterTheTeacherWroteCriteria() {
		Session teacher = this.moodle.launch(titleOnly(this.moodle.teacher()));
		Session sam = this.moodle.launch(titleOnly(this.moodle.student("4", "Sam Student")));

		String waiting = sam.get("/app/student").body();
		assertThat(waiting).contains("id=\"awaiting-criteria\"")
			.contains("Deze activiteit (P1-K1-W1) is nog niet klaar: je docent schrijft eerst de criteria")
			.doesNotContain("id=\"text\"");
		HttpResponse<String> refused = sam.post("/app/student/submission", Map.of("text", "Mijn werk"));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM submission WHERE platform_id = ?")
			.param(this.moodle.platform.id())
			.query(Long.class)
			.single()).isZero();

		String roster = teacher.get("/app/teacher").body();
		assertThat(roster).as("no grading without criteria: it would fix the empty rubric")
			.doesNotContain("Beoordelen zonder inlevering");
		assertThat(roster).contains("id=\"no-criteria\"")
			.contains("alleen met een titel, zonder criteria")
			.contains("href=\"/app/teacher/settings#new-text\"");

		assertThat(teacher.post("/app/teacher/settings", Map.of("rubric", "true",
				"newText", "Registreert elke melding volledig", "newKind", "PROCESS")).statusCode()).isEqualTo(302);

		assertThat(teacher.get("/app/teacher").body()).doesNotContain("id=\"no-criteria\"");
		assertThat(sam.get("/app/student").body()).contains("id=\"text\"")
			.contains("Registreert elke melding volledig")
			.doesNotContain("id=\"awaiting-criteria\"");
	}

	@Test
	void finalizingWithoutCriteriaIsRefusedWithAClearMessage() {
		Session teacher = this.moodle.launch(titleOnly(this.moodle.teacher()));
		long sam = this.moodle.insertUser("4", "Sam Student");
		// handed in on paper, or before the rubric lost its criteria: the teacher opens the grading screen
		this.moodle.handIn(activityId(), sam, "Mijn werk", false);

		String screen = teacher.get("/app/teacher/students/" + sam).body();
		assertThat(screen).contains("id=\"no-criteria\"").contains("href=\"/app/teacher/settings#new-text\"");
		HttpResponse<String> refused = teacher.post("/app/teacher/students/" + sam + "/finalize", Map.of());

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Deze rubric heeft nog geen criteria, dus er valt niets definitief te maken");
		assertThat(teacher.post("/app/teacher/students/" + sam + "/draft", Map.of()).statusCode())
			.as("a draft would fix the empty rubric").isEqualTo(409);
		assertThat(teacher.post("/app/teacher/members/grade", Map.of("member", "5")).headers().firstValue("Location"))
			.get().asString().endsWith("/app/teacher");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM grading WHERE activity_id = ?")
			.param(activityId())
			.query(Long.class)
			.single()).isZero();
	}

	private long activityId() {
		return this.jdbc.sql("SELECT id FROM activity WHERE platform_id = ? AND setup_key = ?")
			.params(this.moodle.platform.id(), this.setupKey)
			.query(Long.class)
			.single();
	}

	private TestLaunches titleOnly(TestLaunches launch) {
		return launch.with(LtiClaims.CUSTOM, Map.of(CurrentActivity.SETUP_KEY, this.setupKey));
	}

}
