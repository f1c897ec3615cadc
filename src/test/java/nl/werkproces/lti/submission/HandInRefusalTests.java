package nl.werkproces.lti.submission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-ins beyond the limits or of the wrong type are refused with the page and a precise message (400/413), and
 * nothing changes: neither a first hand-in is stored nor an earlier one lost. Small limits keep the bodies small.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.jwks.min-refresh-interval=0s", "lti.grades.scheduled=false",
				"lti.submissions.max-file-size=100KB", "lti.submissions.max-total-size=150KB",
				"lti.submissions.max-files=3", "lti.submissions.max-text-length=1000",
				"spring.servlet.multipart.max-file-size=200KB", "spring.servlet.multipart.max-request-size=400KB" })
class HandInRefusalTests {

	static final byte[] PDF = StudentFlowTests.PDF;

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

	AssignmentFixture fixture;

	StudentClient student;

	@BeforeEach
	void launchStudent() {
		this.fixture = new AssignmentFixture(this.port, this.registrations, this.activities, this.catalog, this.rubrics,
				this.jdbc);
		this.student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
	}

	@AfterEach
	void stopPlatform() {
		this.fixture.close();
	}

	@Test
	void emptyHandInIsRefused() {
		assertRefused(new MultipartForm().field("text", "  ").file("files", "", "application/octet-stream", new byte[0]),
				400, "schrijf een tekst of kies minstens één bestand");
	}

	@Test
	void fileOverTheLimitIsRefusedWithItsNameAndTheLimit() {
		assertRefused(new MultipartForm().file("files", "groot.pdf", "application/pdf", pdf(150 * 1024)), 413,
				"het bestand &quot;groot.pdf&quot; is te groot (maximaal 100,0 kB per bestand)");
	}

	@Test
	void filesOverTheTotalAreRefused() {
		assertRefused(new MultipartForm().file("files", "a.pdf", "application/pdf", pdf(90 * 1024))
			.file("files", "b.pdf", "application/pdf", pdf(90 * 1024)), 413, "samen te groot (maximaal 150,0 kB)");
	}

	@Test
	void tooManyFilesAreRefused() {
		MultipartForm form = new MultipartForm();
		for (int i = 1; i <= 4; i++) {
			form.file("files", "deel" + i + ".pdf", "application/pdf", PDF);
		}
		assertRefused(form, 413, "te veel bestanden (maximaal 3)");
	}

	@Test
	void textOverTheLimitIsRefusedAndKeptInTheForm() {
		String text = "x".repeat(1001);
		HttpResponse<String> response = assertRefused(new MultipartForm().field("text", text), 413,
				"je tekst is te lang (maximaal 1.000 tekens)");
		assertThat(response.body()).contains(text);
	}

	@Test
	void uploadOverSpringsMultipartLimitGetsTheSamePageWith413() {
		assertRefused(new MultipartForm().file("files", "enorm.pdf", "application/pdf", pdf(300 * 1024)), 413,
				"je inlevering is te groot (maximaal 100,0 kB per bestand en 150,0 kB samen)");
	}

	@Test
	void extensionNotAllowedIsRefused() {
		assertRefused(new MultipartForm().file("files", "setup.exe", "application/octet-stream", PDF), 400,
				"het bestandstype van &quot;setup.exe&quot; is niet toegestaan. Toegestaan: .pdf, .docx");
	}

	@Test
	void executableNamedAsPdfIsRefused() {
		byte[] exe = Arrays.copyOf("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), 512);
		assertRefused(new MultipartForm().file("files", "verslag.pdf", "application/pdf", exe), 400,
				"&quot;verslag.pdf&quot; is een programma");
	}

	@Test
	void contentThatIsNotWhatTheNameSaysIsRefused() {
		assertRefused(new MultipartForm().file("files", "foto.png", "image/png", PDF), 400,
				"&quot;foto.png&quot; is geen echt .png-bestand");
	}

	@Test
	void nulInAFileNameIsRefusedAsAnInvalidName() {
		assertRefused(new MultipartForm().file("files", "verslag\u0000.pdf", "application/pdf", PDF), 400,
				"de naam van een bestand bevat tekens die niet zijn toegestaan");
	}

	@Test
	void controlCharacterInAFileNameIsRefusedAsAnInvalidName() {
		assertRefused(new MultipartForm().file("files", "ver\u0007slag.pdf", "application/pdf", PDF), 400,
				"de naam van een bestand bevat tekens die niet zijn toegestaan");
	}

	@Test
	void fileNameOfFiveHundredBytesIsRefusedAsTooLongWithTheLimit() {
		assertRefused(new MultipartForm().file("files", "a".repeat(496) + ".pdf", "application/pdf", PDF), 400,
				"de naam van een bestand is te lang (maximaal 255 tekens)");
	}

	@Test
	void fileNameBeyondTheServersPartHeaderLimitIsRefusedAsTooLongToo() {
		assertRefused(new MultipartForm().file("files", "b".repeat(5000) + ".pdf", "application/pdf", PDF), 400,
				"is te lang (maximaal 255 tekens)");
	}

	@Test
	void fileNameOfTwoHundredFiftyCharactersIsStillAccepted() {
		HttpResponse<String> response = this.student
			.handIn(new MultipartForm().file("files", "c".repeat(246) + ".pdf", "application/pdf", PDF));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(this.fixture.files()).isOne();
	}

	@Test
	void textSentAsAFileIsA400NotAnError() {
		HttpResponse<String> response = this.student
			.handIn(new MultipartForm().file("text", "tekst.txt", "text/plain", "Mijn tekst".getBytes(StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.fixture.submissions()).isZero();
	}

	@Test
	void bodyThatIsNoMultipartIsRefusedWithThePage() {
		HttpResponse<String> response = this.student.post(handInAction(), "multipart/form-data", "text=hallo");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("id=\"refusal\"").contains("je inlevering kwam niet goed aan");
		assertThat(this.fixture.submissions()).isZero();
	}

	@Test
	void refusedHandInKeepsTheEarlierOne() {
		this.student.handIn(new MultipartForm().field("text", "Goede versie.")
			.file("files", "goed.pdf", "application/pdf", PDF));
		assertRefused(new MultipartForm().field("text", "Slechte versie.")
			.file("files", "goed.pdf", "application/pdf", PDF)
			.file("files", "virus.pdf", "application/pdf", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)),
				400, "is een programma", 1, 1);
		String receipt = this.student.receipt().body();
		assertThat(receipt).contains("goed.pdf").doesNotContain("virus.pdf").contains("<dd id=\"hand-in-count\">1</dd>");
		assertThat(this.student.page().body()).contains("Goede versie.");
	}

	@Test
	void refusalIsExplainedInEnglishForAnEnglishLaunch() {
		StudentClient english = this.fixture.student(this.fixture.launch(this.fixture.learner().inEnglish()));
		HttpResponse<String> response = english.handIn(new MultipartForm().file("files", "notes.exe", "x", PDF));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Not handed in: the file type of &quot;notes.exe&quot; is not allowed.");
	}

	private HttpResponse<String> assertRefused(MultipartForm form, int status, String message) {
		return assertRefused(form, status, message, 0, 0);
	}

	private HttpResponse<String> assertRefused(MultipartForm form, int status, String message, int submissions,
			int files) {
		HttpResponse<String> response = this.student.handIn(form);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).contains("id=\"refusal\"").contains(message).contains("id=\"rubric\"");
		assertThat(this.fixture.submissions()).isEqualTo(submissions);
		assertThat(this.fixture.files()).isEqualTo(files);
		return response;
	}

	private String handInAction() {
		java.util.regex.Matcher action = java.util.regex.Pattern
			.compile("<form method=\"post\" enctype=\"multipart/form-data\"[^>]*action=\"([^\"]+)\"")
			.matcher(this.student.page().body());
		assertThat(action.find()).isTrue();
		return action.group(1).replace("&amp;", "&");
	}

	private static byte[] pdf(int size) {
		byte[] content = Arrays.copyOf(PDF, size);
		Arrays.fill(content, PDF.length, size, (byte) ' ');
		return content;
	}

}
