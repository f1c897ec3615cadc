package nl.werkproces.lti.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.history.ChainCheck;
import nl.werkproces.lti.history.GradingHistory;
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
 * Personal data (AVG) end to end over HTTP: a platform's retention period purges a course once it has passed after
 * the course's last activity (never a grade still on its way); an admin exports one user as a ZIP and erases one
 * user with a reason, after which the grading history chain reports the erased links as erased (and tampering as
 * broken); every page and API is admin-only, tenant-scoped and refuses bad input with a 4xx.
 */
@PlatformServicesTest
class PersonalDataTests {

	/** When {@link TeacherFixture#handIn} hands in: the latest activity of the fixture's course. */
	private static final Instant HANDED_IN = Instant.parse("2027-01-10T10:15:00Z");

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
	RetentionPurge purge;

	@Autowired
	JsonMapper json;

	TeacherFixture moodle;

	TeacherFixture otherSchool;

	Session teacher;

	long activityId;

	@BeforeEach
	void launchTeacher() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = fixture();
		this.otherSchool = fixture();
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.activityId = this.moodle.activityId();
	}

	@AfterEach
	void stopPlatforms() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.worker.deliverDue();
		this.jdbc.sql("UPDATE platform SET retention_months = NULL").update();
		this.moodle.close();
		this.otherSchool.close();
	}

	@Test
	void retentionPurgesACourseOnlyOnceThePeriodHasPassedSinceItsLastActivity() throws Exception {
		long sam = gradedStudent(this.moodle, this.teacher, "4", "Sam Student");
		this.worker.deliverDue();
		long fileId = attach(sam, "verslag.pdf", "%PDF-1.7 verslag".getBytes(StandardCharsets.UTF_8));
		Session otherTeacher = this.otherSchool.launch(this.otherSchool.teacher());
		long otherStudent = gradedStudent(this.otherSchool, otherTeacher, "4", "Sam Student");
		HttpResponse<byte[]> set = setRetention("/api/admin/platforms/" + platformId(this.moodle) + "/retention", "months=6");
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(text(set)).contains("\"retentionMonths\":6");

		// a day before six months after the last hand-in: kept
		this.clock.set(HANDED_IN.atZone(ZoneId.of("Europe/Amsterdam")).plusMonths(6).minusDays(1).toInstant());
		assertThat(this.purge.purgeDue()).isEmpty();
		assertThat(count("submission WHERE user_id = ?", sam)).isEqualTo(1);

		this.clock.set(HANDED_IN.atZone(ZoneId.of("Europe/Amsterdam")).plusMonths(6).plusDays(1).toInstant());
		// a launch in the course since then (lti_context.updated_at) keeps it
		Timestamp launched = Timestamp.from(HANDED_IN.plus(Duration.ofDays(30)));
		this.jdbc.sql("UPDATE lti_context SET updated_at = ? WHERE platform_id = ?")
			.params(launched, platformId(this.moodle))
			.update();
		assertThat(this.purge.purgeDue()).isEmpty();
		this.clock.set(launched.toInstant().atZone(ZoneId.of("Europe/Amsterdam")).plusMonths(6).plusDays(1).toInstant());
		List<CoursePurge.Outcome> outcomes = this.purge.purgeDue();
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.reason()).isEqualTo("RETENTION_EXPIRED");
			assertThat(outcome.platformId()).isEqualTo(platformId(this.moodle));
			assertThat(outcome.counts()).containsEntry("handIns", 1)
				.containsEntry("files", 1)
				.containsEntry("gradings", 1)
				.containsEntry("gradingVersions", 1)
				.containsEntry("outbox", 1);
		});
		assertThat(count("submission WHERE activity_id = ?", this.activityId)).isZero();
		assertThat(count("submission_file WHERE id = ?", fileId)).isZero();
		assertThat(count("grading WHERE activity_id = ?", this.activityId)).isZero();
		assertThat(count("grading_version WHERE activity_id = ?", this.activityId)).isZero();
		assertThat(count("grade_outbox WHERE platform_id = ?", platformId(this.moodle))).isZero();
		assertThat(count("activity WHERE id = ?", this.activityId)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT after_json FROM audit_event WHERE action = 'privacy.retention.purge'"
				+ " AND target LIKE ? ORDER BY id DESC")
			.param("platform " + platformId(this.moodle) + " context %")
			.query(String.class)
			.list()).first().asString().contains("RETENTION_EXPIRED", "\"handIns\":1").doesNotContain("Sam");
		// the other school keeps everything (no period set), and a second run finds nothing
		assertThat(count("submission WHERE user_id = ?", otherStudent)).isEqualTo(1);
		assertThat(count("grading WHERE student_user_id = ?", otherStudent)).isEqualTo(1);
		assertThat(this.purge.purgeDue()).isEmpty();
	}

	@Test
	void retentionKeepsACourseWhoseGradeHasNotReachedMoodleYet() {
		long sam = gradedStudent(this.moodle, this.teacher, "4", "Sam Student");
		this.jdbc.sql("UPDATE platform SET retention_months = 1 WHERE id = ?").param(platformId(this.moodle)).update();
		this.clock.set(HANDED_IN.plus(Duration.ofDays(90)));

		List<CoursePurge.Outcome> outcomes = this.purge.purgeDue();
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.reason()).isEqualTo("RETENTION_OUTBOX_NOT_DELIVERED");
			assertThat(outcome.counts()).containsEntry("undeliveredOutbox", 1);
		});
		assertThat(count("submission WHERE user_id = ?", sam)).isEqualTo(1);
		assertThat(count("grading WHERE student_user_id = ?", sam)).isEqualTo(1);
		assertThat(count("grading_version WHERE student_user_id = ?", sam)).isEqualTo(1);

		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.worker.deliverDue();
		this.clock.set(HANDED_IN.plus(Duration.ofDays(90)));
		assertThat(this.purge.purgeDue()).extracting(CoursePurge.Outcome::reason).containsExactly("RETENTION_EXPIRED");
		assertThat(count("grading WHERE student_user_id = ?", sam)).isZero();
	}

	@Test
	void twoReplicasPurgingAtOnceRemoveACourseOnce() throws Exception {
		long sam = gradedStudent(this.moodle, this.teacher, "4", "Sam Student");
		this.worker.deliverDue();
		this.jdbc.sql("UPDATE platform SET retention_months = 1 WHERE id = ?").param(platformId(this.moodle)).update();
		this.clock.set(HANDED_IN.plus(Duration.ofDays(90)));
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<List<CoursePurge.Outcome>>> runs = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(replicas.submit(() -> {
					start.await();
					return this.purge.purgeDue();
				}));
			}
			List<String> reasons = new java.util.ArrayList<>();
			for (var run : runs) {
				run.get(60, java.util.concurrent.TimeUnit.SECONDS).forEach((outcome) -> reasons.add(outcome.reason()));
			}
			// one purged; the other found the course gone, either under the lock or before it looked
			assertThat(reasons).containsOnlyOnce("RETENTION_EXPIRED").allMatch((reason) -> reason.equals(
					"RETENTION_EXPIRED") || reason.equals("RETENTION_NOTHING_LEFT"));
		}
		finally {
			replicas.shutdownNow();
		}
		assertThat(count("grading WHERE student_user_id = ?", sam)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'privacy.retention.purge'"
				+ " AND target LIKE ?")
			.param("platform " + platformId(this.moodle) + " context %")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void exportHoldsEverythingStoredAboutTheUserAndTheirFiles() throws Exception {
		long sam = gradedStudent(this.moodle, this.teacher, "4", "Sam Student");
		this.worker.deliverDue();
		byte[] pdf = "%PDF-1.7 mijn verslag".getBytes(StandardCharsets.UTF_8);
		attach(sam, "verslag 1.pdf", pdf);

		HttpResponse<byte[]> response = send("GET", "/api/admin/platforms/" + platformId(this.moodle) + "/users/" + sam
				+ "/export", null, true);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type)
			.startsWith("application/zip"));
		Map<String, byte[]> zip = unzip(response.body());
		assertThat(zip).containsKey("persoonsgegevens.json");
		JsonNode data = this.json.readTree(zip.get("persoonsgegevens.json"));
		assertThat(data.get("user").get("subject").asString()).isEqualTo("4");
		assertThat(data.get("user").get("name").asString()).isEqualTo("Sam Student");
		assertThat(data.get("contexts")).hasSize(1);
		assertThat(data.get("launches").get(0).has("csrf_token")).isFalse();
		assertThat(data.get("handIns").get(0).get("text_content").asString()).isEqualTo("Mijn werkproces.");
		String path = data.get("handIns").get(0).get("files").get(0).get("path").asString();
		assertThat(zip.get(path)).isEqualTo(pdf);
		assertThat(data.get("gradings").get(0).get("status").asString()).isEqualTo("FINAL");
		assertThat(data.get("gradingVersions")).hasSize(1);
		assertThat(data.get("outbox").get(0).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'privacy.export' AND target = ?")
			.param("platform " + platformId(this.moodle) + " user " + sam)
			.query(Integer.class)
			.single()).isEqualTo(1);

		// the teacher's export lists the gradings they made
		long terry = this.moodle.userId("3");
		JsonNode teacherData = this.json.readTree(unzip(send("GET", "/api/admin/platforms/" + platformId(this.moodle)
				+ "/users/" + terry + "/export", null, true).body()).get("persoonsgegevens.json"));
		assertThat(teacherData.get("gradingsAsAssessor").get(0).get("student_user_id").asLong()).isEqualTo(sam);

		// the page downloads the same ZIP
		AdminBrowser admin = AdminBrowser.signIn(base());
		String userPage = "/admin/privacy/platforms/" + platformId(this.moodle) + "/users/" + sam;
		assertThat(admin.get(userPage).body()).contains("Sam Student", "Alles downloaden (ZIP)",
				"blijven in Moodle");
		assertThat(admin.get(userPage + "/export").headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((header) -> assertThat(header).contains(".zip"));
		assertThat(admin.get("/admin/privacy?platform=" + platformId(this.moodle) + "&q=sam").body())
			.contains(userPage);
	}

	@Test
	void erasureRemovesTheUserAndTheChainReportsTheirVersionsAsErased() throws Exception {
		long sam = gradedStudent(this.moodle, this.teacher, "4", "Sam Student");
		long kim = gradedStudent(this.moodle, this.teacher, "5", "Kim Student");
		this.worker.deliverDue();
		attach(sam, "verslag.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
		long samsVersion = versionId(sam);

		HttpResponse<byte[]> response = send("POST", "/api/admin/platforms/" + platformId(this.moodle) + "/users/"
				+ sam + "/erasure", "reason=" + enc("Verzoek van de student, mail 2 december"), true);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(text(response)).contains("\"handIns\":1", "\"files\":1", "\"gradings\":1",
				"\"gradingVersionsErased\":1", "\"outboxDelivered\":1");

		assertThat(count("lti_user WHERE id = ?", sam)).isZero();
		assertThat(count("submission WHERE user_id = ?", sam)).isZero();
		assertThat(count("grading WHERE student_user_id = ?", sam)).isZero();
		assertThat(count("launch_session WHERE user_id = ?", sam)).isZero();
		assertThat(count("grade_outbox WHERE platform_id = ? AND user_sub = '4'", platformId(this.moodle))).isZero();
		assertThat(this.jdbc.sql("SELECT levels, remarks, cijfer FROM grading_version WHERE id = ?")
			.param(samsVersion)
			.query((rs, row) -> rs.getString(1) + rs.getString(2) + rs.getObject(3))
			.single()).isEqualTo("{}{}null");
		// Kim is untouched
		assertThat(count("grading WHERE student_user_id = ?", kim)).isEqualTo(1);
		assertThat(count("submission WHERE user_id = ?", kim)).isEqualTo(1);

		ChainCheck check = this.history.verifyActivity(this.activityId);
		assertThat(check.intact()).isTrue();
		assertThat(check.versionsChecked()).isEqualTo(2);
		assertThat(check.erased()).singleElement().satisfies((erased) -> assertThat(erased.versionId())
			.isEqualTo(samsVersion));
		assertThat(text(send("GET", "/api/admin/grading-chain?activity=" + this.activityId, null, true)))
			.contains("\"intact\":true", "gewist op ", " (AVG)");
		assertThat(AdminBrowser.signIn(base()).get("/admin/grading-chain?activity=" + this.activityId).body())
			.contains("gewist op ", "(AVG)", "De keten is in orde");

		// the audit log keeps who, why and how many; not the erased data
		String audit = this.jdbc.sql("SELECT CONCAT(actor, ' ', target, ' ', after_json) FROM audit_event"
				+ " WHERE action = 'privacy.erase' ORDER BY id DESC")
			.query(String.class)
			.list()
			.get(0);
		assertThat(audit).contains(AdminBrowser.USER, "user " + sam, "Verzoek van de student", "\"handIns\":1")
			.doesNotContain("Sam Student", "Mijn werkproces");
		// erased once: a second erasure of the same id finds nobody
		assertThat(send("POST", "/api/admin/platforms/" + platformId(this.moodle) + "/users/" + sam + "/erasure",
				"reason=nogmaals", true).statusCode()).isEqualTo(404);
	}

	@Test
	void tamperingNeverPassesAsAnErasure() throws Exception {
		long sam = gradedStudent(this.moodle, this.teacher, "4", "Sam Student");
		long kim = gradedStudent(this.moodle, this.teacher, "5", "Kim Student");
		long lee = gradedStudent(this.moodle, this.teacher, "6", "Lee Student");
		long samsVersion = versionId(sam);
		long kimsVersion = versionId(kim);
		assertThat(send("POST", "/api/admin/platforms/" + platformId(this.moodle) + "/users/" + sam + "/erasure",
				"reason=verzoek", true).statusCode()).isEqualTo(200);
		long erasure = this.jdbc.sql("SELECT erasure_id FROM grading_version WHERE id = ?")
			.param(samsVersion)
			.query(Long.class)
			.single();

		// marking Kim's altered version as erased by Sam's erasure: broken, not erased
		this.jdbc.sql("UPDATE grading_version SET cijfer = 9.9, erasure_id = ? WHERE id = ?")
			.params(erasure, kimsVersion)
			.update();
		ChainCheck check = this.history.verifyActivity(this.activityId);
		assertThat(check.intact()).isFalse();
		assertThat(check.broken().problem()).isEqualTo("ERASURE");
		assertThat(check.broken().versionId()).isIn(samsVersion, kimsVersion);
		this.jdbc.sql("UPDATE grading_version SET erasure_id = NULL WHERE id = ?").param(kimsVersion).update();
		assertThat(this.history.verifyActivity(this.activityId).broken().problem()).isEqualTo("CONTENT");

		// a chain that is broken already: erasing Lee (whose version follows) is refused, nothing erased
		HttpResponse<byte[]> refused = send("POST", "/api/admin/platforms/" + platformId(this.moodle) + "/users/"
				+ lee + "/erasure", "reason=verzoek", true);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(text(refused)).contains("ERASURE_CHAIN_BROKEN");
		assertThat(count("lti_user WHERE id = ?", lee)).isEqualTo(1);
		assertThat(count("grading WHERE student_user_id = ?", lee)).isEqualTo(1);
		assertThat(count("erasure WHERE user_id = ?", lee)).isZero();

		// an erased version whose stored hash is changed: broken
		this.jdbc.sql("UPDATE grading_version SET content_hash = ? WHERE id = ?")
			.params("f".repeat(64), samsVersion)
			.update();
		ChainCheck altered = this.history.verifyActivity(this.activityId);
		assertThat(altered.broken().versionId()).isEqualTo(samsVersion);
		assertThat(altered.broken().problem()).isEqualTo("ERASURE");
		this.jdbc.sql("DELETE FROM grading_version WHERE activity_id = ?").param(this.activityId).update();
	}

	@Test
	void onlyTheToolAdminMayExportEraseOrSetRetentionAndOnlyWithinThePlatform() throws Exception {
		long sam = gradedStudent(this.moodle, this.teacher, "4", "Sam Student");
		long otherPlatform = platformId(this.otherSchool);
		String api = "/api/admin/platforms/" + platformId(this.moodle) + "/users/" + sam;
		String page = "/admin/privacy/platforms/" + platformId(this.moodle) + "/users/" + sam;
		Session student = this.moodle.launch(this.moodle.student("4", "Sam Student"));

		// anonymous, the teacher's launch, the student's launch: refused
		assertThat(send("GET", api + "/export", null, false).statusCode()).isEqualTo(401);
		assertThat(send("POST", api + "/erasure", "reason=x", false).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/admin/platforms/" + platformId(this.moodle) + "/retention", "months=1", false)
			.statusCode()).isEqualTo(401);
		for (Session launch : List.of(this.teacher, student)) {
			assertThat(launch.get(api + "/export").statusCode()).isEqualTo(401);
			assertThat(launch.get(page).statusCode()).isIn(302, 401, 403);
			assertThat(launch.post(page + "/erase", Map.of("reason", "x")).statusCode()).isIn(302, 401, 403);
			assertThat(launch.post("/admin/platforms/" + platformId(this.moodle) + "/retention", Map.of("months", "1"))
				.statusCode()).isIn(302, 401, 403);
		}
		HttpResponse<String> anonymousPage = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + page)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymousPage.statusCode()).isEqualTo(302);

		// the user id under another platform: 404, nothing erased
		String wrongPlatform = "/api/admin/platforms/" + otherPlatform + "/users/" + sam;
		assertThat(send("GET", wrongPlatform + "/export", null, true).statusCode()).isEqualTo(404);
		assertThat(send("POST", wrongPlatform + "/erasure", "reason=verzoek", true).statusCode()).isEqualTo(404);
		AdminBrowser admin = AdminBrowser.signIn(base());
		String wrongPage = "/admin/privacy/platforms/" + otherPlatform + "/users/" + sam;
		assertThat(admin.get(wrongPage).statusCode()).isEqualTo(404);
		assertThat(admin.submit(page, wrongPage + "/erase", Map.of("reason", "verzoek")).statusCode()).isEqualTo(404);
		assertThat(count("lti_user WHERE id = ?", sam)).isEqualTo(1);

		// a form post without the CSRF token: refused, nothing erased
		assertThat(admin.postAsIs(page + "/erase", Map.of("reason", "verzoek")).statusCode()).isEqualTo(403);
		assertThat(admin.postAsIs("/admin/platforms/" + platformId(this.moodle) + "/retention", Map.of("months", "1"))
			.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM erasure WHERE user_id = ?").param(sam).query(Integer.class)
			.single()).isZero();

		// bad input: 4xx with a reason, never 5xx, nothing erased
		assertThat(send("POST", api + "/erasure", "reason=+++", true).statusCode()).isEqualTo(400);
		assertThat(text(send("POST", api + "/erasure", "", true))).contains("ERASURE_REASON_INVALID");
		assertThat(send("POST", api + "/erasure", "reason=" + "x".repeat(1001), true).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/admin/platforms/" + platformId(this.moodle) + "/users/abc/export", null, true)
			.statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/admin/platforms/99999999/users/" + sam + "/export", null, true).statusCode())
			.isEqualTo(404);
		assertThat(send("GET", "/api/admin/platforms/" + platformId(this.moodle) + "/users", null, true).statusCode())
			.isEqualTo(400);
		for (String form : List.of("months=abc", "months=0", "months=1201", "months=-3", "months=99999999999", "")) {
			HttpResponse<byte[]> bad = setRetention("/api/admin/platforms/" + platformId(this.moodle) + "/retention", form);
			assertThat(bad.statusCode()).as(form).isEqualTo(400);
			assertThat(text(bad)).contains("RETENTION_MONTHS_INVALID");
		}
		HttpResponse<String> badForm = admin.submit("/admin/platforms/" + platformId(this.moodle),
				"/admin/platforms/" + platformId(this.moodle) + "/retention", Map.of("months", "zes"));
		assertThat(badForm.statusCode()).isEqualTo(400);
		assertThat(badForm.body()).contains("Vul een heel aantal maanden in");
		HttpResponse<String> badErase = admin.submit(page, page + "/erase", Map.of("reason", "  "));
		assertThat(badErase.statusCode()).isEqualTo(400);
		assertThat(badErase.body()).contains("Er is niets gewist");
		assertThat(count("lti_user WHERE id = ?", sam)).isEqualTo(1);
		assertThat(count("grading WHERE student_user_id = ?", sam)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT retention_months FROM platform WHERE id = ?")
			.param(platformId(this.moodle))
			.query(Integer.class)
			.optional()).isEmpty();
	}

	@Test
	void theAdminSetsTheRetentionPeriodOnThePlatformPageAndErasesThroughThePage() throws Exception {
		long sam = gradedStudent(this.moodle, this.teacher, "4", "Sam Student");
		AdminBrowser admin = AdminBrowser.signIn(base());
		String platformPage = "/admin/platforms/" + platformId(this.moodle);
		assertThat(admin.get(platformPage).body()).contains("Alles blijft bewaard");
		assertThat(admin.submit(platformPage, platformPage + "/retention", Map.of("months", "84")).statusCode())
			.isEqualTo(302);
		assertThat(admin.get(platformPage + "?retention").body()).contains("Bewaren tot 84 maand(en)",
				"De bewaartermijn is opgeslagen.");
		assertThat(text(send("GET", "/api/admin/platforms/" + platformId(this.moodle) + "/retention", null, true)))
			.contains("\"retentionMonths\":84");
		assertThat(setRetention("/api/admin/platforms/" + platformId(this.moodle) + "/retention", "months=").statusCode())
			.isEqualTo(200);
		assertThat(admin.get(platformPage).body()).contains("Alles blijft bewaard");

		String page = "/admin/privacy/platforms/" + platformId(this.moodle) + "/users/" + sam;
		HttpResponse<String> erased = admin.submit(page, page + "/erase", Map.of("reason", "verzoek van de student"));
		assertThat(erased.statusCode()).isEqualTo(200);
		assertThat(erased.body()).contains("Gebruiker gewist", "Inleveringen: 1", "blijven in Moodle");
		assertThat(count("lti_user WHERE id = ?", sam)).isZero();
		assertThat(admin.get(page).statusCode()).isEqualTo(404);
	}

	private TeacherFixture fixture() {
		return new TeacherFixture(base(), this.registrations, this.activities, this.catalog, this.jdbc, this.sessions,
				GradeMode.CIJFER);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	/** A student who launched, handed in and got a final grading (queued for Moodle, not delivered). */
	private long gradedStudent(TeacherFixture platform, Session teacher, String sub, String name) {
		platform.launch(platform.student(sub, name));
		long id = platform.userId(sub);
		platform.handIn(platform.activityId(), id, "Mijn werkproces.", false);
		int[] levels = new int[keys(platform.activityId()).size()];
		Arrays.fill(levels, 2);
		assertThat(teacher.post("/app/teacher/students/" + id + "/finalize",
				TeacherFixture.levels(keys(platform.activityId()), levels)).statusCode()).isEqualTo(302);
		return id;
	}

	private List<String> keys(long activityId) {
		return this.rubricVersions
			.template(this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?")
				.param(activityId)
				.query(Long.class)
				.single(), "B1-K2-W2", TeacherFixture.PROFIEL)
			.criteria()
			.stream()
			.map(Criterion::key)
			.toList();
	}

	private long attach(long userId, String filename, byte[] content) throws Exception {
		long submission = this.jdbc.sql("SELECT id FROM submission WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		this.jdbc.sql("""
				INSERT INTO submission_file (submission_id, filename, content_type, size_bytes, sha256, content, created_at)
				VALUES (?, ?, 'application/pdf', ?, ?, ?, ?)""")
			.params(submission, filename, content.length, sha, content, Timestamp.from(HANDED_IN))
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM submission_file WHERE submission_id = ?")
			.param(submission)
			.query(Long.class)
			.single();
	}

	private long versionId(long studentUserId) {
		return this.jdbc.sql("SELECT id FROM grading_version WHERE student_user_id = ?")
			.param(studentUserId)
			.query(Long.class)
			.single();
	}

	private long platformId(TeacherFixture fixture) {
		return this.jdbc.sql("SELECT platform_id FROM activity WHERE id = ?")
			.param(fixture.activityId())
			.query(Long.class)
			.single();
	}

	private int count(String fromWhere, Object... params) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + fromWhere).params(params).query(Integer.class).single();
	}

	private HttpResponse<byte[]> setRetention(String path, String form) throws Exception {
		return send("POST", path, form, true);
	}

	private HttpResponse<byte[]> send(String method, String path, String form, boolean admin) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.method(method, (form != null) ? HttpRequest.BodyPublishers.ofString(form)
					: HttpRequest.BodyPublishers.noBody());
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		if (admin) {
			String credentials = AdminBrowser.USER + ":" + AdminBrowser.PASSWORD;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
