package nl.werkproces.lti.testing;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The werkproces picker in a browser test: ticks a werkproces by code in whichever dossier has it, since tests
 * sharing one database may have imported a newer dossier (the picker's default) without that code.
 */
public final class PickerPages {

	private PickerPages() {
	}

	public static void tick(WebDriver browser, String werkprocesCode) {
		By werkproces = By.id("wp-" + werkprocesCode);
		// a launch reaches the picker through auto-posted forms: wait until it is there
		try {
			new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
				.until((driver) -> !driver.findElements(By.id("picker-filter")).isEmpty()
						&& "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			Browsers.screenshot(browser, "picker-missing");
			throw new AssertionError("no werkproces picker at " + browser.getCurrentUrl() + ":\n"
					+ browser.findElement(By.tagName("body")).getText(), ex);
		}
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			long dossiers = (Long) ((JavascriptExecutor) browser)
				.executeScript("return document.getElementById('dossier').options.length;");
			for (int i = 0; i < dossiers && browser.findElements(werkproces).isEmpty(); i++) {
				org.openqa.selenium.WebElement old = browser.findElement(By.id("picker-filter"));
				((JavascriptExecutor) browser).executeScript("""
						document.getElementById('dossier').selectedIndex = arguments[0];
						document.getElementById('picker-filter').submit();""", i);
				new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
					.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(old));
				new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
					.until((driver) -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))
							&& !driver.findElements(By.id("picker-filter")).isEmpty());
			}
		}
		finally {
			browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		}
		browser.findElement(werkproces).click();
	}

}
