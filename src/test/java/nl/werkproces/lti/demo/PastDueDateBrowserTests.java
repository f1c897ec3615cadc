package nl.werkproces.lti.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

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
import nl.werkproces.lti.testing.PickerPages;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A due date in the past is questioned in the picker: a visible warning, and a confirmation on submit; declining
 * keeps the teacher on the picker with the date kept, accepting adds the activity with that date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PastDueDateBrowserTests {

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
	void pastDueDateShowsAWarningAndAsksBeforeAddingKeepingTheDate() {
		browser.get("http://localhost:" + this.port
				+ "/demo/platform/launch?user=demo-teacher-1&target=window&lang=nl&kind=dl");
		PickerPages.tick(browser, "B1-K1-W1");
		WebElement due = browser.findElement(By.id("due"));
		WebElement warning = browser.findElement(By.id("due-past"));
		assertThat(warning.isDisplayed()).as("no warning without a date").isFalse();
		String future = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(7).toString();
		setDate(due, future);
		assertThat(warning.isDisplayed()).as("no warning for a future date").isFalse();
		String past = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(3).toString();
		setDate(due, past);
		assertThat(warning.isDisplayed()).isTrue();
		assertThat(warning.getText()).contains("ligt in het verleden");
		Browsers.screenshot(browser, "picker-past-due-date");

		browser.findElement(By.id("picker-submit")).click();
		Alert question = new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).contains("De inleverdatum ligt in het verleden");
		question.dismiss();
		assertThat(browser.findElements(By.id("added"))).isEmpty();
		assertThat(browser.findElement(By.id("due")).getAttribute("value")).as("the date is kept").isEqualTo(past);

		browser.findElement(By.id("picker-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
		assertThat(browser.findElement(By.id("added")).getText()).contains("B1-K1-W1");
	}

	private static void setDate(WebElement input, String isoDate) {
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
				input, isoDate);
	}

}
