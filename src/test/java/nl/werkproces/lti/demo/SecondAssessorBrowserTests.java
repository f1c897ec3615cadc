package nl.werkproces.lti.demo;

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
 * The second assessor in real Chromium through the demo course: the first teacher asks for a second assessor and
 * offers a grading for confirmation (the page says it waits, nothing reaches the gradebook), the demo's second
 * teacher confirms it, and the grade reaches the demo gradebook. Screenshots under
 * {@code target/screenshots/second-assessor-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.grades.poll-interval=1s")
class SecondAssessorBrowserTests {

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
	void firstTeacherOffersTheGradingTheSecondTeacherConfirmsAndOnlyThenTheGradeReachesTheGradebook() {
		String demo = "http://localhost:" + this.port + "/demo";
		browser.get(demo);
		browser.findElement(By.id("deep-link")).click();
		browser.switchTo().frame("tool-frame");
		browser.findElement(By.id("wp-B1-K1-W2")).click();
		browser.findElement(By.id("picker-submit")).click();
		assertThat(browser.findElement(By.id("added")).getText()).contains("B1-K1-W2");
		browser.get(demo);
		List<WebElement> launches = browser.findElements(By.cssSelector("a[id^='launch-student2-demo-activity-']"));
		String activity = launches.get(launches.size() - 1).getAttribute("id").substring("launch-student2-".length());

		browser.findElement(By.id("launch-student2-" + activity)).click();
		browser.switchTo().frame("tool-frame");
		assertThat(browser.findElement(By.id("werkproces")).getText()).contains("B1-K1-W2");
		browser.findElement(By.id("text")).sendKeys("Verslag van de observatie op de werkplek.");
		browser.findElement(By.id("submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-intro")));

		browser.get(demo);
		browser.findElement(By.id("launch-teacher-" + activity)).click();
		browser.switchTo().frame("tool-frame");
		browser.findElement(By.id("settings-link")).click();
		WebElement second = browser.findElement(By.id("second-assessor"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", second);
		second.click();
		WebElement save = browser.findElement(By.id("save-settings"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
		save.click();

		browser.get(demo);
		browser.findElement(By.id("launch-teacher-" + activity)).click();
		browser.switchTo().frame("tool-frame");
		browser.findElement(By.linkText("Mohammed El Amrani")).click();
		chooseVoldoendeEverywhere();
		WebElement offer = browser.findElement(By.id("finalize"));
		assertThat(offer.getText()).isEqualTo("Ter bevestiging aanbieden");
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", offer);
		offer.click();
		confirmDialog();
		assertThat(browser.findElement(By.id("done")).getText())
			.contains("wacht nu op de tweede beoordelaar").doesNotContain("afgerond");
		assertThat(browser.findElement(By.id("awaiting")).getText()).contains("Een andere docent");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "second-assessor-1-waiting");

		browser.get(demo);
		browser.findElement(By.id("launch-teacher2-" + activity)).click();
		browser.switchTo().frame("tool-frame");
		assertThat(browser.findElement(By.id("roster")).getText()).contains("wacht op tweede beoordelaar");
		browser.findElement(By.linkText("Mohammed El Amrani")).click();
		WebElement confirm = browser.findElement(By.id("confirm"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", confirm);
		confirm.click();
		confirmDialog();
		assertThat(browser.findElement(By.id("done")).getText()).contains("bevestigd en definitief");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "second-assessor-2-confirmed");

		new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until((driver) -> {
			driver.get(demo.replace("/demo", "/demo/gradebook"));
			return driver.getPageSource().contains("B1-K1-W2 (");
		});
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Mohammed El Amrani");
	}

	private static void chooseVoldoendeEverywhere() {
		for (WebElement voldoende : browser.findElements(By.cssSelector("input[type='radio'][value='2']"))) {
			((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", voldoende);
			voldoende.click();
		}
	}

	private static void confirmDialog() {
		Alert dialog = new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		dialog.accept();
	}

}
