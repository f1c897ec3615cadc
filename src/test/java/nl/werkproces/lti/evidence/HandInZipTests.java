package nl.werkproces.lti.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.ActivitySetup;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.storage.Sha256;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-in ZIP of an activity over real HTTP against simulated Moodles: a folder per student with their files
 * (bytes and SHA-256 as handed in, a file of several database chunks included) and text, the receipts CSV, names that
 * cannot leave their folder, a file that no longer matches its SHA-256, the links to it, and who is refused (a
 * student) or sees only their own (another course's teacher, another platform's teacher).
 */
@PlatformServicesTest
class HandInZipTests {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

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

	@Autowired
	LaunchLinkTokens linkTokens;

	TeacherFixture moodle;

	Session teacher;

	long activityId;

	long sam;

	long samTwo;

	long sukru;

	/** More than two database chunks, so that the chunked read is exercised. */
	byte[] measurements;

	@BeforeEach
	void handIns() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = fixture();
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.activityId = this.moodle.activityId();
		this.moodle.launch(this.moodle.student("4", "Sam Student"));
		this.moodle.launch(this.moodle.student("6", "Sam Student"));
		this.moodle.launch(this.moodle.student("5", "Şükrü/../Yılmaz"));
		this.sam = this.moodle.userId("4");
		this.samTwo = this.moodle.userId("6");
		this.sukru = this.moodle.userId("5");
		this.measurements = new byte[2 * HandInZipFileSource.CHUNK + 12_345];
		new Random(12).nextBytes(this.measurements);
		long samHandIn = this.moodle.handIn(this.activityId, this.sam, "Mijn verslag staat in de bijlage.", false);
		attach(samHandIn, "verslag.pdf", PDF, Sha256.hex(PDF));
		attach(samHandIn, "metingen.bin", this.measurements, Sha256.hex(this.measurements));
		attach(samHandIn, "Verslag.PDF", "%PDF-1.4 tweede".getBytes(StandardCharsets.US_ASCII),
				Sha256.hex("%PDF-1.4 tweede".getBytes(StandardCharsets.US_ASCII)));
		long twoHandIn = this.moodle.handIn(this.activityId, this.samTwo, null, false);
		attach(twoHandIn, "verslag.pdf", PDF, Sha256.hex(PDF));
		long sukruHandIn = this.moodle.handIn(this.activityId, this.sukru, "Tekst van Şükrü", true);
		attach(sukruHandIn, "..\\..\\evil.pdf", PDF, Sha256.hex(PDF));
	}

	@AfterEach
	void stopPlatform() {
		this.moodle.close();
	}

	@Test
	void zipHoldsAFolderPerStudentWithTheirFilesAsHandedInTheirTextAndTheReceipts() throws IOException {
		HttpResponse<byte[]> response = this.teacher.browser().getBytes("/app/teacher/hand-ins.zip");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("inleveringen-B1-K2-W2-").contains(".zip");
		Map<String, byte[]> zip = entries(response.body());
		String samFolder = "Sam Student (" + this.sam + ")/";
		String twoFolder = "Sam Student (" + this.samTwo + ")/";
		String sukruFolder = "Şükrü_.._Yılmaz (" + this.sukru + ")/";
		assertThat(zip.keySet()).containsExactlyInAnyOrder(samFolder + "verslag.pdf", samFolder + "metingen.bin",
				samFolder + "Verslag (2).PDF", samFolder + "ingeleverde-tekst.txt", twoFolder + "verslag.pdf",
				sukruFolder + "_.._evil.pdf", sukruFolder + "ingeleverde-tekst.txt", "ontvangstbewijzen.csv");
		assertThat(zip.get(samFolder + "verslag.pdf")).isEqualTo(PDF);
		assertThat(Sha256.hex(zip.get(samFolder + "metingen.bin"))).isEqualTo(Sha256.hex(this.measurements));
		assertThat(new String(zip.get(samFolder + "ingeleverde-tekst.txt"), StandardCharsets.UTF_8))
			.isEqualTo("Mijn verslag staat in de bijlage.");
		assertThat(new String(zip.get(sukruFolder + "ingeleverde-tekst.txt"), StandardCharsets.UTF_8))
			.isEqualTo("Tekst van Şükrü");
	}

	@Test
	void receiptsCsvListsEveryFileWithTimeInTheSchoolsZoneLateSizeAndSha256() throws IOException {
		byte[] csv = entries(this.teacher.browser().getBytes("/app/teacher/hand-ins.zip").body())
			.get("ontvangstbewijzen.csv");

		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo(
				"Student;Map;Ingeleverd op (tijdzone Europe/Amsterdam);Te laat;Bestand;Grootte (bytes);SHA-256;Controle");
		assertThat(lines).hasSize(1 + 7);
		assertThat(lines).contains("Sam Student;Sam Student (" + this.sam + ");2027-01-10 11:15:00;nee;metingen.bin;"
				+ this.measurements.length + ";" + Sha256.hex(this.measurements) + ";klopt met de SHA-256 van het inleveren");
		assertThat(lines).contains("Sam Student;Sam Student (" + this.samTwo + ");2027-01-10 11:15:00;nee;verslag.pdf;"
				+ PDF.length + ";" + Sha256.hex(PDF) + ";klopt met de SHA-256 van het inleveren");
		assertThat(lines).anyMatch((line) -> line.startsWith("Şükrü/../Yılmaz;Şükrü_.._Yılmaz (" + this.sukru
				+ ");2027-01-10 11:15:00;ja;_.._evil.pdf;"));
		byte[] text = "Tekst van Şükrü".getBytes(StandardCharsets.UTF_8);
		assertThat(lines).anyMatch((line) -> line.endsWith(";ingeleverde-tekst.txt;" + text.length + ";"
				+ Sha256.hex(text) + ";ingeleverde tekst, door de tool als bestand opgeslagen"));
	}

	@Test
	void receiptsCsvSpeaksEnglishWhenTheLaunchAsks() throws IOException {
		Session english = this.moodle.launch(this.moodle.teacher().inEnglish());

		byte[] csv = entries(english.browser().getBytes("/app/teacher/hand-ins.zip").body()).get("ontvangstbewijzen.csv");

		List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo(
				"Student;Folder;Handed in at (time zone Europe/Amsterdam);Late;File;Size (bytes);SHA-256;Check");
		assertThat(lines).anyMatch((line) -> line.contains(";no;verslag.pdf;")
				&& line.endsWith(";matches the SHA-256 recorded at hand-in"));
	}

	@Test
	void aFileWhoseBytesNoLongerMatchItsSha256IsStillInTheZipAndMarkedInTheReceipts() throws IOException {
		this.jdbc.sql("UPDATE submission_file SET content = ? WHERE filename = 'verslag.pdf' AND submission_id = "
				+ "(SELECT id FROM submission WHERE activity_id = ? AND user_id = ?)")
			.params("%PDF-1.4 vervalst".getBytes(StandardCharsets.US_ASCII), this.activityId, this.samTwo)
			.update();

		Map<String, byte[]> zip = entries(this.teacher.browser().getBytes("/app/teacher/hand-ins.zip").body());

		assertThat(new String(zip.get("Sam Student (" + this.samTwo + ")/verslag.pdf"), StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-1.4 vervalst");
		String csv = new String(zip.get("ontvangstbewijzen.csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains("Sam Student (" + this.samTwo + ");2027-01-10 11:15:00;nee;verslag.pdf;" + PDF.length
				+ ";" + Sha256.hex(PDF) + ";WIJKT AF van de SHA-256 van het inleveren");
	}

	@Test
	void everyEntryStaysInsideItsStudentsFolder() throws IOException {
		Map<String, byte[]> zip = entries(this.teacher.browser().getBytes("/app/teacher/hand-ins.zip").body());

		for (String name : zip.keySet()) {
			assertThat(name).doesNotStartWith("/").doesNotContain("\\").doesNotContain(":");
			assertThat(Arrays.asList(name.split("/"))).doesNotContain("..", ".", "");
			assertThat(name.equals("ontvangstbewijzen.csv") || name.matches("[^/]+ \\(\\d+\\)/[^/]+")).as(name).isTrue();
		}
	}

	@Test
	void rosterAndGradingScreenLinkTheZipAndTheGradingScreenShowsEachFilesSha256() {
		assertThat(this.teacher.get("/app/teacher").body())
			.contains("id=\"hand-ins-zip-link\" href=\"/app/teacher/hand-ins.zip\"");
		String grading = this.teacher.get("/app/teacher/students/" + this.sam).body();
		assertThat(grading).contains("id=\"hand-ins-zip-link\" href=\"/app/teacher/hand-ins.zip\"");
		String hash = Sha256.hex(this.measurements);
		assertThat(grading).contains("<summary title=\"" + hash + "\">SHA-256 <code class=\"hash\">"
				+ hash.substring(0, 12) + "…</code></summary>")
			.contains("<code class=\"hash full\">" + hash + "</code>");
	}

	@Test
	void withoutTheCookieTheRostersLinkDownloadsTheZipWithALinkToken() throws IOException {
		ToolBrowser cookieless = new ToolBrowser("http://localhost:" + this.port);
		String token = this.linkTokens.issue(this.sessions.find(this.teacher.sessionId()).orElseThrow());
		String roster = cookieless.get("/app/teacher?lsid=" + token).body();
		String tag = roster.substring(roster.indexOf("id=\"hand-ins-zip-link\""));
		String href = tag.substring(tag.indexOf("href=\"") + 6, tag.indexOf('"', tag.indexOf("href=\"") + 6))
			.replace("&amp;", "&");
		assertThat(href).startsWith("/app/teacher/hand-ins.zip?lsid=");

		HttpResponse<byte[]> zip = cookieless.getBytes(href);

		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(entries(zip.body())).containsKey("Sam Student (" + this.sam + ")/verslag.pdf");
	}

	@Test
	void studentIsRefused() {
		Session student = this.moodle.launch(this.moodle.student("4", "Sam Student"));

		assertThat(student.browser().getBytes("/app/teacher/hand-ins.zip").statusCode()).isEqualTo(403);
	}

	@Test
	void teacherOfAnotherCourseOfThePlatformGetsOnlyThatCoursesHandIns() throws IOException {
		Map<String, Object> activity = this.jdbc.sql("SELECT platform_id, dossier_id FROM activity WHERE id = ?")
			.param(this.activityId)
			.query()
			.singleRow();
		String otherKey = this.activities.createPending(((Number) activity.get("platform_id")).longValue(),
				new ActivitySetup(((Number) activity.get("dossier_id")).longValue(), "B1-K3-W1",
						TeacherFixture.PROFIEL, GradeMode.CIJFER, null, null),
				null);
		Session other = this.moodle.launch(otherCourse(this.moodle.teacher(), otherKey));
		this.moodle.launch(otherCourse(this.moodle.student("9", "Bea Buiten"), otherKey));
		long otherActivity = this.jdbc.sql("SELECT id FROM activity WHERE setup_key = ?")
			.param(otherKey)
			.query(Long.class)
			.single();
		attach(this.moodle.handIn(otherActivity, this.moodle.userId("9"), null, false), "bea.pdf", PDF, Sha256.hex(PDF));

		HttpResponse<byte[]> response = other.browser().getBytes("/app/teacher/hand-ins.zip");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(entries(response.body()).keySet()).containsExactlyInAnyOrder(
				"Bea Buiten (" + this.moodle.userId("9") + ")/bea.pdf", "ontvangstbewijzen.csv");
	}

	@Test
	void teacherOfAnotherPlatformGetsNothingOfThisPlatform() throws IOException {
		try (TeacherFixture school = fixture()) {
			Session theirs = school.launch(school.teacher());
			school.launch(school.student("44", "Zed Anders"));
			long zed = school.userId("44");
			attach(school.handIn(school.activityId(), zed, null, false), "zed.pdf", PDF, Sha256.hex(PDF));

			Map<String, byte[]> zip = entries(theirs.browser().getBytes("/app/teacher/hand-ins.zip").body());

			assertThat(zip.keySet()).containsExactlyInAnyOrder("Zed Anders (" + zed + ")/zed.pdf",
					"ontvangstbewijzen.csv");
			assertThat(new String(zip.get("ontvangstbewijzen.csv"), StandardCharsets.UTF_8))
				.doesNotContain("Sam Student").doesNotContain("Yılmaz");
		}
		assertThat(entries(this.teacher.browser().getBytes("/app/teacher/hand-ins.zip").body()).keySet())
			.noneMatch((name) -> name.contains("Zed"));
	}

	private static TestLaunches otherCourse(TestLaunches launch, String setupKey) {
		return launch.with(LtiClaims.CUSTOM, Map.of(CurrentActivity.SETUP_KEY, setupKey))
			.with(LtiClaims.RESOURCE_LINK, Map.of("id", "99", "title", "Andere cursus"))
			.with(LtiClaims.CONTEXT,
					Map.of("id", "77", "label", "K77", "title", "Cursus 77", "type", List.of("CourseSection")));
	}

	private TeacherFixture fixture() {
		return new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities, this.catalog,
				this.jdbc, this.sessions, GradeMode.CIJFER);
	}

	private void attach(long submissionId, String filename, byte[] content, String sha256) {
		this.jdbc.sql("""
				INSERT INTO submission_file (submission_id, filename, content_type, size_bytes, sha256, content, created_at)
				VALUES (?, ?, 'application/octet-stream', ?, ?, ?, ?)""")
			.params(submissionId, filename, content.length, sha256, content, Timestamp.from(Instant.now()))
			.update();
	}

	private static Map<String, byte[]> entries(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
