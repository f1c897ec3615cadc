package nl.werkproces.lti.grading;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;
import nl.werkproces.lti.testing.SimulatedServices.RecordedRequest;
import nl.werkproces.lti.testing.SimulatedServices.StoredScore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teacher's side over real HTTP against a simulated Moodle: roster, grading with the rubric, the grade in the
 * gradebook, second assessor, delivery failures, and who may see what.
 */
@PlatformServicesTest
class TeacherGradingTests {

	static final String COMMENT = "B1-K2-W2 (Netwerk- en mediabeheerder): voldoende, 19/27 punten (cesuur 18), cijfer 6,0";

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

	Session teacher;

	long activityId;

	@BeforeEach
	void launchTeacher() {
		// the shared context's clock stands still; launches are signed with the real time
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = fixture(GradeMode.CIJFER);
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.activityId = this.moodle.activityId();
	}

	@AfterEach
	void stopPlatform() {
		this.moodle.close();
	}

	@Test
	void rosterMergesEveryNamesAndRolesPageWithLaunchedAndHandedInStudents() {
		this.moodle.services.addMember("6", "Kim", "Klaar", "Learner");
		Session teacher = this.moodle.launch(this.moodle.teacher()
			.with(LtiClaims.NRPS, Map.of("context_memberships_url", this.moodle.services.membershipsUrl() + "?limit=2",
					"service_versions", List.of("2.0"))));
		this.moodle.launch(this.moodle.student("7", "Noor Nieuw"));
		long late = this.moodle.insertUser("8", "Lotte Laat");
		this.moodle.handIn(this.activityId, late, "Mijn verslag", true);
		long sam = studentWithHandIn();

		String page = teacher.get("/app/teacher").body();

		assertThat(this.moodle.services.requests(Endpoint.MEMBERSHIPS)).hasSize(2);
		assertThat(page).contains("B1-K2-W2").contains("Rubric bekijken")
			.contains("Alex Learner").contains("Kim Klaar").contains("Noor Nieuw").contains("Lotte Laat")
			.contains("Sam Student");
		assertThat(page.substring(page.indexOf("<main"))).as("staff are not listed as students")
			.doesNotContain("Terry Teacher");
		assertThat(page).contains("2 van 5 ingeleverd, 0 beoordeeld")
			.contains("inleveren uiterlijk 16 januari 2027 00:00 (Midden-Europese tijd)");
		assertThat(page)
			.contains("ingeleverd op 10 januari 2027 11:15 (Midden-Europese tijd)").contains("te laat").contains("niet ingeleverd")
			.contains("(heeft de activiteit nog niet geopend)")
			.contains("/app/teacher/students/" + sam);
		String toGrade = teacher.get("/app/teacher?filter=TO_GRADE").body();
		assertThat(toGrade).contains("Sam Student").contains("Lotte Laat").doesNotContain("Kim Klaar");
		assertThat(teacher.get("/app/teacher?filter=NOT_HANDED_IN").body()).contains("Kim Klaar")
			.doesNotContain("Lotte Laat");
	}

	@Test
	void teacherPagesSpeakEnglishWhenTheLaunchAsks() {
		long sam = studentWithHandIn();
		Session english = this.moodle.launch(this.moodle.teacher().inEnglish());
		assertThat(english.get("/app/teacher").body()).contains("Participants").contains("handed in at")
			.contains("View rubric");
		assertThat(english.get("/app/teacher/students/" + sam).body()).contains("Handed-in work").contains("Finalize")
			.contains("2 sufficient")
			.doesNotContain("2 voldoende");
	}

	@Test
	void rosterWithoutNamesAndRolesStillShowsKnownStudentsWithNotice() {
		studentWithHandIn();
		this.moodle.services.failNext(Endpoint.MEMBERSHIPS, 500, 1);
		String page = this.teacher.get("/app/teacher").body();
		assertThat(page).contains("Sam Student").contains("kon niet worden opgehaald").doesNotContain("Alex Learner");
	}

	@Test
	void draftThenFinalizeDeliversTheCijferToTheGradebook() throws Exception {
		long sam = studentWithHandIn();
		Map<String, String> form = TeacherFixture.levels(keys(), scores());
		form.put("remark." + keys().get(0), "Netjes gedocumenteerd");
		form.put("overallRemark", "Goed gewerkt");

		HttpResponse<String> draft = this.teacher.post("/app/teacher/students/" + sam + "/draft", form);
		assertThat(draft.statusCode()).isEqualTo(302);
		assertThat(this.teacher.get("/app/teacher").body()).contains("concept");
		assertThat(status(sam)).isEqualTo("DRAFT");

		HttpResponse<String> finalized = this.teacher.post("/app/teacher/students/" + sam + "/finalize", form);
		assertThat(finalized.statusCode()).isEqualTo(302);
		assertThat(status(sam)).isEqualTo("FINAL");
		assertThat(this.worker.deliverDue()).isEqualTo(1);

		StoredScore score = this.moodle.services.score(2, "4");
		assertThat(score.scoreGiven()).isEqualTo(6.0);
		assertThat(score.scoreMaximum()).isEqualTo(10.0);
		List<Criterion> criteria = rubric().criteria();
		assertThat(score.comment()).as("summary, overall remark, then every criterion with level and remark")
			.startsWith(COMMENT + "\n\nAlgemene opmerking: Goed gewerkt\n\n1. " + criteria.get(0).text() + " — "
					+ scores()[0] + " ")
			.contains(". Opmerking: Netjes gedocumenteerd\n2. " + criteria.get(1).text())
			.contains("\n9. " + criteria.get(8).text() + " — " + scores()[8] + " ")
			.doesNotContain(keys().get(0));
		RecordedRequest posted = this.moodle.services.requests(Endpoint.SCORES).get(0);
		Map<?, ?> body = JsonMapper.builder().build().readValue(posted.body(), Map.class);
		assertThat(body.get("userId")).isEqualTo("4");
		assertThat(body.get("gradingProgress")).isEqualTo("FullyGraded");
		assertThat(body.get("activityProgress")).isEqualTo("Completed");
		String roster = this.teacher.get("/app/teacher").body();
		assertThat(roster).contains("definitief: voldoende, cijfer 6,0").contains("in de cijferlijst sinds ");
		String screen = this.teacher.get("/app/teacher/students/" + sam).body();
		assertThat(screen).contains("Netjes gedocumenteerd").contains("Goed gewerkt").contains("Mijn werkproces");
	}

	@Test
	void memberWhoNeverOpenedTheActivityIsGradedAndTheScoreGoesToTheirNamesAndRolesUserId() throws Exception {
		String roster = this.teacher.get("/app/teacher").body();
		assertThat(roster).contains("Alex Learner").contains("name=\"member\" value=\"5\"")
			.contains("Beoordelen zonder inlevering");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM lti_user WHERE platform_id = ? AND subject = '5'")
			.param(this.moodle.platform.id())
			.query(Long.class)
			.single()).as("Alex never launched").isZero();

		HttpResponse<String> started = this.teacher.post("/app/teacher/members/grade", Map.of("member", "5"));
		assertThat(started.statusCode()).isEqualTo(302);
		long alex = this.moodle.userId("5");
		assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/app/teacher/students/" + alex);
		assertThat(this.teacher.get("/app/teacher/students/" + alex).body()).contains("Alex Learner");
		assertThat(this.teacher.post("/app/teacher/students/" + alex + "/finalize",
				TeacherFixture.levels(keys(), scores())).statusCode()).isEqualTo(302);
		assertThat(this.worker.deliverDue()).isEqualTo(1);

		Map<?, ?> body = JsonMapper.builder().build()
			.readValue(this.moodle.services.requests(Endpoint.SCORES).get(0).body(), Map.class);
		assertThat(body.get("userId")).as("AGS userId is the NRPS user_id").isEqualTo("5");
		assertThat(this.moodle.services.score(2, "5").scoreGiven()).isEqualTo(6.0);
		assertThat(this.teacher.get("/app/teacher").body()).contains("definitief: voldoende, cijfer 6,0")
			.doesNotContain("name=\"member\" value=\"5\"");
	}

	@Test
	void gradingSomeoneWhoIsNotALearnerOfTheCourseIsNotFound() {
		assertThat(this.teacher.post("/app/teacher/members/grade", Map.of("member", "3")).statusCode())
			.as("Terry is an instructor").isEqualTo(404);
		assertThat(this.teacher.post("/app/teacher/members/grade", Map.of("member", "99")).statusCode())
			.isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM lti_user WHERE platform_id = ? AND subject = '99'")
			.param(this.moodle.platform.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM grading WHERE activity_id = ?")
			.param(this.activityId)
			.query(Long.class)
			.single()).as("no grading started").isZero();
	}

	@Test
	void pointsWithoutALineItemInTheLaunchGoToTheColumnFoundOrCreatedByWerkprocesCode() {
		this.moodle.close();
		this.moodle = fixture(GradeMode.POINTS);
		Session teacher = this.moodle.launch(this.moodle.teacher()
			.with(LtiClaims.AGS_ENDPOINT, Map.of("scope",
					List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
							"https://purl.imsglobal.org/spec/lti-ags/scope/score"),
					"lineitems", this.moodle.services.lineItemsUrl())));
		this.activityId = this.moodle.activityId();
		long sam = studentWithHandIn();
		assertThat(teacher.post("/app/teacher/students/" + sam + "/finalize", TeacherFixture.levels(keys(), scores()))
			.statusCode()).isEqualTo(302);
		assertThat(this.worker.deliverDue()).isEqualTo(1);
		Map<String, Object> created = this.moodle.services.lineItems()
			.stream()
			.filter((item) -> "B1-K2-W2".equals(item.get("resourceId")))
			.findFirst()
			.orElseThrow();
		assertThat(created.get("scoreMaximum")).isEqualTo(27.0);
		StoredScore score = this.moodle.services.score(3, "4");
		assertThat(score.scoreGiven()).isEqualTo(19.0);
		assertThat(score.scoreMaximum()).isEqualTo(27.0);
		assertThat(teacher.get("/app/teacher").body()).contains("in de cijferlijst sinds ");
	}

	@Test
	void handInIsReportedAsSubmittedWithoutAMaximumAndTheRosterSaysSo() throws Exception {
		Session sam = this.moodle.launch(this.moodle.student("4", "Sam Student"));
		assertThat(sam.post("/app/student/submission", Map.of("text", "Mijn werkproces")).statusCode()).isEqualTo(302);
		String queued = this.teacher.get("/app/teacher").body();
		assertThat(queued).contains("inlevering wordt aan de cijferlijst gemeld").doesNotContain("mislukt");
		assertThat(this.worker.deliverDue()).isEqualTo(1);

		Map<?, ?> body = JsonMapper.builder().build()
			.readValue(this.moodle.services.requests(Endpoint.SCORES).get(0).body(), Map.class);
		assertThat(body.get("activityProgress")).isEqualTo("Submitted");
		assertThat(body.get("gradingProgress")).isEqualTo("PendingManual");
		assertThat(body.containsKey("scoreGiven") || body.containsKey("scoreMaximum"))
			.as("no score and no maximum (AGS: scoreMaximum only with scoreGiven): " + body).isFalse();
		assertThat(this.teacher.get("/app/teacher").body()).contains("ingeleverd gemeld (nog geen cijfer)");
		assertThat(this.moodle.launch(this.moodle.teacher().inEnglish()).get("/app/teacher").body())
			.contains("hand-in reported (no grade yet)");
	}

	@Test
	void reopenedGradingSaysWhichGradeTheGradebookStillShows() {
		long sam = studentWithHandIn();
		this.teacher.post("/app/teacher/students/" + sam + "/finalize", TeacherFixture.levels(keys(), scores()));
		assertThat(this.teacher.get("/app/teacher").body()).contains("cijfer klaargezet, wordt verstuurd");
		this.worker.deliverDue();
		this.teacher.post("/app/teacher/students/" + sam + "/reopen", Map.of());
		assertThat(this.teacher.get("/app/teacher").body()).contains("heropend — de cijferlijst toont nog 6,0");
		assertThat(this.moodle.launch(this.moodle.teacher().inEnglish()).get("/app/teacher").body())
			.contains("reopened — the gradebook still shows 6.0");
	}

	@Test
	void reopenedAndFinalizedAgainSendsANewerGrade() {
		long sam = studentWithHandIn();
		this.teacher.post("/app/teacher/students/" + sam + "/finalize", TeacherFixture.levels(keys(), scores()));
		this.worker.deliverDue();
		assertThat(this.teacher.post("/app/teacher/students/" + sam + "/draft", TeacherFixture.levels(keys(), scores()))
			.statusCode()).isEqualTo(409);
		assertThat(this.teacher.post("/app/teacher/students/" + sam + "/reopen", Map.of()).statusCode()).isEqualTo(302);
		int[] better = new int[keys().size()];
		java.util.Arrays.fill(better, 3);
		this.teacher.post("/app/teacher/students/" + sam + "/finalize", TeacherFixture.levels(keys(), better));
		assertThat(this.worker.deliverDue()).isEqualTo(1);
		assertThat(this.moodle.services.score(2, "4").scoreGiven()).isEqualTo(10.0);
		assertThat(this.moodle.services.requests(Endpoint.SCORES)).hasSize(2);
	}

	@Test
	void finalizeWithAMissingLevelIsRefusedWith400() {
		long sam = studentWithHandIn();
		Map<String, String> form = TeacherFixture.levels(keys(), scores());
		form.remove("level." + keys().get(3));
		HttpResponse<String> response = this.teacher.post("/app/teacher/students/" + sam + "/finalize", form);
		assertThat(response.statusCode()).isEqualTo(400);
		String error = response.body().substring(response.body().indexOf("id=\"error\""));
		error = error.substring(0, error.indexOf("</p>"));
		assertThat(error).as("the criterion by number and text, not its key")
			.contains("Kies bij elk criterium een niveau")
			.contains("4. " + org.springframework.web.util.HtmlUtils.htmlEscape(rubric().criteria().get(3).text()))
			.doesNotContain(keys().get(3));
		assertThat(response.body()).containsPattern("value=\"3\"\\s+checked");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM grading WHERE activity_id = ? AND status <> 'DRAFT'")
			.param(this.activityId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.worker.deliverDue()).isZero();
	}

	@Test
	void secondAssessorMustBeAnotherInstructor() {
		long sam = studentWithHandIn();
		this.teacher.post("/app/teacher/settings", Map.of("secondAssessor", "on"));
		HttpResponse<String> offered = this.teacher.post("/app/teacher/students/" + sam + "/finalize",
				TeacherFixture.levels(keys(), scores()));
		assertThat(status(sam)).isEqualTo("AWAITING_CONFIRMATION");
		String waiting = this.teacher.get(offered.headers().firstValue("Location").orElseThrow()).body();
		assertThat(waiting).as("offered for confirmation is not finished")
			.contains("Ter bevestiging aangeboden: de beoordeling wacht nu op de tweede beoordelaar")
			.contains("Een andere docent moet deze beoordeling bevestigen.")
			.doesNotContain("Beoordeling afgerond");
		assertThat(this.worker.deliverDue()).isZero();
		assertThat(this.teacher.post("/app/teacher/students/" + sam + "/confirm", TeacherFixture.levels(keys(), scores()))
			.statusCode()).isEqualTo(403);
		Session colleague = this.moodle.launch(this.moodle.teacher().with("sub", "9").with("name", "Chris Collega"));
		assertThat(colleague.get("/app/teacher/students/" + sam).body()).contains("Bevestigen als tweede beoordelaar");
		HttpResponse<String> confirmed = colleague.post("/app/teacher/students/" + sam + "/confirm",
				TeacherFixture.levels(keys(), scores()));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(status(sam)).isEqualTo("FINAL");
		assertThat(this.worker.deliverDue()).isEqualTo(1);
		assertThat(this.moodle.services.score(2, "4").comment()).startsWith(COMMENT + "\n\n1. ");
	}

	@Test
	void englishLaunchSendsTheTeachersRemarksInEnglishWords() {
		long sam = studentWithHandIn();
		Session english = this.moodle.launch(this.moodle.teacher().inEnglish());
		Map<String, String> form = TeacherFixture.levels(keys(), scores());
		form.put("remark." + keys().get(2), "Clear network diagram");
		form.put("overallRemark", "Well done");
		assertThat(english.post("/app/teacher/students/" + sam + "/finalize", form).statusCode()).isEqualTo(302);
		assertThat(this.worker.deliverDue()).isEqualTo(1);
		assertThat(this.moodle.services.score(2, "4").comment())
			.startsWith("B1-K2-W2 (Netwerk- en mediabeheerder): sufficient, 19/27 points (pass mark 18), grade 6.0\n\n"
					+ "Overall remark: Well done\n\n1. ")
			.contains("\n3. " + rubric().criteria().get(2).text() + " — " + scores()[2] + " ")
			.contains(" good. Remark: Clear network diagram\n4. ")
			.contains(" — 2 sufficient\n")
			.doesNotContain("voldoende").doesNotContain("Opmerking");
	}

	@Test
	void failedDeliveryShowsThePlatformsAnswerAndTryAgainNowDelivers() {
		long sam = studentWithHandIn();
		this.teacher.post("/app/teacher/students/" + sam + "/finalize", TeacherFixture.levels(keys(), scores()));
		this.moodle.services.failNext(Endpoint.SCORES, 503, 1);
		this.worker.deliverDue();
		String waiting = this.teacher.get("/app/teacher?filter=NOT_DELIVERED").body();
		assertThat(waiting).contains("Sam Student").contains("cijfer klaargezet, wordt verstuurd")
			.contains("volgende poging ").contains("Nu opnieuw proberen")
			.as("a queued grade is not shown as a failure").doesNotContain("mislukt");

		long outboxId = this.jdbc.sql("SELECT outbox_id FROM grading WHERE activity_id = ?")
			.param(this.activityId)
			.query(Long.class)
			.single();
		this.teacher.post("/app/teacher/grades/" + outboxId + "/retry", Map.of());
		this.moodle.services.failNext(Endpoint.SCORES, 400, 1);
		this.worker.deliverDue();
		String failed = this.teacher.get("/app/teacher").body();
		assertThat(failed).contains("mislukt:").contains("opnieuw proberen").contains("Injected failure");
		assertThat(failed).as("the reason in Dutch, the platform's words as detail")
			.contains("Het platform weigerde het cijfer")
			.contains("Technische details");

		assertThat(this.teacher.post("/app/teacher/grades/" + outboxId + "/retry", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(this.worker.deliverDue()).isEqualTo(1);
		assertThat(this.moodle.services.score(2, "4").scoreGiven()).isEqualTo(6.0);
		assertThat(this.teacher.get("/app/teacher").body()).contains("in de cijferlijst sinds ");
	}

	@Test
	void learnerIsRefusedOnEveryTeacherEndpoint() {
		long sam = studentWithHandIn();
		long file = this.moodle.attach(submissionOf(sam), "verslag.pdf", new byte[] { 1, 2, 3 });
		Session learner = this.moodle.launch(this.moodle.student("4", "Sam Student"));
		for (String path : List.of("/app/teacher", "/app/teacher/settings", "/app/teacher/students/" + sam,
				"/app/teacher/files/" + file)) {
			assertThat(learner.get(path).statusCode()).as(path).isEqualTo(403);
		}
		for (String path : List.of("/app/teacher/settings", "/app/teacher/students/" + sam + "/draft",
				"/app/teacher/students/" + sam + "/finalize", "/app/teacher/students/" + sam + "/confirm",
				"/app/teacher/students/" + sam + "/reopen", "/app/teacher/grades/1/retry")) {
			assertThat(learner.post(path, TeacherFixture.levels(keys(), scores())).statusCode()).as(path)
				.isEqualTo(403);
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM grading WHERE activity_id = ?")
			.param(this.activityId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void idsOfOtherStudentsActivitiesAndPlatformsAreNotFound() {
		long sam = studentWithHandIn();
		long file = this.moodle.attach(submissionOf(sam), "verslag.pdf", "PDF".getBytes());
		HttpResponse<String> download = this.teacher.get("/app/teacher/files/" + file);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
			.contains("verslag.pdf");
		// a student of the same platform who never took part in this activity
		long stranger = this.moodle.insertUser("99", "Vreemde Student");
		// another activity (resource link) of the same platform
		Session otherLink = this.moodle.launch(this.moodle.teacher()
			.with(LtiClaims.RESOURCE_LINK, Map.of("id", "77", "title", "Andere activiteit")));
		// another platform with its own student, hand-in and file
		TeacherFixture otherSchool = fixture(GradeMode.CIJFER);
		try {
			otherSchool.launch(otherSchool.teacher());
			otherSchool.launch(otherSchool.student("4", "Sam Student"));
			long foreignStudent = otherSchool.userId("4");
			long foreignFile = otherSchool.attach(
					otherSchool.handIn(otherSchool.activityId(), foreignStudent, "elders", false), "x.pdf", new byte[1]);
			for (String path : List.of("/app/teacher/students/" + stranger, "/app/teacher/students/" + foreignStudent,
					"/app/teacher/files/" + foreignFile, "/app/teacher/students/987654321")) {
				assertThat(this.teacher.get(path).statusCode()).as(path).isEqualTo(404);
			}
			assertThat(this.teacher.post("/app/teacher/students/" + foreignStudent + "/draft", Map.of()).statusCode())
				.isEqualTo(404);
			assertThat(this.teacher.post("/app/teacher/grades/987654321/retry", Map.of()).statusCode()).isEqualTo(404);
			assertThat(otherLink.get("/app/teacher/students/" + sam).statusCode()).isEqualTo(404);
			assertThat(otherLink.get("/app/teacher/files/" + file).statusCode()).isEqualTo(404);
		}
		finally {
			otherSchool.close();
		}
	}

	@Test
	void rubricCanBeTunedUntilGradingStartsThenIsReadOnly() {
		Rubric before = rubric();
		String first = before.criteria().get(0).key();
		String last = before.criteria().get(before.criteria().size() - 1).key();
		HttpResponse<String> saved = this.teacher.post("/app/teacher/settings", Map.of("rubric", "true",
				"text." + first, "Werkt ordelijk en systematisch.", "remove." + before.criteria().get(1).key(), "on",
				"position." + last, "1", "scale", "POINTS_0_3"));
		assertThat(saved.statusCode()).isEqualTo(302);
		Rubric after = rubric();
		assertThat(after.criteria()).hasSize(before.criteria().size() - 1);
		assertThat(after.criteria().get(0).key()).isEqualTo(last);
		assertThat(after.criteria().get(1).text()).isEqualTo("Werkt ordelijk en systematisch.");

		long sam = studentWithHandIn();
		this.teacher.post("/app/teacher/students/" + sam + "/draft", Map.of());
		String page = this.teacher.get("/app/teacher/settings").body();
		assertThat(page).contains("de rubric ligt vast").contains("Werkt ordelijk en systematisch.");
		assertThat(this.teacher.post("/app/teacher/settings", Map.of("rubric", "true")).statusCode()).isEqualTo(409);
	}

	private TeacherFixture fixture(GradeMode mode) {
		return new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities, this.catalog,
				this.jdbc, this.sessions, mode);
	}

	/** Sam (sub 4, a learner in the simulator's course) launched and handed in. */
	private long studentWithHandIn() {
		this.moodle.launch(this.moodle.student("4", "Sam Student"));
		long sam = this.moodle.userId("4");
		this.moodle.handIn(this.activityId, sam, "Mijn werkproces: het netwerk is geïnstalleerd.", false);
		return sam;
	}

	private long submissionOf(long userId) {
		return this.jdbc.sql("SELECT id FROM submission WHERE activity_id = ? AND user_id = ?")
			.params(this.activityId, userId)
			.query(Long.class)
			.single();
	}

	private String status(long userId) {
		return this.jdbc.sql("SELECT status FROM grading WHERE activity_id = ? AND student_user_id = ?")
			.params(this.activityId, userId)
			.query(String.class)
			.single();
	}

	private Rubric rubric() {
		long resourceLink = this.jdbc.sql("SELECT resource_link_id FROM activity WHERE id = ?")
			.param(this.activityId)
			.query(Long.class)
			.single();
		return this.rubricVersions.latestFor(resourceLink).orElseGet(() -> template());
	}

	private Rubric template() {
		return this.rubricVersions.template(this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?")
			.param(this.activityId)
			.query(Long.class)
			.single(), "B1-K2-W2", TeacherFixture.PROFIEL);
	}

	private List<String> keys() {
		return rubric().criteria().stream().map(Criterion::key).toList();
	}

	/** 19 of 27 with no kritisch criterion below 2: voldoende, cijfer 6.0 (PRODUCT.md's worked example). */
	private int[] scores() {
		List<Criterion> criteria = rubric().criteria();
		assertThat(criteria).hasSize(9);
		int[] scores = { 2, 2, 2, 2, 2, 2, 2, 2, 2 };
		int one = -1;
		for (int i = 0; i < criteria.size() && one < 0; i++) {
			if (!criteria.get(i).kritisch()) {
				one = i;
			}
		}
		scores[one] = 1;
		scores[(one + 1) % 9] = 3;
		scores[(one + 2) % 9] = 3;
		return scores;
	}

}
