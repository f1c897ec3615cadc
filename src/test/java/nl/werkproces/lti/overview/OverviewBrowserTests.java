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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.overview.CourseFixture.Link;
import nl.werkproces.lti.overview.CourseFixture.Session;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.Accessibility;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class overview, its exports and the student's portfolio in real Chromium (no cookie: the Moodle iframe's way,
 * on link tokens), against a simulated Moodle whose course has three werkproces activities and four students, and a
 * second platform with a course of the same id. Every page passes axe-core (WCAG 2.1 A/AA).
 */
@PlatformServicesTest
class OverviewBrowserTests {

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
	LaunchLinkTokens linkTokens;

	CourseFixture moodle;

	CourseFixture otherSchool;

	Link network;

	Link support;

	Link security;

	/** The second platform's activity in its course "2". */
	Link theirs;

	Session teacher;

	WebDriver browser;

	@BeforeEach
	void course() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = fixture();
		this.network = this.moodle.activity("2", "21", "B1-K2-W2", CourseFixture.NM);
		this.support = this.moodle.activity("2", "22", "B1-K1-W1", CourseFixture.ICT);
		this.security = this.moodle.activity("2", "24", "B1-K1-W2", CourseFixture.NM);
		this.teacher = this.moodle.launch(this.moodle.teacher(this.network));
		this.moodle.launch(this.moodle.teacher(this.support));
		this.moodle.launch(this.moodle.teacher(this.security));
		for (Link link : List.of(this.network, this.support, this.security)) {
			this.moodle.launch(this.moodle.student(link, "4", "Sam Student"));
		}
		this.moodle.launch(this.moodle.student(this.network, "8", "Lotte Laat"));
		this.moodle.launch(this.moodle.student(this.support, "6", "Kim Klaar"));
		this.moodle.launch(this.moodle.student(this.security, "7", "Nina Nieuw"));
		this.moodle.handIn(this.network, "4", false);
		this.moodle.handIn(this.support, "4", false);
		this.moodle.handIn(this.network, "8", true);
		this.moodle.handIn(this.support, "6", false);
		this.moodle.handIn(this.security, "7", false);
		finalize(this.network, "4", 2, "Netjes gewerkt, Sam");
		finalize(this.network, "8", 0, "Nog niet aangetoond");
		this.otherSchool = fixture();
		this.theirs = this.otherSchool.activity("2", "21", "B1-K2-W2", CourseFixture.NM);
		this.otherSchool.launch(this.otherSchool.teacher(this.theirs));
		this.otherSchool.launch(this.otherSchool.student(this.theirs, "44", "Zed Anders"));
		this.otherSchool.handIn(this.theirs, "44", false);
		this.browser = Browsers.chromium();
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.moodle.close();
		this.otherSchool.close();
	}

	@Test
	void overviewShowsVerdictsInWordsAndColourFiltersSortsAndCoverage() {
		open(this.teacher, "/app/overview");

		assertThat(text("overview-title")).contains("Klasoverzicht").contains("Cursus 2");
		WebElement voldoende = verdict("4", this.network);
		WebElement onvoldoende = verdict("8", this.network);
		assertThat(voldoende.getText()).isEqualTo("voldoende");
		assertThat(onvoldoende.getText()).isEqualTo("onvoldoende");
		assertThat(voldoende.getCssValue("background-color")).as("the verdict also in colour")
			.isNotEqualTo(onvoldoende.getCssValue("background-color"))
			.isNotEqualTo(cell("6", this.support).getCssValue("background-color"));
		assertThat(cell("8", this.network).getText()).contains("te laat");
		assertThat(students()).containsExactly("Kim Klaar", "Lotte Laat", "Nina Nieuw", "Sam Student");
		assertThat(this.browser.findElement(By.id("overview")).getText()).doesNotContain("Zed Anders");
		Accessibility.assertNoViolations(this.browser, "class overview");
		Browsers.screenshot(this.browser, "class-overview");

		new Select(this.browser.findElement(By.id("filter-select"))).selectByValue("ONVOLDOENDE");
		this.browser.findElement(By.id("overview-apply")).click();
		assertThat(this.browser.getCurrentUrl()).contains("filter=ONVOLDOENDE").contains("lsid=l1.");
		assertThat(students()).containsExactly("Lotte Laat");

		new Select(this.browser.findElement(By.id("filter-select"))).selectByValue("ALL");
		new Select(this.browser.findElement(By.id("sort-select"))).selectByValue("WERKPROCES");
		new Select(this.browser.findElement(By.id("sort-activity")))
			.selectByValue(String.valueOf(this.moodle.activityId(this.network)));
		this.browser.findElement(By.id("overview-apply")).click();
		assertThat(students().subList(0, 2)).as("onvoldoende first, then voldoende").containsExactly("Lotte Laat",
				"Sam Student");

		new Select(this.browser.findElement(By.id("profiel-select"))).selectByValue(CourseFixture.ICT);
		new Select(this.browser.findElement(By.id("sort-select"))).selectByValue("NAME");
		this.browser.findElement(By.id("overview-apply")).click();
		assertThat(this.browser.findElements(By.cssSelector("#overview thead th.werkproces")))
			.extracting(WebElement::getText)
			.allMatch((header) -> header.startsWith("B1-K1-W1"));
		List<String> uncovered = this.browser.findElements(By.cssSelector("#coverage li"))
			.stream()
			.map((item) -> item.getAttribute("data-werkproces"))
			.toList();
		assertThat(uncovered).isNotEmpty().doesNotContain("B1-K1-W1");
		assertThat(text("coverage-how")).contains("Werkproces-LTI");
		Accessibility.assertNoViolations(this.browser, "class overview, one profiel");
	}

	@Test
	void toGradeListOpensTheGradingScreenOfTheRightActivityAndStudent() {
		open(this.teacher, "/app/overview");
		List<WebElement> toGrade = this.browser.findElements(By.cssSelector("#to-grade li"));
		assertThat(toGrade).extracting(WebElement::getText)
			.anyMatch((item) -> item.contains("B1-K1-W1") && item.contains("Kim Klaar"))
			.anyMatch((item) -> item.contains("B1-K1-W2") && item.contains("Nina Nieuw"))
			.noneMatch((item) -> item.contains("Lotte Laat"));

		this.browser.findElement(By.cssSelector("#to-grade li[data-activity='" + this.moodle.activityId(this.support)
				+ "'][data-sub='6'] a.grade-link")).click();

		assertThat(this.browser.getCurrentUrl()).contains("/app/teacher/students/" + this.moodle.userId("6"));
		assertThat(text("student")).startsWith("Kim Klaar");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("B1-K1-W1")
			.doesNotContain("B1-K2-W2");
		Accessibility.assertNoViolations(this.browser, "grading screen opened from the overview");

		this.browser.navigate().back();
		this.browser.findElement(By.cssSelector("#to-grade li[data-activity='" + this.moodle.activityId(this.security)
				+ "'][data-sub='7'] a.grade-link")).click();
		assertThat(text("student")).startsWith("Nina Nieuw");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("B1-K1-W2");
	}

	@Test
	void exportsFromTheOverviewHoldTheRightCells() throws IOException {
		open(this.teacher, "/app/overview");
		ToolBrowser download = new ToolBrowser(base());

		HttpResponse<byte[]> csv = download.getBytes(href("export-csv"));
		assertThat(csv.statusCode()).isEqualTo(200);
		byte[] body = csv.body();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("Klasoverzicht;Cursus 2");
		assertThat(lines.get(1)).startsWith("Kwalificatiedossier;").contains(";crebo;").contains(";versie;");
		assertThat(lines).anyMatch((line) -> line.startsWith("Sam Student;") && line.contains(";voldoende;5,5;"));
		assertThat(lines).noneMatch((line) -> line.contains("Zed Anders"));

		HttpResponse<byte[]> xlsx = download.getBytes(href("export-xlsx"));
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Cursus 2");
			Row dossier = sheet.getRow(1);
			assertThat(dossier.getCell(0).getStringCellValue()).isEqualTo("Kwalificatiedossier");
			assertThat(dossier.getCell(1).getStringCellValue()).isNotBlank();
			assertThat(dossier.getCell(2).getStringCellValue()).isEqualTo("crebo");
			assertThat(dossier.getCell(4).getStringCellValue()).isEqualTo("versie");
			Row werkprocessen = row(sheet, "Werkproces");
			assertThat(werkprocessen.getCell(1).getStringCellValue()).startsWith("B1-K1-W1");
			assertThat(werkprocessen.getCell(6).getStringCellValue()).startsWith("B1-K1-W2");
			assertThat(werkprocessen.getCell(11).getStringCellValue()).startsWith("B1-K2-W2");
			assertThat(row(sheet, "Rubricversie").getCell(11).getStringCellValue()).isEqualTo("1");
			Row lotte = row(sheet, "Lotte Laat");
			assertThat(lotte.getCell(11).getStringCellValue()).isEqualTo("onvoldoende");
			assertThat(lotte.getCell(13).getStringCellValue()).isEqualTo("te laat ingeleverd");
			assertThat(lotte.getCell(15).getNumericCellValue()).isEqualTo(1);
			Row kim = row(sheet, "Kim Klaar");
			assertThat(kim.getCell(3).getStringCellValue()).isEqualTo("ingeleverd");
			assertThat(kim.getCell(1).getStringCellValue()).isEmpty();
			Sheet history = workbook.getSheet("Beoordelingsgeschiedenis");
			assertThat(history.getLastRowNum()).as("a header and the two final versions").isEqualTo(2);
			assertThat(row(history, "Sam Student").getCell(4).getStringCellValue()).isNotBlank();
		}
	}

	@Test
	void studentPortfolioShowsOwnWerkprocessenVerdictFeedbackAndWhatIsNotCoveredYet() {
		Session sam = this.moodle.launch(this.moodle.student(this.network, "4", "Sam Student"));
		open(sam, "/app/portfolio");

		assertThat(text("portfolio-title")).contains("Mijn werkprocessen");
		WebElement network = this.browser.findElement(
				By.cssSelector("tr.werkproces[data-activity='" + this.moodle.activityId(this.network) + "']"));
		assertThat(network.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("voldoende");
		assertThat(network.getText()).contains("5,5").contains("Netjes gewerkt, Sam");
		String page = this.browser.findElement(By.tagName("main")).getText();
		assertThat(page).doesNotContain("Lotte").doesNotContain("Nog niet aangetoond");
		assertThat(this.browser.findElements(By.cssSelector("#portfolio-coverage li"))).isNotEmpty();
		Accessibility.assertNoViolations(this.browser, "student portfolio");
	}

	@Test
	void teacherOfTheSecondPlatformSeesOnlyTheirOwnCourseWithTheSameId() {
		open(this.otherSchool.launch(this.otherSchool.teacher(this.theirs)), "/app/overview");

		assertThat(students()).containsExactly("Zed Anders");
		Accessibility.assertNoViolations(this.browser, "class overview of the second platform");
	}

	private void open(Session session, String path) {
		String token = this.linkTokens.issue(this.sessions.find(session.sessionId()).orElseThrow());
		this.browser.get(base() + path + "?lsid=" + token);
	}

	private List<String> students() {
		return this.browser.findElements(By.cssSelector("#overview tbody th[scope='row']"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private WebElement cell(String sub, Link link) {
		return this.browser.findElement(By.cssSelector(
				"#overview tr[data-sub='" + sub + "'] td[data-activity='" + this.moodle.activityId(link) + "']"));
	}

	private WebElement verdict(String sub, Link link) {
		return cell(sub, link).findElement(By.cssSelector(".verdict"));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private String href(String id) {
		return this.browser.findElement(By.id(id)).getAttribute("href");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private void finalize(Link link, String sub, int level, String remark) {
		Session session = this.moodle.launch(this.moodle.teacher(link));
		HttpResponse<String> response = session.post("/app/teacher/students/" + this.moodle.userId(sub) + "/finalize",
				this.moodle.levels(link, level, remark));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
	}

	private static Row row(Sheet sheet, String first) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && first.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + first);
	}

	private CourseFixture fixture() {
		return new CourseFixture(base(), this.registrations, this.activities, this.catalog, this.jdbc, this.sessions,
				this.rubrics);
	}

}
