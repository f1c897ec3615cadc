package nl.werkproces.lti.submission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.dossier.TextBlock;
import nl.werkproces.lti.delivery.Grade;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.delivery.GradeTarget;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The student's side over real HTTP, as inside a Moodle iframe without cookies: launch into a deep-linked activity,
 * read the assignment and rubric, hand in, receipt, hand in again, late, locked once grading started, results once
 * final.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.jwks.min-refresh-interval=0s", "lti.grades.scheduled=false" })
class StudentFlowTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	RubricVersions rubrics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GradeOutbox outbox;

	AssignmentFixture fixture;

	@BeforeEach
	void setUpActivity() {
		this.fixture = new AssignmentFixture(this.port, this.registrations, this.activities, this.catalog, this.rubrics,
				this.jdbc);
	}

	@AfterEach
	void stopPlatform() {
		this.fixture.close();
	}

	@Test
	void learnerIsSentToTheAssignmentPage() {
		String sessionId = this.fixture.launch(this.fixture.learner());
		HttpResponse<String> home = this.fixture.student(sessionId).get("/app");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/app/student");
	}

	@Test
	void assignmentPageShowsWerkprocesDeliverablesRubricDueDateInstructionsAndStatus() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		HttpResponse<String> page = student.page();
		CatalogWerkproces chosen = this.catalog.werkproces(this.fixture.dossierId, AssignmentFixture.CODE,
				AssignmentFixture.PROFIEL);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("B1-K2-W2")
			.contains(HtmlUtils.htmlEscape(chosen.werkproces().titel(), "UTF-8"))
			.contains("15 januari 2027 00:00 (Midden-Europese tijd)")
			.contains("Lever ook je testplan in als pdf.")
			.contains("Nog niet ingeleverd.")
			.contains("id=\"rubric\"")
			.contains("id=\"rubric-grid\"")
			.as("level descriptors are short, not the criterion sentence again")
			.doesNotContain("Zoals beschreven: ")
			.contains("kritisch")
			.doesNotContain("http://", "https://cdn");
		// paragraphs and lists of the dossier's text fields as paragraphs and lists (B1-K2-W2's omschrijving has 3)
		assertThat(chosen.werkproces().omschrijvingBlocks()).hasSize(3);
		List<TextBlock> texts = new ArrayList<>(chosen.werkproces().omschrijvingBlocks());
		texts.addAll(chosen.werkproces().resultaatBlocks());
		texts.addAll(chosen.aanvulling().omschrijvingBlocks());
		texts.addAll(chosen.aanvulling().resultaatBlocks());
		for (TextBlock block : texts) {
			assertThat(block.kind()).isEqualTo(TextBlock.Kind.PARAGRAPH);
			assertThat(page.body()).contains("<p>" + HtmlUtils.htmlEscape(block.lines().get(0), "UTF-8") + "</p>");
		}
		for (var criterion : this.fixture.rubric().criteria()) {
			assertThat(page.body()).contains(HtmlUtils.htmlEscape(criterion.text(), "UTF-8"));
		}
	}

	@Test
	void englishLaunchShowsTheAssignmentInEnglish() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner().inEnglish()));
		assertThat(student.page().body()).contains("Not handed in yet.")
			.contains("15 January 2027 00:00 (Central European Time)")
			.contains("Your teacher&#39;s instructions")
			.contains("What you deliver");
	}

	@Test
	void handInTextAndPdfGivesReceiptAndHandingInAgainReplacesEverything() throws Exception {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		HttpResponse<String> handIn = student.handIn(new MultipartForm().field("text", "Mijn advies staat in de pdf.")
			.file("files", "C:\\Users\\sam\\Advies netwerk.pdf", "application/pdf", PDF));
		assertThat(handIn.statusCode()).isEqualTo(302);
		assertThat(handIn.headers().firstValue("Location").orElseThrow())
			.endsWith("/app/student/receipt");

		HttpResponse<String> receipt = student.receipt();
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.body()).contains("Advies netwerk.pdf")
			.doesNotContain("Users")
			.contains(sha256(PDF))
			.contains(PDF.length + " B")
			.contains("<dd id=\"hand-in-count\">1</dd>")
			.contains("<dd id=\"receipt-late\">nee</dd>");
		assertThat(student.page().body()).contains("Ingeleverd op").contains("Mijn advies staat in de pdf.");

		byte[] second = "%PDF-1.7\nversie 2\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		student.handIn(new MultipartForm().field("text", "Verbeterde versie.")
			.file("files", "advies-v2.pdf", "application/pdf", second));
		assertThat(student.receipt().body()).contains("advies-v2.pdf")
			.doesNotContain("Advies netwerk.pdf")
			.contains(sha256(second))
			.contains("<dd id=\"hand-in-count\">2</dd>");
		assertThat(this.fixture.submissions()).isEqualTo(1);
		assertThat(this.fixture.files()).isEqualTo(1);
	}

	@Test
	void handInAfterTheDueDateIsAcceptedAndMarkedLate() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		this.fixture.moveDueDate(Instant.now().minusSeconds(3600));
		assertThat(student.page().body()).contains("De deadline is voorbij.");
		HttpResponse<String> handIn = student.handIn(new MultipartForm().field("text", "Sorry, iets later."));
		assertThat(handIn.statusCode()).isEqualTo(302);
		assertThat(student.receipt().body()).contains("ja, na de deadline");
		assertThat(student.page().body()).contains("id=\"late\"");
	}

	@Test
	void handInIsLockedOnceGradingStarted() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		student.handIn(new MultipartForm().field("text", "Eerste versie."));
		String form = student.page().body();
		this.fixture.grading("4", "DRAFT");

		HttpResponse<String> page = student.page();
		assertThat(page.body()).contains("je docent is bezig met de beoordeling")
			.contains("niet meer opnieuw inleveren")
			.doesNotContain("id=\"hand-in\"");
		String action = form.substring(form.indexOf("action=\"") + 8, form.indexOf("\"", form.indexOf("action=\"") + 8));
		HttpResponse<String> again = student.post(action.replace("&amp;", "&"),
				new MultipartForm().field("text", "Tweede versie."));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("je docent is al met de beoordeling begonnen");
		assertThat(student.receipt().body()).contains("<dd id=\"hand-in-count\">1</dd>");
	}

	@Test
	void finalGradingShowsVerdictCijferScoresAndRemarks() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		student.handIn(new MultipartForm().field("text", "Klaar."));
		this.fixture.grading("4", "FINAL");
		int n = this.fixture.rubric().criteria().size();
		String page = student.page().body();
		assertThat(page).contains("Beoordeeld: je resultaat staat hieronder.")
			.contains("<dd id=\"verdict\">voldoende</dd>")
			.contains("<dd id=\"cijfer\">6,0</dd>")
			.contains((2 * n + 1) + " van " + (3 * n) + " punten (cesuur " + (2 * n) + ")")
			.contains("3 goed")
			.contains("2 voldoende")
			.contains("Goed onderbouwd advies.")
			.contains("Netjes gewerkt, let op je planning.");
	}

	@Test
	void finalGradingInEnglishShowsADecimalPointAndEnglishLevelLabels() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner().inEnglish()));
		student.handIn(new MultipartForm().field("text", "Done."));
		this.fixture.grading("4", "FINAL");
		String page = student.page().body();
		assertThat(page).contains("<dd id=\"cijfer\">6.0</dd>").contains("3 good").contains("2 sufficient")
			.doesNotContain("6,0").doesNotContain("2 voldoende").doesNotContain("3 goed");
	}

	@Test
	void draftGradingShowsNoResults() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		student.handIn(new MultipartForm().field("text", "Klaar."));
		this.fixture.grading("4", "DRAFT");
		assertThat(student.page().body()).doesNotContain("id=\"results\"").doesNotContain("Goed onderbouwd advies.");
	}

	@Test
	void studentDownloadsOwnFileAsAttachment() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		student.handIn(new MultipartForm().file("files", "verslag <def>.pdf", "text/html", PDF));
		HttpResponse<byte[]> file = student.file(this.fixture.fileId("verslag _def_.pdf"));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(PDF);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("verslag _def_.pdf");
	}

	@Test
	void fileOfAnotherStudentIsNotFound() {
		StudentClient sam = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		sam.handIn(new MultipartForm().file("files", "sam.pdf", "application/pdf", PDF));
		long samsFile = this.fixture.fileId("sam.pdf");
		StudentClient other = this.fixture
			.student(this.fixture.launch(this.fixture.learner().with("sub", "5").with("name", "Ilse Anders")));
		assertThat(other.file(samsFile).statusCode()).isEqualTo(404);
		assertThat(other.page().body()).doesNotContain("sam.pdf").contains("Nog niet ingeleverd.");
		assertThat(sam.file(samsFile).statusCode()).isEqualTo(200);
	}

	@Test
	void learnerOfAnotherPlatformSeesNeitherTheActivityNorItsFiles() {
		StudentClient sam = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		sam.handIn(new MultipartForm().file("files", "sam.pdf", "application/pdf", PDF));
		long samsFile = this.fixture.fileId("sam.pdf");
		try (AssignmentFixture otherSchool = new AssignmentFixture(this.port, this.registrations, this.activities,
				this.catalog, this.rubrics, this.jdbc)) {
			// same sub, same resource link id, and the first platform's setup key
			StudentClient intruder = otherSchool.student(otherSchool.launch(otherSchool.learner()
				.with(nl.werkproces.lti.spec.LtiClaims.CUSTOM,
						java.util.Map.of(nl.werkproces.lti.activity.CurrentActivity.SETUP_KEY, this.fixture.setupKey))));
			assertThat(intruder.page().statusCode()).isEqualTo(404);
			assertThat(intruder.file(samsFile).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void staffAreSentToTheTeacherPage() {
		String sessionId = this.fixture.launch(this.fixture.learner().asInstructor());
		HttpResponse<String> page = this.fixture.student(sessionId).page();
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/app/teacher");
	}

	@Test
	void handInReadsItsCsrfTokenFromTheMultipartBodyAndRefusesAFormWithout() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		String page = student.page().body();
		assertThat(page).contains("action=\"/app/student/submission\"").doesNotContain("_csrf=")
			.contains("name=\"_csrf\"");
		HttpResponse<String> forged = student.postWithoutCsrf("/app/student/submission",
				new MultipartForm().field("text", "Vervalst."));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM submission WHERE activity_id = ?")
			.param(this.fixture.activityId())
			.query(Long.class)
			.single()).isZero();
		HttpResponse<String> handIn = student.post("/app/student/submission",
				new MultipartForm().field("text", "Echt ingeleverd."));
		assertThat(handIn.statusCode()).as(handIn.body()).isEqualTo(302);
		assertThat(student.receipt().body()).contains("<dd id=\"hand-in-count\">1</dd>");
	}

	@Test
	void pageWithoutLaunchSessionIsRefused() {
		assertThat(this.fixture.student("not-a-session").page().statusCode()).isEqualTo(401);
	}

	@Test
	void handInQueuesSubmittedStatusForTheLineItem() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		student.handIn(new MultipartForm().field("text", "Klaar."));
		assertThat(statusScores()).isEqualTo(1);
	}

	@Test
	void handInQueuesNoStatusOverAPublishedGrade() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		GradeTarget target = GradeTarget.lineItem(this.fixture.registered.id(),
				this.fixture.platform.baseUrl() + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1");
		this.outbox.enqueue(target, Grade.finished("4", 6.0, 10.0, "B1-K2-W2: voldoende"));
		student.handIn(new MultipartForm().field("text", "Nog een verbetering."));
		assertThat(statusScores()).isZero();
		assertThat(student.receipt().statusCode()).isEqualTo(200);
	}

	private int statusScores() {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM grade_outbox WHERE platform_id = ? AND user_sub = '4'
				AND grading_progress = 'PendingManual' AND activity_progress = 'Submitted' AND score_given IS NULL""")
			.param(this.fixture.registered.id())
			.query(Integer.class)
			.single();
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
