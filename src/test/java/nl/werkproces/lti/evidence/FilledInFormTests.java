package nl.werkproces.lti.evidence;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.storage.Sha256;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filled-in beoordelingsformulier over real HTTP: the teacher's print view and tagged PDF with every name and
 * remark exactly as typed, the hand-in's SHA-256, the second assessor's confirmation; the student's own form once
 * final; refusals for a grading that is not final, for a student's session on the teacher's addresses and for a
 * teacher of another platform.
 */
@PlatformServicesTest
class FilledInFormTests {

	static final String NAME = "Şükrü Yılmaz";

	static final String GREEK = "Καλή δουλειά, Γιώργος";

	static final String CYRILLIC = "Хорошая работа, Светлана";

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

	TeacherFixture moodle;

	Session teacher;

	long activityId;

	GradedClass graded;

	@BeforeEach
	void launchTeacher() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.activityId = this.moodle.activityId();
		this.graded = new GradedClass(this.moodle, this.jdbc, this.rubricVersions);
	}

	@AfterEach
	void stopPlatform() {
		this.worker.deliverDue();
		this.moodle.close();
	}

	@Test
	void teachersPdfPrintsNamesRemarksAndTheHandInsDigestExactlyAndIsTagged() {
		long sukru = student("40", NAME, "Şükrü", "Yılmaz");
		byte[] content = "Mijn verslag over het netwerk".getBytes(StandardCharsets.UTF_8);
		long submission = this.moodle.handIn(this.activityId, sukru, "Zie bijlage.", false);
		this.moodle.attach(submission, "verslag netwerk.pdf", content);
		assertThat(finalize(sukru, 2, GREEK, CYRILLIC).statusCode()).isEqualTo(302);

		HttpResponse<byte[]> response = this.teacher.browser()
			.getBytes("/app/teacher/students/" + sukru + "/beoordelingsformulier.pdf");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		byte[] pdf = response.body();
		EvidenceTestSupport.assertTagged(pdf, "nl");
		String text = EvidenceTestSupport.text(pdf);
		BigDecimal cijfer = this.history.versionsOf(this.activityId, sukru).get(0).cijfer();
		assertThat(text).contains("Beoordelingsformulier", NAME,
				"versie onbekend (geïmporteerd op", "Rubric versie 1, afgeleid uit het kwalificatiedossier", GREEK, CYRILLIC, "B1-K2-W2", TeacherFixture.PROFIEL,
				"Kwalificatiedossier", "versie 1 van deze beoordeling", "verslag netwerk.pdf", "op tijd",
				"Cijfer " + cijfer.toPlainString().replace('.', ','), "Handtekening Student", "Tweede beoordelaar",
				"niet gevraagd voor deze activiteit", "Terry Teacher");
		assertThat(EvidenceTestSupport.compact(pdf)).as("SHA-256 of the stored bytes")
			.contains(Sha256.hex(content));
	}

	@Test
	void gradingScreenLinksToThePrintViewAndPdfOnceFinal() {
		long sam = student("41", "Sam Student", "Sam", "Student");
		String screen = "/app/teacher/students/" + sam;
		assertThat(this.teacher.get(screen).body()).doesNotContain("id=\"form-pdf-link\"");
		finalize(sam, 2, "Netjes", null);
		String page = this.teacher.get(screen).body();
		assertThat(page).contains("Beoordelingsformulier (PDF)", "Beoordelingsformulier afdrukken",
				screen + "/beoordelingsformulier.pdf", screen + "/beoordelingsformulier\"");

		HttpResponse<String> view = this.teacher.get(screen + "/beoordelingsformulier");
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("<html lang=\"nl\"", "Sam Student", "Netjes", "Handtekening Student",
				"Midden-Europese", "Afdrukken", "/css/evidence.css");
	}

	@Test
	void aGradingThatIsNotFinalHasNoFormButAClearMessage() {
		long sam = student("42", "Sam Student", "Sam", "Student");
		String pdf = "/app/teacher/students/" + sam + "/beoordelingsformulier.pdf";
		this.teacher.browser().header("Accept", "text/html");
		HttpResponse<String> none = this.teacher.get(pdf);
		assertThat(none.statusCode()).isEqualTo(404);
		assertThat(none.body()).contains("nog niet beoordeeld");

		this.teacher.post("/app/teacher/students/" + sam + "/draft", form(2));
		HttpResponse<String> draft = this.teacher.get(pdf);
		assertThat(draft.statusCode()).isEqualTo(409);
		assertThat(draft.body()).contains("De beoordeling is nog niet definitief");

		finalize(sam, 2, null, null);
		assertThat(this.teacher.browser().getBytes(pdf).statusCode()).isEqualTo(200);
		this.teacher.post("/app/teacher/students/" + sam + "/reopen", Map.of());
		assertThat(this.teacher.get(pdf).statusCode()).as("reopened: not final any more").isEqualTo(409);
		assertThat(this.teacher.get("/app/teacher/students/" + sam + "/beoordelingsformulier").statusCode())
			.isEqualTo(409);
	}

	@Test
	void secondAssessorsConfirmationAndBothVersionsAreOnTheForm() {
		long sam = student("43", "Sam Student", "Sam", "Student");
		finalize(sam, 2, null, null);
		this.worker.deliverDue();
		this.teacher.post("/app/teacher/students/" + sam + "/reopen", Map.of());
		this.teacher.post("/app/teacher/settings", Map.of("secondAssessor", "on"));
		this.clock.set(this.clock.instant().plusSeconds(120));
		finalize(sam, 3, null, null);
		Session colleague = this.moodle.launch(this.moodle.teacher().with("sub", "9").with("name", "Chris Collega"));
		assertThat(colleague.post("/app/teacher/students/" + sam + "/confirm", form(3))
			.statusCode()).isEqualTo(302);

		String text = EvidenceTestSupport
			.text(colleague.browser().getBytes("/app/teacher/students/" + sam + "/beoordelingsformulier.pdf").body());
		assertThat(text).contains("Chris Collega, bevestigd op", "versie 2 van deze beoordeling",
				"tweede beoordelaar: Chris Collega goed, 10,0");
	}

	@Test
	void studentGetsTheirOwnFormOnceFinalAndNothingOfAnyoneElse() {
		Session sukru = this.moodle.launch(this.moodle.student("44", NAME).with("given_name", "Şükrü")
			.with("family_name", "Yılmaz"));
		long sukruId = this.moodle.userId("44");
		this.moodle.handIn(this.activityId, sukruId, "Mijn werk", false);
		long other = student("45", "Kim Ander", "Kim", "Ander");
		assertThat(sukru.get("/app/student/beoordelingsformulier.pdf").statusCode()).isEqualTo(404);
		this.teacher.post("/app/teacher/students/" + sukruId + "/draft", form(2));
		assertThat(sukru.get("/app/student/beoordelingsformulier.pdf").statusCode()).isEqualTo(409);
		assertThat(sukru.get("/app/student").body()).doesNotContain("id=\"form-pdf-link\"");

		finalize(sukruId, 2, GREEK, null);
		finalize(other, 3, "Alleen voor Kim", null);
		assertThat(sukru.get("/app/student").body()).contains("id=\"form-pdf-link\"", "Beoordelingsformulier (PDF)");
		HttpResponse<byte[]> own = sukru.browser().getBytes("/app/student/beoordelingsformulier.pdf");
		assertThat(own.statusCode()).isEqualTo(200);
		String text = EvidenceTestSupport.text(own.body());
		assertThat(text).contains(NAME, GREEK).doesNotContain("Kim Ander", "Alleen voor Kim");
		assertThat(sukru.get("/app/student/beoordelingsformulier").body()).contains(NAME, GREEK);

		for (String path : List.of("/app/teacher/students/" + other + "/beoordelingsformulier.pdf",
				"/app/teacher/students/" + other + "/beoordelingsformulier",
				"/app/teacher/students/" + sukruId + "/beoordelingsformulier.pdf", "/app/teacher/beoordelingsformulieren.zip",
				"/app/teacher/students/" + other + "/examendossier.zip")) {
			assertThat(sukru.get(path).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(this.teacher.get("/app/student/beoordelingsformulier.pdf").statusCode()).as("staff have no own form")
			.isEqualTo(403);
	}

	@Test
	void teacherOfAnotherPlatformCannotReachTheStudent() {
		long sam = student("46", "Sam Student", "Sam", "Student");
		finalize(sam, 2, null, null);
		try (TeacherFixture otherMoodle = new TeacherFixture("http://localhost:" + this.port, this.registrations,
				this.activities, this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER)) {
			Session stranger = otherMoodle.launch(otherMoodle.teacher());
			for (String path : List.of("/app/teacher/students/" + sam + "/beoordelingsformulier.pdf",
					"/app/teacher/students/" + sam + "/beoordelingsformulier",
					"/app/teacher/students/" + sam + "/examendossier.zip")) {
				assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
			}
			assertThat(stranger.get("/app/teacher/beoordelingsformulieren.zip").statusCode())
				.as("nothing final in their own activity").isEqualTo(409);
		}
	}

	@Test
	void englishLaunchPrintsTheFormInEnglishWithADecimalPoint() {
		long sam = student("47", "Sam Student", "Sam", "Student");
		finalize(sam, 2, null, null);
		Session english = this.moodle.launch(this.moodle.teacher().inEnglish());
		byte[] pdf = english.browser().getBytes("/app/teacher/students/" + sam + "/beoordelingsformulier.pdf").body();
		EvidenceTestSupport.assertTagged(pdf, "en");
		BigDecimal cijfer = this.history.versionsOf(this.activityId, sam).get(0).cijfer();
		assertThat(EvidenceTestSupport.text(pdf)).contains("Assessment form", "Grade " + cijfer.toPlainString(),
				"Central European");
	}

	HttpResponse<String> finalize(long userId, int level, String firstRemark, String overall) {
		return this.graded.finalize(this.teacher, userId, level, firstRemark, overall);
	}

	long student(String sub, String name, String given, String family) {
		return this.graded.student(sub, name, given, family);
	}

	Map<String, String> form(int level) {
		return this.graded.form(level, null, null);
	}

}
