package nl.werkproces.lti.overview;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.overview.CourseFixture.Link;
import nl.werkproces.lti.overview.CourseFixture.Session;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.StatementLog;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class overview, its exports and the student's portfolio over real HTTP against simulated Moodles: what each
 * cell shows, the filters, who may see what (role, course, platform), and a fixed number of statements per page.
 */
@PlatformServicesTest
class ClassOverviewTests {

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
	RubricVersions rubrics;

	@Autowired
	MutableClock clock;

	@Autowired
	GradeDeliveryWorker worker;

	@Autowired
	StatementLog statements;

	@Autowired
	LaunchLinkTokens linkTokens;

	@TestConfiguration
	static class LogStatements {

		@Bean
		static StatementLog statementLog() {
			return new StatementLog();
		}

	}

	CourseFixture moodle;

	/** Course 2: B1-K2-W2 (graded here) and B1-K1-W1 for the other profiel. */
	Link network;

	Link support;

	/** Course 77 of the same platform: another class. */
	Link otherCourse;

	Session teacher;

	@BeforeEach
	void course() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = fixture();
		this.network = this.moodle.activity("2", "21", "B1-K2-W2", CourseFixture.NM);
		this.support = this.moodle.activity("2", "22", "B1-K1-W1", CourseFixture.ICT);
		this.otherCourse = this.moodle.activity("77", "23", "B1-K3-W1", CourseFixture.NM);
		this.teacher = this.moodle.launch(this.moodle.teacher(this.network));
		this.moodle.launch(this.moodle.teacher(this.support));
		this.moodle.launch(this.moodle.student(this.network, "4", "Sam Student"));
		this.moodle.launch(this.moodle.student(this.support, "4", "Sam Student"));
		this.moodle.launch(this.moodle.student(this.network, "8", "Lotte Laat"));
		this.moodle.launch(this.moodle.student(this.support, "6", "Kim Klaar"));
		this.moodle.launch(this.moodle.student(this.otherCourse, "9", "Bea Buiten"));
		this.moodle.handIn(this.network, "4", false);
		this.moodle.handIn(this.support, "4", false);
		this.moodle.handIn(this.network, "8", true);
		this.moodle.handIn(this.otherCourse, "9", false);
		finalize(this.network, "4", 2, "Netjes gewerkt, Sam");
		// the shared database may hold other tests' waiting grades: this delivers Sam's among them
		assertThat(this.worker.deliverDue()).isPositive();
		finalize(this.network, "8", 0, "Nog niet aangetoond");
	}

	@AfterEach
	void stopPlatform() {
		this.moodle.close();
	}

	@Test
	void teacherSeesEveryStudentAndWerkprocesOfTheCourseGroupedByKerntaak() {
		String page = this.teacher.get("/app/overview").body();

		assertThat(page).contains("Klasoverzicht").contains("Cursus 2");
		assertThat(page).contains("Sam Student").contains("Lotte Laat").contains("Kim Klaar")
			.doesNotContain("Bea Buiten");
		assertThat(table(page)).doesNotContain("B1-K3-W1");
		String table = table(page);
		assertThat(table.indexOf("B1-K1-W1")).as("kerntaken in dossier order").isLessThan(table.indexOf("B1-K2-W2"));
		assertThat(page).contains("B1-K1 ").contains("B1-K2 ");
		String sam = cell(page, "4", this.network);
		assertThat(sam).contains("verdict-VOLDOENDE\">voldoende").contains("5,5").contains("ingeleverd")
			.contains("data-gradebook=\"IN_GRADEBOOK\"").contains(">in Moodle<").doesNotContain("te laat");
		String lotte = cell(page, "8", this.network);
		assertThat(lotte).contains(">onvoldoende<").contains("te laat").contains("wordt verstuurd");
		assertThat(cell(page, "6", this.support)).contains("niet ingeleverd").contains("data-gradebook=\"NONE\"");
	}

	@Test
	void toGradeListLinksTheCurrentActivitysGradingScreenDirectlyAndTheOthersThroughTheOverview() {
		long sam = this.moodle.userId("4");
		long kim = this.moodle.userId("6");
		this.moodle.handIn(this.support, "6", false);
		Session inSupport = this.moodle.launch(this.moodle.teacher(this.support));

		String fromNetwork = this.teacher.get("/app/overview").body();
		String list = fromNetwork.substring(fromNetwork.indexOf("id=\"to-grade\""));
		assertThat(list).contains("Sam Student").contains("Kim Klaar").doesNotContain("Lotte Laat")
			.contains("href=\"/app/overview/grade/" + this.moodle.activityId(this.support) + "/" + kim + "\"")
			.contains("(B1-K1-W1 opdracht)");
		String fromSupport = inSupport.get("/app/overview").body();
		assertThat(fromSupport).contains("href=\"/app/teacher/students/" + sam + "\"");
	}

	@Test
	void teacherGradesInTwoActivitiesOfTheCourseFromOneLaunchWithTheOtherActivitysGradebookColumn() {
		long sam = this.moodle.userId("4");
		String supportColumn = this.moodle.simulator.baseUrl() + "/mod/lti/services.php/2/lineitems/22/lineitem?type_id=1";
		// the newest launch of the support activity carries its column (the course's launches so far all carry one)
		this.clock.advance(java.time.Duration.ofSeconds(1));
		this.moodle.launch(this.moodle.student(this.support, "4", "Sam Student")
			.with(nl.werkproces.lti.spec.LtiClaims.AGS_ENDPOINT, java.util.Map.of("scope",
					List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
							"https://purl.imsglobal.org/spec/lti-ags/scope/score"),
					"lineitems", this.moodle.simulator.baseUrl() + "/mod/lti/services.php/2/lineitems?type_id=1",
					"lineitem", supportColumn)));
		long support = this.moodle.activityId(this.support);

		HttpResponse<String> redirect = this.teacher.get("/app/overview/grade/" + support + "/" + sam);

		assertThat(redirect.statusCode()).isEqualTo(302);
		String screen = redirect.headers().firstValue("Location").orElseThrow();
		// with the cookie no token goes into the URL: the cookie now carries the derived session
		assertThat(screen).endsWith("/app/teacher/students/" + sam).doesNotContain("lsid");
		assertThat(redirect.headers().allValues("Set-Cookie")).anyMatch((c) -> c.startsWith("lti_session="));
		String page = this.teacher.get(screen).body();
		assertThat(page).contains("Sam Student").contains("B1-K1-W1").doesNotContain("B1-K2-W2");
		HttpResponse<String> finalized = this.teacher.browser().post("/app/teacher/students/" + sam + "/finalize",
				withPageTokens(page, this.moodle.levels(this.support, 2, "Goed gedaan in het andere werkproces")));
		assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(302);
		assertThat(this.jdbc.sql("""
				SELECT o.line_item_url FROM grading g JOIN grade_outbox o ON o.id = g.outbox_id
				WHERE g.activity_id = ? AND g.student_user_id = ? AND g.status = 'FINAL'""")
			.params(support, sam)
			.query(String.class)
			.single()).as("the grade goes to the support activity's column").isEqualTo(supportColumn);
		// and back: the support teacher's launch opens a hand-in of the network activity
		this.moodle.launch(this.moodle.student(this.network, "s1", "Nina Nieuw"));
		this.moodle.handIn(this.network, "s1", false);
		Session inSupport = this.moodle.launch(this.moodle.teacher(this.support));
		String back = inSupport.get("/app/overview/grade/" + this.moodle.activityId(this.network) + "/"
				+ this.moodle.userId("s1")).headers().firstValue("Location").orElseThrow();
		assertThat(inSupport.get(back).body()).contains("Nina Nieuw").contains("B1-K2-W2");
	}

	@Test
	void studentCannotOpenAGradeLink() {
		Session sam = this.moodle.launch(this.moodle.student(this.network, "4", "Sam Student"));

		assertThat(sam.get("/app/overview/grade/" + this.moodle.activityId(this.support) + "/" + this.moodle.userId("4"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void gradeLinkToAnActivityOfAnotherCourseOrPlatformOrNoneIsNotFound() {
		long bea = this.moodle.userId("9");
		assertThat(this.teacher.get("/app/overview/grade/" + this.moodle.activityId(this.otherCourse) + "/" + bea)
			.statusCode()).isEqualTo(404);
		assertThat(this.teacher.get("/app/overview/grade/987654321/" + bea).statusCode()).isEqualTo(404);
		try (CourseFixture school = fixture()) {
			Link theirs = school.activity("2", "21", "B1-K2-W2", CourseFixture.NM);
			school.launch(school.teacher(theirs));
			school.launch(school.student(theirs, "44", "Zed Anders"));
			school.handIn(theirs, "44", false);

			assertThat(this.teacher.get("/app/overview/grade/" + school.activityId(theirs) + "/" + school.userId("44"))
				.statusCode()).as("same course id on another platform").isEqualTo(404);
		}
	}

	@Test
	void derivedSessionStaysInItsCourseAndActivity() {
		long sam = this.moodle.userId("4");
		ToolBrowser cookieless = new ToolBrowser("http://localhost:" + this.port);
		String own = this.linkTokens.issue(this.sessions.find(this.teacher.sessionId()).orElseThrow());
		String screen = cookieless.get("/app/overview/grade/" + this.moodle.activityId(this.support) + "/" + sam
				+ "?lsid=" + own)
			.headers()
			.firstValue("Location")
			.orElseThrow();
		assertThat(screen).as("without the cookie the derived session travels as a link token")
			.contains("/app/teacher/students/" + sam + "?lsid=l1.");
		String token = screen.substring(screen.indexOf("lsid=") + 5);

		assertThat(cookieless.get(screen).statusCode()).isEqualTo(200);
		assertThat(cookieless.get("/app/overview/grade/" + this.moodle.activityId(this.otherCourse) + "/"
				+ this.moodle.userId("9") + "?lsid=" + token).statusCode()).as("another course").isEqualTo(404);
		String overview = cookieless.get("/app/overview?lsid=" + token).body();
		assertThat(overview).contains("Cursus 2").contains("Sam Student").doesNotContain("Bea Buiten");
		assertThat(cookieless.get("/app/teacher/students/" + this.moodle.userId("9") + "?lsid=" + token).statusCode())
			.as("a student of another course in the derived activity").isEqualTo(404);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM launch_session d JOIN launch_session s ON s.id_hash = ?
				WHERE d.user_id = s.user_id AND d.context_id = s.context_id AND d.resource_link_id <> s.resource_link_id
				  AND d.custom IS NULL""")
			.param(this.sessions.find(this.teacher.sessionId()).orElseThrow().idHash())
			.query(Long.class)
			.single()).as("the derived session: same user and course, the other activity").isEqualTo(1);
	}

	@Test
	void filtersShowStudentsToGradeOrWithAnOnvoldoendeAndOneProfielsWerkprocessen() {
		String toGrade = table(this.teacher.get("/app/overview?filter=TO_GRADE").body());
		assertThat(toGrade).contains("Sam Student").doesNotContain("Lotte Laat").doesNotContain("Kim Klaar");
		String onvoldoende = table(this.teacher.get("/app/overview?filter=ONVOLDOENDE").body());
		assertThat(onvoldoende).contains("Lotte Laat").doesNotContain("Sam Student").doesNotContain("Kim Klaar");
		String ict = table(this.teacher.get("/app/overview?profiel=ICT-beheerder").body());
		assertThat(ict).contains("B1-K1-W1").doesNotContain("B1-K2-W2");
	}

	@Test
	void rosterLinksTheOverview() {
		assertThat(this.teacher.get("/app/teacher").body()).contains("id=\"overview-link\" href=\"/app/overview\"");
	}

	@Test
	void withoutTheCookieTheRostersLinkOpensTheOverviewAndItsExportsWithLinkTokens() {
		ToolBrowser cookieless = new ToolBrowser("http://localhost:" + this.port);
		String token = this.linkTokens.issue(this.sessions.find(this.teacher.sessionId()).orElseThrow());

		String roster = cookieless.get("/app/teacher?lsid=" + token).body();
		String overviewLink = href(roster, "overview-link");
		assertThat(overviewLink).startsWith("/app/overview?lsid=l1.");
		HttpResponse<String> overview = cookieless.get(overviewLink);
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("Sam Student");
		HttpResponse<byte[]> csv = cookieless.getBytes(href(overview.body(), "export-csv"));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(cookieless.getBytes(href(overview.body(), "export-xlsx")).statusCode()).isEqualTo(200);
	}

	@Test
	void studentCannotSeeTheOverviewNorItsExports() {
		Session sam = this.moodle.launch(this.moodle.student(this.network, "4", "Sam Student"));

		assertThat(sam.get("/app/overview").statusCode()).isEqualTo(403);
		assertThat(sam.download("/app/overview/export.csv").statusCode()).isEqualTo(403);
		assertThat(sam.download("/app/overview/export.xlsx").statusCode()).isEqualTo(403);
	}

	@Test
	void teacherOfAnotherCourseSeesOnlyThatCourse() {
		Session other = this.moodle.launch(this.moodle.teacher(this.otherCourse));

		String page = other.get("/app/overview").body();
		assertThat(page).contains("Bea Buiten").doesNotContain("Sam Student");
		assertThat(table(page)).contains("B1-K3-W1").doesNotContain("B1-K2-W2");
		String csv = new String(other.download("/app/overview/export.csv").body(), StandardCharsets.UTF_8);
		assertThat(csv).contains("Bea Buiten").doesNotContain("Sam Student");
	}

	@Test
	void teacherOfAnotherPlatformWithTheSameCourseIdSeesNothingOfThisCourse() {
		try (CourseFixture school = fixture()) {
			Link theirs = school.activity("2", "21", "B1-K2-W2", CourseFixture.NM);
			Session teacher = school.launch(school.teacher(theirs));
			school.launch(school.student(theirs, "44", "Zed Anders"));

			String page = teacher.get("/app/overview").body();
			assertThat(page).contains("Zed Anders").doesNotContain("Sam Student").doesNotContain("Lotte Laat");
			byte[] xlsx = teacher.download("/app/overview/export.xlsx").body();
			assertThat(new String(xlsx, StandardCharsets.ISO_8859_1)).startsWith("PK");
			assertThat(allText(xlsx)).contains("Zed Anders").doesNotContain("Sam Student");
		}
	}

	@Test
	void csvIsUtf8WithBomSemicolonsAndDecimalCommaWithDossierHeaders() {
		HttpResponse<byte[]> response = this.teacher.download("/app/overview/export.csv");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
			.contains(".csv");
		byte[] body = response.body();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("Klasoverzicht;Cursus 2");
		assertThat(lines.get(1)).startsWith("Kwalificatiedossier;").contains(";crebo;").contains(";versie;");
		assertThat(lines).anyMatch((line) -> line.startsWith("Rubricversie;1;;;;;1"));
		assertThat(lines).anyMatch((line) -> line.startsWith("Student;Oordeel;Cijfer;Inlevering;Cijfer in Moodle;Versies"));
		String sam = lines.stream().filter((line) -> line.startsWith("Sam Student;")).findFirst().orElseThrow();
		assertThat(sam).contains("voldoende;5,5;ingeleverd;in Moodle;1");
		String lotte = lines.stream().filter((line) -> line.startsWith("Lotte Laat;")).findFirst().orElseThrow();
		assertThat(lotte).contains("onvoldoende;").contains(";te laat ingeleverd;wordt verstuurd;1");
		int history = lines.indexOf("Beoordelingsgeschiedenis");
		assertThat(history).as("the grading history after the overview").isPositive();
		assertThat(lines.get(history - 1)).isEmpty();
		assertThat(lines.get(history + 1)).startsWith("Student;Werkproces;Versie;Definitief op;Beoordelaar");
		assertThat(lines.subList(history, lines.size())).anyMatch((line) -> line.startsWith("Sam Student;B1-K2-W2")
				&& line.contains(";1;") && line.contains(";voldoende;5,5;") && line.contains(";in de cijferlijst;"));
	}

	@Test
	void xlsxHoldsTheHeaderRowsCijfersAsNumbersAndTheGradingHistoryAndLeavesNoTemporaryFile() throws IOException {
		java.util.Set<String> before = streamingTempFiles();
		HttpResponse<byte[]> response = this.teacher.download("/app/overview/export.xlsx");

		assertThat(streamingTempFiles()).as("the streaming workbook's sheet files are deleted").isSubsetOf(before);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Cursus 2");
			Row dossier = sheet.getRow(1);
			assertThat(dossier.getCell(0).getStringCellValue()).isEqualTo("Kwalificatiedossier");
			assertThat(dossier.getCell(2).getStringCellValue()).isEqualTo("crebo");
			String crebo = this.jdbc.sql("SELECT d.crebo FROM dossier d JOIN activity a ON a.dossier_id = d.id WHERE a.id = ?")
				.param(this.moodle.activityId(this.network))
				.query(String.class)
				.list()
				.get(0);
			assertThat(dossier.getCell(3).getStringCellValue())
				.isEqualTo((crebo != null) ? crebo : "niet vermeld in het dossier");
			Row werkprocessen = row(sheet, "Werkproces");
			assertThat(werkprocessen.getCell(1).getStringCellValue()).startsWith("B1-K1-W1").endsWith("(ICT-beheerder)");
			assertThat(werkprocessen.getCell(6).getStringCellValue()).startsWith("B1-K2-W2");
			assertThat(row(sheet, "Rubricversie").getCell(6).getStringCellValue()).isEqualTo("1");
			assertThat(row(sheet, "Student").getCell(10).getStringCellValue()).isEqualTo("Versies");
			Row sam = row(sheet, "Sam Student");
			assertThat(sam.getCell(6).getStringCellValue()).isEqualTo("voldoende");
			assertThat(sam.getCell(7).getNumericCellValue()).isEqualTo(5.5);
			assertThat(sam.getCell(9).getStringCellValue()).isEqualTo("in Moodle");
			assertThat(sam.getCell(10).getNumericCellValue()).as("final versions").isEqualTo(1);
			assertThat(sam.getCell(3).getStringCellValue()).isEqualTo("ingeleverd");
			Sheet history = workbook.getSheetAt(1);
			assertThat(history.getSheetName()).isEqualTo("Beoordelingsgeschiedenis");
			assertThat(history.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Versie");
			Row samsVersion = row(history, "Sam Student");
			assertThat(samsVersion.getCell(1).getStringCellValue()).startsWith("B1-K2-W2");
			assertThat(samsVersion.getCell(2).getNumericCellValue()).isEqualTo(1);
			assertThat(samsVersion.getCell(6).getStringCellValue()).isEqualTo("voldoende");
			assertThat(samsVersion.getCell(7).getNumericCellValue()).isEqualTo(5.5);
			assertThat(samsVersion.getCell(9).getStringCellValue()).isEqualTo("in de cijferlijst");
			assertThat(samsVersion.getCell(10).getStringCellValue()).isEqualTo(this.jdbc
				.sql("SELECT content_hash FROM grading_version WHERE activity_id = ? AND student_user_id = ?")
				.params(this.moodle.activityId(this.network), this.moodle.userId("4"))
				.query(String.class)
				.single());
			assertThat(row(history, "Lotte Laat").getCell(9).getStringCellValue()).isEqualTo("nog niet verstuurd");
		}
	}

	@Test
	void studentPortfolioShowsOwnWerkprocessenWithVerdictAndFeedbackOnly() {
		Session sam = this.moodle.launch(this.moodle.student(this.network, "4", "Sam Student"));

		assertThat(this.moodle.launch(this.moodle.student(this.network, "4", "Sam Student")).get("/app/student").body())
			.contains("href=\"/app/portfolio\"");
		String page = sam.get("/app/portfolio").body();
		assertThat(page).contains("Mijn werkprocessen");
		String own = page.substring(0, page.indexOf("id=\"portfolio-coverage-title\""));
		assertThat(own).contains("B1-K1-W1").contains("B1-K2-W2").doesNotContain("B1-K3-W1");
		assertThat(page).contains(">voldoende<").contains("5,5").contains("Netjes gewerkt, Sam")
			.contains("ingeleverd, wacht op beoordeling");
		assertThat(page).doesNotContain("Lotte").doesNotContain("Nog niet aangetoond").doesNotContain("onvoldoende");
		String lotte = this.moodle.launch(this.moodle.student(this.network, "8", "Lotte Laat"))
			.get("/app/portfolio")
			.body();
		assertThat(lotte).contains(">onvoldoende<").contains("Nog niet aangetoond").doesNotContain("Netjes gewerkt");
	}

	@Test
	void studentsSortByNameByNumberToGradeOrByTheResultOnOneWerkproces() {
		String byName = table(this.teacher.get("/app/overview").body());
		assertThat(byName.indexOf("Kim Klaar")).isLessThan(byName.indexOf("Lotte Laat"));
		assertThat(byName.indexOf("Lotte Laat")).isLessThan(byName.indexOf("Sam Student"));

		String toGrade = table(this.teacher.get("/app/overview?sort=TO_GRADE").body());
		assertThat(toGrade.indexOf("Sam Student")).as("Sam has a hand-in to grade").isLessThan(toGrade.indexOf("Kim Klaar"));

		long network = this.moodle.activityId(this.network);
		String byResult = table(this.teacher.get("/app/overview?sort=WERKPROCES&activity=" + network).body());
		assertThat(byResult.indexOf("Lotte Laat")).as("onvoldoende first").isLessThan(byResult.indexOf("Sam Student"));
		assertThat(byResult.indexOf("Sam Student")).as("ungraded last").isLessThan(byResult.indexOf("Kim Klaar"));
	}

	@Test
	void filterAndSortAreAGetFormKeptInTheUrl() {
		long network = this.moodle.activityId(this.network);
		String page = this.teacher
			.get("/app/overview?filter=TO_GRADE&profiel=Netwerk-+en+mediabeheerder&sort=WERKPROCES&activity=" + network)
			.body();

		String form = page.substring(page.indexOf("<form id=\"overview-form\""), page.indexOf("</form>"));
		assertThat(form).contains("method=\"get\"").contains("action=\"/app/overview\"")
			.contains("<option value=\"TO_GRADE\" selected=\"selected\">")
			.contains("<option value=\"Netwerk- en mediabeheerder\" selected=\"selected\">")
			.contains("<option value=\"WERKPROCES\" selected=\"selected\">")
			.contains("<option value=\"" + network + "\" selected=\"selected\">");
		assertThat(this.teacher.get("/app/overview?sort=RANDOM").statusCode()).isEqualTo(400);
	}

	@Test
	void coverageNamesTheProfielsWerkprocessenWithoutActivityAndHowToAddOne() {
		String page = this.teacher.get("/app/overview").body();
		String coverage = page.substring(page.indexOf("id=\"coverage-title\""));

		assertThat(coverage).contains("data-werkproces=\"B1-K1-W2\"")
			.doesNotContain("data-werkproces=\"B1-K1-W1\"")
			.doesNotContain("data-werkproces=\"B1-K2-W2\"")
			.contains("(Netwerk- en mediabeheerder)")
			.contains("(ICT-beheerder)")
			.contains("Werkproces-LTI");
		String ict = this.teacher.get("/app/overview?profiel=ICT-beheerder").body();
		assertThat(ict.substring(ict.indexOf("id=\"coverage-title\""))).doesNotContain("(Netwerk- en mediabeheerder)");
		String portfolio = this.moodle.launch(this.moodle.student(this.network, "4", "Sam Student"))
			.get("/app/portfolio")
			.body();
		assertThat(portfolio).contains("id=\"portfolio-coverage\"").contains("data-werkproces=\"B1-K1-W2\"")
			.doesNotContain("data-werkproces=\"B1-K2-W2\"");
	}

	@Test
	void pageAndExportsReadWithTheSameStatementsForAnyClassSize() {
		this.teacher.get("/app/overview");
		this.statements.reset();
		this.teacher.get("/app/overview");
		int small = courseStatements();
		for (int i = 0; i < 6; i++) {
			this.moodle.launch(this.moodle.student(this.support, "s" + i, "Extra " + i));
			this.moodle.handIn(this.support, "s" + i, i % 2 == 0);
		}
		this.statements.reset();
		String page = this.teacher.get("/app/overview").body();

		assertThat(page).contains("Extra 5");
		assertThat(courseStatements()).isEqualTo(small).isLessThanOrEqualTo(5);
		this.statements.reset();
		this.teacher.download("/app/overview/export.xlsx");
		assertThat(courseStatements()).as("the page's five and the grading history").isLessThanOrEqualTo(6);
	}

	/** The statements that read the course's work (the launch session's own lookups are not counted). */
	private int courseStatements() {
		return this.statements.statements()
			.stream()
			.filter((sql) -> sql.contains("submission") || sql.contains("FROM activity") || sql.contains("grading"))
			.toList()
			.size();
	}

	private void finalize(Link link, String sub, int level, String remark) {
		Session teacher = this.moodle.launch(this.moodle.teacher(link));
		HttpResponse<String> response = teacher.post("/app/teacher/students/" + this.moodle.userId(sub) + "/finalize",
				this.moodle.levels(link, level, remark));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
	}

	/** The form fields of a grading page shown for a derived session: its CSRF token and link token. */
	private static java.util.Map<String, String> withPageTokens(String page, java.util.Map<String, String> fields) {
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>(fields);
		form.put("_csrf", hidden(page, "_csrf"));
		form.put("lsid", hidden(page, "lsid"));
		return form;
	}

	private static String hidden(String page, String name) {
		String tag = page.substring(page.indexOf("name=\"" + name + "\""));
		tag = tag.substring(0, tag.indexOf('>'));
		String value = tag.substring(tag.indexOf("value=\"") + 7);
		return value.substring(0, value.indexOf('"')).replace("&amp;", "&");
	}

	private String cell(String page, String sub, Link link) {
		String row = page.substring(page.indexOf("data-sub=\"" + sub + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		String start = "data-activity=\"" + this.moodle.activityId(link) + "\"";
		String cell = row.substring(row.indexOf(start));
		return cell.substring(0, cell.indexOf("</td>"));
	}

	private static String href(String page, String id) {
		String tag = page.substring(page.indexOf("id=\"" + id + "\""));
		String href = tag.substring(tag.indexOf("href=\"") + 6);
		return href.substring(0, href.indexOf('"')).replace("&amp;", "&");
	}

		private static String table(String page) {
		return page.substring(page.indexOf("<table"), page.indexOf("</table>"));
	}

	private static Row row(Sheet sheet, String first) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && first.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + first);
	}

	/** The sheet files POI's streaming workbook writes (under {@code java.io.tmpdir/poifiles}). */
	private static java.util.Set<String> streamingTempFiles() throws IOException {
		java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
		if (!java.nio.file.Files.isDirectory(dir)) {
			return java.util.Set.of();
		}
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith("poi-sxssf"))
				.collect(java.util.stream.Collectors.toSet());
		}
	}

	private static String allText(byte[] xlsx) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			StringBuilder text = new StringBuilder();
			workbook.getSheetAt(0).forEach((row) -> row.forEach((cell) -> text.append(cell).append('\n')));
			return text.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private CourseFixture fixture() {
		return new CourseFixture("http://localhost:" + this.port, this.registrations, this.activities, this.catalog,
				this.jdbc, this.sessions, this.rubrics);
	}

}
