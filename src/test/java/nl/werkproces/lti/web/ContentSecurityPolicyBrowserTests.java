package nl.werkproces.lti.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import nl.werkproces.lti.testing.Browsers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium enforces the Content-Security-Policy: the pages that run scripts (catalog filter, print page,
 * auto-posted demo and launch forms, the tool in the demo's iframe) and the admin sign-in work and report no
 * violation in the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserTests {

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
	void pagesWithScriptsWorkWithoutPolicyViolations() {
		List<String> console = new ArrayList<>();
		String base = "http://localhost:" + this.port;

		browser.get(base + "/catalog");
		browser.findElement(By.partialLinkText("ICT- en mediabeheer")).click();
		browser.findElement(By.id("catalog-search")).sendKeys("incidentmeldingen");
		assertThat(browser.findElements(By.cssSelector("#kerntaken li[data-search]"))
			.stream()
			.filter((item) -> item.isDisplayed())
			.count()).as("the filter script ran").isEqualTo(1);
		console.addAll(Browsers.console(browser));

		browser.get(base + "/catalog/dossiers/1/werkprocessen/B1-K2-W2/beoordelingsformulier");
		console.addAll(Browsers.console(browser));

		browser.get(base + "/demo");
		browser.findElement(By.id("launch-student")).click();
		browser.switchTo().frame("tool-frame");
		// the welcome page, or the assignment when an earlier test of a shared database set up the demo's activity
		assertThat(browser.findElement(By.id("launch-user")).getText()).as("auto-posted login and launch in the iframe")
			.isEqualTo("Sanne de Vries");
		browser.switchTo().defaultContent();
		console.addAll(Browsers.console(browser));

		browser.get(base + "/admin/login");
		browser.findElement(By.id("username")).sendKeys("beheerder");
		browser.findElement(By.id("password")).sendKeys("test-only-Wachtwoord-2026");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		assertThat(browser.findElement(By.id("platforms")).isDisplayed()).isTrue();
		console.addAll(Browsers.console(browser));

		assertThat(console).noneMatch((message) -> message.contains("Content Security Policy")
				|| message.contains("Content-Security-Policy") || message.contains("Refused to"));
	}

}
