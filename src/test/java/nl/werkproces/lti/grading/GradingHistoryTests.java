package nl.werkproces.lti.grading;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.history.ChainCheck;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.history.GradingVersion;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Final gradings are kept as hash-chained versions: finalize, reopen, finalize keeps both; the admin check finds a
 * version altered with SQL; only the tool admin may run it.
 */
@PlatformServicesTest
class GradingHistoryTests {

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

	@Autowired
	GradingHistory history;

	@Autowired
	nl.werkproces.lti.web.SchoolClock schoolClock;

	TeacherFixture moodle;

	Session teacher;

	long activityId;

	@BeforeEach
	void launchTeacher() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.activityId = this.moodle.activityId();
	}

	@AfterEach
	void stopPlatform() {
		// deliver while the simulated Moodle still answers: no waiting grade may leak into other classes' counts
		this.worker.deliverDue();
		this.moodle.close();
	}

	@Test
	void finalizeReopenFinalizeKeepsBothVersionsAndTheChainHolds() {
		long sam = student("4", "Sam Student");
		int[] twos = levels(2);
		assertThat(this.teacher.post("/app/teacher/students/" + sam + "/finalize", TeacherFixture.levels(keys(), twos))
			.statusCode()).isEqualTo(302);
		this.worker.deliverDue();
		assertThat(this.teacher.post("/app/teacher/students/" + sam + "/reopen", java.util.Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(this.history.versionsOf(this.activityId, sam)).hasSize(1);
		this.clock.set(this.clock.instant().plusSeconds(60));
		assertThat(this.teacher.post("/app/teacher/students/" + sam + "/finalize",
				TeacherFixture.levels(keys(), levels(3))).statusCode()).isEqualTo(302);

		List<GradingVersion> versions = this.history.versionsOf(this.activityId, sam);
		assertThat(versions).extracting(GradingVersion::versionNo).containsExactly(1, 2);
		assertThat(versions.get(0).levels().values()).containsOnly(2);
		assertThat(versions.get(1).levels().values()).containsOnly(3);
		assertThat(versions.get(0).cijfer()).isNotEqualByComparingTo(versions.get(1).cijfer());
		assertThat(versions.get(0).reachedPlatform()).isTrue();
		assertThat(versions.get(1).reachedPlatform()).isFalse();
		assertThat(versions.get(1).previousHash()).isEqualTo(versions.get(0).contentHash());
		assertThat(versions.get(1).finalizedAt()).isAfter(versions.get(0).finalizedAt());
		assertThat(this.history.verifyActivity(this.activityId).intact()).isTrue();
	}

	@Test
	void gradingScreenListsTheVersionsNewestFirstWithWhatChangedAndWhetherMoodleHasIt() {
		long sam = student("4", "Sam Student");
		String page = "/app/teacher/students/" + sam;
		assertThat(this.teacher.get(page).body()).doesNotContain("id=\"history\"", "Geschiedenis");
		this.teacher.post(page + "/finalize", TeacherFixture.levels(keys(), levels(2)));
		this.worker.deliverDue();
		this.teacher.post(page + "/reopen", java.util.Map.of());
		this.clock.set(this.clock.instant().plusSeconds(60));
		int[] changed = levels(2);
		changed[2] = 3;
		assertThat(this.teacher.post(page + "/finalize", TeacherFixture.levels(keys(), changed)).statusCode())
			.isEqualTo(302);
		List<GradingVersion> versions = this.history.versionsOf(this.activityId, sam);
		assertThat(versions).hasSize(2);
		String before = versions.get(0).cijfer().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
		String after = versions.get(1).cijfer().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
		assertThat(before).isNotEqualTo(after);

		String dutch = this.teacher.get(page).body();
		String history = dutch.substring(dutch.indexOf("id=\"history\""));
		assertThat(history).contains("<h2 id=\"history-heading\">Geschiedenis</h2>", "<th scope=\"col\">Wanneer</th>");
		// newest first: version 2 (what changed, not yet in Moodle) above version 1 (in the gradebook)
		String second = history.substring(history.indexOf("id=\"history-version-2\""),
				history.indexOf("id=\"history-version-1\""));
		String first = history.substring(history.indexOf("id=\"history-version-1\""));
		assertThat(second).contains("Terry Teacher", "criterium 3: voldoende → goed",
				"cijfer: " + before.replace('.', ',') + " → " + after.replace('.', ','), "nog niet verstuurd",
				this.schoolClock.format(versions.get(1).finalizedAt(), java.util.Locale.forLanguageTag("nl")))
			.doesNotContain("criterium 1:", "criterium 2:", "criterium 4:");
		assertThat(first).contains("eerste versie", "in de cijferlijst", before.replace('.', ','),
				this.schoolClock.format(versions.get(0).finalizedAt(), java.util.Locale.forLanguageTag("nl")));
		assertThat(history).doesNotContain("DELIVERED</", "WAITING</", "level.label");

		String english = this.moodle.launch(this.moodle.teacher().inEnglish()).get(page).body();
		String enHistory = english.substring(english.indexOf("id=\"history\""));
		assertThat(enHistory).contains(">History</h2>", "criterion 3: sufficient → good",
				"grade: " + before + " → " + after, "not sent yet", "in the gradebook", "first version",
				this.schoolClock.format(versions.get(1).finalizedAt(), java.util.Locale.ENGLISH));
	}

	@Test
	void chainCheckFailsAfterAVersionIsAlteredWithSqlAndNamesTheRow() throws Exception {
		long sam = student("4", "Sam Student");
		long kim = student("5", "Kim Student");
		this.teacher.post("/app/teacher/students/" + sam + "/finalize", TeacherFixture.levels(keys(), levels(2)));
		this.teacher.post("/app/teacher/students/" + kim + "/finalize", TeacherFixture.levels(keys(), levels(2)));
		assertThat(get("/api/admin/grading-chain?activity=" + this.activityId, true).body())
			.contains("\"intact\":true", "\"versionsChecked\":2");

		GradingVersion kims = this.history.versionsOf(this.activityId, kim).get(0);
		this.jdbc.sql("UPDATE grading_version SET cijfer = 9.0 WHERE id = ?").param(kims.id()).update();

		ChainCheck check = this.history.verifyActivity(this.activityId);
		assertThat(check.intact()).isFalse();
		assertThat(check.broken().studentUserId()).isEqualTo(kim);
		assertThat(check.broken().versionId()).isEqualTo(kims.id());
		assertThat(check.broken().problem()).isEqualTo("CONTENT");
		assertThat(check.broken().found()).isEqualTo(kims.contentHash());
		assertThat(this.history.verifyAll().intact()).isFalse();
		HttpResponse<String> api = get("/api/admin/grading-chain", true);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("\"intact\":false", "\"versionId\":" + kims.id(),
				"\"studentUserId\":" + kim);

		// without admin credentials, as the teacher's launch, or as a student: refused
		assertThat(get("/api/admin/grading-chain", false).statusCode()).isEqualTo(401);
		assertThat(this.teacher.get("/api/admin/grading-chain").statusCode()).isEqualTo(401);
		Session student = this.moodle.launch(this.moodle.student("4", "Sam Student"));
		assertThat(student.get("/api/admin/grading-chain").statusCode()).isEqualTo(401);
		assertThat(student.get("/admin/grading-chain").statusCode()).isIn(302, 401, 403);
		// repair for the other tests in the shared database
		this.jdbc.sql("DELETE FROM grading_version WHERE activity_id = ?").param(this.activityId).update();
	}

	@Test
	void chainCheckOfAnUnknownActivityIsNotFoundInsteadOfIntact() throws Exception {
		HttpResponse<String> api = get("/api/admin/grading-chain?activity=987654321", true);

		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.body()).contains("\"error\":\"unknown-activity\"").doesNotContain("intact");
		assertThat(get("/api/admin/grading-chain?activity=" + this.activityId, true).body())
			.as("an activity without final gradings is known: its empty chain holds").contains("\"intact\":true");
	}

	private HttpResponse<String> get(String path, boolean admin) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (admin) {
			String credentials = AdminBrowser.USER + ":" + AdminBrowser.PASSWORD;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
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
