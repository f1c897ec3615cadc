package nl.werkproces.lti.evidence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.history.GradingVersion;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.storage.Sha256;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.TestLaunches;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student's examendossier over real HTTP: per activity of the course the form, receipt and hand-in; the grading
 * history readable and as JSON; refused for a teacher of another course, for a tool admin only through the admin
 * API.
 */
@PlatformServicesTest
class ExamendossierTests {

	static final byte[] REPORT = "Verslag: het netwerk is opgeleverd.".getBytes(StandardCharsets.UTF_8);

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
	JsonMapper json;

	TeacherFixture moodle;

	Session teacher;

	GradedClass graded;

	long activityId;

	long sukru;

	@BeforeEach
	void gradedStudentWithASecondActivity() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.activityId = this.moodle.activityId();
		this.graded = new GradedClass(this.moodle, this.jdbc, this.rubricVersions);
		this.sukru = this.graded.student("60", FilledInFormTests.NAME, "Şükrü", "Yılmaz");
		long submission = this.moodle.handIn(this.activityId, this.sukru, "Zie bijlage.", false);
		this.moodle.attach(submission, "verslag (def).pdf", REPORT);
		this.graded.finalize(this.teacher, this.sukru, 2, FilledInFormTests.GREEK, null);
		this.teacher.post("/app/teacher/students/" + this.sukru + "/reopen", Map.of());
		this.clock.set(this.clock.instant().plusSeconds(60));
		this.graded.finalize(this.teacher, this.sukru, 3, FilledInFormTests.GREEK, null);
	}

	@AfterEach
	void stopPlatform() {
		this.worker.deliverDue();
		this.moodle.close();
	}

	@Test
	void examendossierHoldsEachActivitysFormReceiptAndHandInAndTheHistory() throws Exception {
		// a second activity of the same course, the student handed in text only and is not graded yet
		this.moodle.launch(inLink(this.moodle.teacher(), "2", "Tweede opdracht", "2"));
		this.moodle.launch(inLink(this.moodle.student("60", FilledInFormTests.NAME)
			.with("given_name", "Şükrü")
			.with("family_name", "Yılmaz"), "2", "Tweede opdracht", "2"));
		long second = activityOfLink("2");
		this.moodle.handIn(second, this.sukru, "Mijn tweede werk", true);
		assertThat(this.teacher.get("/app/teacher/students/" + this.sukru).body())
			.contains("Examendossier van deze student (ZIP)");

		HttpResponse<byte[]> response = this.teacher.browser()
			.getBytes("/app/teacher/students/" + this.sukru + "/examendossier.zip");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("examendossier_", "_Sukru_" + this.sukru + ".zip");
		Map<String, byte[]> entries = EvidenceTestSupport.entries(response.body());
		String first = "01_B1-K2-W2_Werkproces_B1-K1-W1/";
		String other = "02_B1-K2-W2_Tweede_opdracht/";
		assertThat(entries.keySet()).containsExactly(first + "beoordelingsformulier.pdf", first + "ontvangstbewijs.txt",
				first + "inlevering/tekst.txt", first + "inlevering/verslag_def.pdf", other + "ontvangstbewijs.txt",
				other + "inlevering/tekst.txt", "geschiedenis.html", "geschiedenis.json");
		assertThat(entries.get(first + "inlevering/verslag_def.pdf")).isEqualTo(REPORT);
		assertThat(EvidenceTestSupport.text(entries.get(first + "beoordelingsformulier.pdf")))
			.contains(FilledInFormTests.NAME, FilledInFormTests.GREEK, "versie 2 van deze beoordeling");
		assertThat(new String(entries.get(first + "ontvangstbewijs.txt"), StandardCharsets.UTF_8))
			.contains(FilledInFormTests.NAME, "verslag (def).pdf", Sha256.hex(REPORT), "op tijd");
		assertThat(new String(entries.get(other + "ontvangstbewijs.txt"), StandardCharsets.UTF_8)).contains("te laat");
		assertThat(new String(entries.get("geschiedenis.html"), StandardCharsets.UTF_8))
			.contains(FilledInFormTests.NAME, "Tweede opdracht", "Nog geen definitieve beoordelingen.", "Terry Teacher");

		List<GradingVersion> versions = this.history.versionsOf(this.activityId, this.sukru);
		JsonNode document = this.json.readTree(entries.get("geschiedenis.json"));
		assertThat(document.get("student").get("name").asString()).isEqualTo(FilledInFormTests.NAME);
		JsonNode graded = document.get("activities").get(0);
		assertThat(graded.get("gradingStatus").asString()).isEqualTo("FINAL");
		assertThat(graded.get("versions")).hasSize(2);
		assertThat(graded.get("versions").get(1).get("contentHash").asString())
			.isEqualTo(versions.get(1).contentHash());
		assertThat(graded.get("versions").get(1).get("previousHash").asString())
			.isEqualTo(versions.get(0).contentHash());
		assertThat(graded.get("handIn").get("files").get(0).get("sha256").asString()).isEqualTo(Sha256.hex(REPORT));
		assertThat(document.get("activities").get(1).get("versions")).isEmpty();
	}

	@Test
	void teacherOfAnotherCourseCannotReachTheStudent() {
		Session elsewhere = this.moodle.launch(inLink(this.moodle.teacher(), "77", "Andere cursus", "77"));
		for (String path : List.of("/app/teacher/students/" + this.sukru + "/examendossier.zip",
				"/app/teacher/students/" + this.sukru + "/beoordelingsformulier.pdf",
				"/app/teacher/students/" + this.sukru + "/beoordelingsformulier")) {
			assertThat(elsewhere.get(path).statusCode()).as(path).isEqualTo(404);
		}
		elsewhere.browser().header("Accept", "text/html");
		assertThat(elsewhere.get("/app/teacher/students/" + this.sukru + "/examendossier.zip").body())
			.contains("Van deze student is hier niets ingeleverd of beoordeeld");
		HttpResponse<byte[]> zip = elsewhere.browser().getBytes("/app/teacher/beoordelingsformulieren.zip");
		assertThat(zip.statusCode()).as("nothing final in their own course's activity").isEqualTo(409);
	}

	@Test
	void toolAdminExportsTheExamendossierThroughTheAdminApiOnly() throws Exception {
		long platformId = this.jdbc.sql("SELECT platform_id FROM activity WHERE id = ?")
			.param(this.activityId)
			.query(Long.class)
			.single();
		String path = "/api/admin/platforms/" + platformId + "/users/" + this.sukru + "/examendossier.zip";
		HttpResponse<byte[]> exported = admin(path, true);
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(EvidenceTestSupport.entries(exported.body()).keySet()).contains("geschiedenis.json",
				"01_B1-K2-W2_Werkproces_B1-K1-W1/beoordelingsformulier.pdf");
		assertThat(admin(path, false).statusCode()).isEqualTo(401);
		assertThat(this.teacher.browser().getBytes(path).statusCode()).as("a launch is no admin").isEqualTo(401);
		assertThat(admin("/api/admin/platforms/" + (platformId + 1000) + "/users/" + this.sukru + "/examendossier.zip",
				true).statusCode()).as("the user of another platform").isEqualTo(404);
	}

	private HttpResponse<byte[]> admin(String path, boolean credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (credentials) {
			String basic = AdminBrowser.USER + ":" + AdminBrowser.PASSWORD;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The launch, into another resource link (a copy of the activity in Moodle) of the given course. */
	private static TestLaunches inLink(TestLaunches launch, String linkId, String title, String courseId) {
		return launch.with(LtiClaims.RESOURCE_LINK, Map.of("id", linkId, "title", title))
			.with(LtiClaims.CONTEXT, Map.of("id", courseId, "label", "K" + courseId, "title", "Cursus " + courseId, "type",
					List.of("CourseSection")));
	}

	private long activityOfLink(String linkId) {
		return this.jdbc.sql("""
				SELECT a.id FROM activity a JOIN resource_link rl ON rl.id = a.resource_link_id
				WHERE rl.link_key = ? AND a.platform_id = (SELECT platform_id FROM activity WHERE id = ?)""")
			.params(linkId, this.activityId)
			.query(Long.class)
			.single();
	}

}
