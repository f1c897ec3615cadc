package nl.werkproces.lti.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import nl.werkproces.lti.testing.Accessibility;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.PickerPages;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (WCAG 2.1 A and AA) on every kind of page a person reaches through the demo platform, in real Chromium:
 * demo course, student not-ready page, activity setup, Deep Linking picker, student page and receipt, teacher home,
 * settings, grading screen, catalog and beoordelingsformulier, the admin pages and the error page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

	@LocalServerPort
	int port;

	static WebDriver browser;

	@BeforeAll
	static void openBrowser() {
		browser = Browsers.chromium();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private final List<String> found = new ArrayList<>();

	/** English, leftover or misspelt words that must not appear on a Dutch page. */
	static final java.util.regex.Pattern NOT_DUTCH = java.util.regex.Pattern.compile(
			"\\bsystem\\b|\\bTEXT\\b|Authentication request URL|\\bhoogstens\\b|Geimporteerd|\\b1 criteria\\b|werkproces\\(sen\\)");

	private void check(String pageName) {
		this.found.addAll(Accessibility.violations(browser).stream().map((v) -> pageName + ": " + v).toList());
		java.util.regex.Matcher words = NOT_DUTCH.matcher(browser.findElement(By.tagName("body")).getText());
		while (words.find()) {
			this.found.add(pageName + ": not Dutch: '" + words.group() + "'");
		}
	}

	/** Every table is at most as wide as the column it is in (its long values wrap instead of overflowing). */
	private void tablesFitTheirColumn(String pageName) {
		Object tooWide = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('table'))
				  .filter((t) => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1)
				  .map((t) => t.id || t.className);
				""");
		if (tooWide instanceof List<?> tables && !tables.isEmpty()) {
			this.found.add(pageName + ": tables wider than their column: " + tables);
		}
	}

	private void assertNothingFound() {
		assertThat(this.found).as("WCAG 2.1 A/AA violations found by axe-core, and non-Dutch words").isEmpty();
	}

	private String demo() {
		return "http://localhost:" + this.port + "/demo";
	}

	@Test
	void launchedPagesOfStudentAndTeacherHaveNoWcagViolationsAndNoEnglishWords() throws Exception {
		browser.get(demo());
		check("demo course");
		browser.findElement(By.id("launch-teacher-window")).click();
		check("activity setup");
		browser.get(demo());
		browser.findElement(By.id("launch-student-window")).click();
		check("student not-ready page");

		browser.get(demo() + "/platform/launch?user=demo-teacher-1&target=window&lang=nl&kind=dl");
		PickerPages.tick(browser, "B1-K1-W1");
		check("deep linking picker");
		browser.findElement(By.id("picker-submit")).click();
		browser.findElement(By.id("added"));
		check("deep linking added");

		browser.get(demo());
		List<WebElement> launches = browser.findElements(By.cssSelector("a[id^='launch-student-demo-activity-']"));
		String activity = launches.get(launches.size() - 1).getAttribute("id").substring("launch-student-".length());
		browser.get(demo() + "/platform/launch?user=demo-student-1&target=window&lang=nl&activity=" + activity);
		browser.findElement(By.id("text"));
		check("student page");
		browser.findElement(By.id("text")).sendKeys("Ik heb de werkplek ingericht.");
		Path pdf = Files.createTempFile("verslag", ".pdf");
		Files.writeString(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", StandardCharsets.ISO_8859_1);
		browser.findElement(By.id("files")).sendKeys(pdf.toString());
		browser.findElement(By.id("submit")).click();
		browser.findElement(By.id("receipt-files"));
		check("receipt");

		browser.get(demo() + "/platform/launch?user=demo-teacher-1&target=window&lang=nl&activity=" + activity);
		browser.findElement(By.linkText("Sanne de Vries"));
		check("teacher home (roster)");
		String home = browser.getCurrentUrl();
		browser.findElement(By.cssSelector("a[href*='/app/teacher/settings']")).click();
		check("activity settings");
		browser.get(home);
		browser.findElement(By.linkText("Sanne de Vries")).click();
		check("grading screen");
		assertNothingFound();
	}

	@Test
	void catalogAdminAndErrorPagesHaveNoWcagViolationsAndNoEnglishWords() {
		String base = "http://localhost:" + this.port;
		browser.get(base + "/catalog");
		check("catalog");
		browser.findElement(By.cssSelector("a[href*='/catalog/dossiers/']")).click();
		check("catalog dossier");
		browser.findElement(By.cssSelector("a[href*='/werkprocessen/']")).click();
		check("catalog werkproces");
		browser.get(browser.getCurrentUrl() + "/beoordelingsformulier");
		check("beoordelingsformulier");

		browser.get(base + "/admin/login");
		check("admin login");
		browser.findElement(By.id("username")).sendKeys(AdminBrowser.USER);
		browser.findElement(By.id("password")).sendKeys(AdminBrowser.PASSWORD);
		browser.findElement(By.cssSelector("button[type='submit']")).click();
		browser.findElement(By.cssSelector("a[href*='/admin/platforms/new']"));
		check("admin overview");
		for (String page : List.of("/admin/platforms/new", "/admin/registrations", "/admin/keys", "/admin/lti-config",
				"/admin/grades", "/admin/activity", "/admin/audit", "/admin/dossiers/import")) {
			browser.get(base + page);
			check(page);
			tablesFitTheirColumn(page);
		}
		browser.get(base + "/does-not-exist");
		check("error page");
		assertNothingFound();
	}

}
