package nl.werkproces.lti.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.werkproces.lti.testing.Browsers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole assignment loop in real Chromium through the demo platform, with the tool inside the course page's
 * iframe as in Moodle: the teacher deep-links a werkproces, the student hands in text and a file, the teacher
 * grades with the rubric and finalizes, and the demo gradebook shows the score and comment. Screenshots of every
 * step under {@code target/screenshots/loop-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.grades.poll-interval=1s")
class AssignmentLoopBrowserTests {

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

	@Test
	void teacherDeepLinksStudentHandsInTeacherGradesAndTheGradeReachesTheGradebook() throws Exception {
		String demo = "http://localhost:" + this.port + "/demo";

		// 1. The teacher adds werkproces B1-K1-W1 through Deep Linking.
		browser.get(demo);
		browser.findElement(By.id("deep-link")).click();
		browser.switchTo().frame("tool-frame");
		browser.findElement(By.id("wp-B1-K1-W1")).click();
		Browsers.screenshot(browser, "loop-1-picker");
		browser.findElement(By.id("picker-submit")).click();
		assertThat(browser.findElement(By.id("added")).getText()).contains("B1-K1-W1");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "loop-2-deep-linked");

		// 2. The student opens the new activity and hands in text and a PDF.
		browser.get(demo);
		List<WebElement> studentLaunches = browser.findElements(By.cssSelector("a[id^='launch-student-demo-activity-']"));
		String activity = studentLaunches.get(studentLaunches.size() - 1).getAttribute("id")
			.substring("launch-student-".length());
		assertThat(activity).isNotEqualTo("demo-activity-1");
		browser.findElement(By.id("launch-student-" + activity)).click();
		browser.switchTo().frame("tool-frame");
		assertThat(browser.findElement(By.id("werkproces")).getText()).contains("B1-K1-W1");
		browser.findElement(By.id("text")).sendKeys("Ik heb de werkplek ingericht volgens de wensen van de klant.");
		Path pdf = Files.createTempFile("werkplek-verslag", ".pdf");
		Files.writeString(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", StandardCharsets.ISO_8859_1);
		browser.findElement(By.id("files")).sendKeys(pdf.toString());
		browser.findElement(By.id("submit")).click();
		assertThat(browser.findElement(By.id("receipt-files")).getText()).contains("werkplek-verslag");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "loop-3-handed-in");

		// 3. The teacher grades with the rubric and finalizes.
		browser.get(demo);
		browser.findElement(By.id("launch-teacher-" + activity)).click();
		browser.switchTo().frame("tool-frame");
		browser.findElement(By.linkText("Sanne de Vries")).click();
		for (WebElement voldoende : browser.findElements(By.cssSelector("input[type='radio'][value='2']"))) {
			((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", voldoende);
			voldoende.click();
		}
		assertThat(browser.findElement(By.id("score-verdict")).getText()).isEqualToIgnoringCase("voldoende");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "loop-4-grading");
		browser.switchTo().frame("tool-frame");
		WebElement overall = browser.findElement(By.name("overallRemark"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", overall);
		overall.sendKeys("Sterk verslag, let op de planning.");
		browser.findElement(By.id("finalize")).click();
		Alert confirmation = new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		assertThat(confirmation.getText()).contains("het cijfer 5,5 gaat naar de cijferlijst in Moodle");
		confirmation.accept();
		assertThat(browser.findElement(By.id("done")).getText()).contains("Beoordeling afgerond");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "loop-5-finalized");

		// 4. The grade reaches the demo gradebook, with the comment.
		new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until((driver) -> {
			driver.get(demo.replace("/demo", "/demo/gradebook"));
			return driver.getPageSource().contains("B1-K1-W1 (") && driver.getPageSource().contains("5,5");
		});
		String gradebook = browser.findElement(By.tagName("main")).getText();
		assertThat(gradebook).contains("Sanne de Vries").contains("voldoende").contains("cijfer 5,5")
			.as("the teacher's remark reaches the gradebook").contains("Algemene opmerking: Sterk verslag, let op de planning.")
			.contains("1. ").contains(" — 2 voldoende");
		Browsers.screenshot(browser, "loop-6-gradebook");
	}

}
