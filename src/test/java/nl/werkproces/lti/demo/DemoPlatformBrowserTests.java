package nl.werkproces.lti.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import nl.werkproces.lti.testing.Browsers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer's first minute: the demo platform launches the tool in an iframe, as student and as teacher. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoPlatformBrowserTests {

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
	void studentLaunchesInIframeAndSeesWhoAndWhere() {
		browser.get("http://localhost:" + this.port + "/demo");
		browser.findElement(By.id("launch-student")).click();
		browser.switchTo().frame("tool-frame");
		String welcome = browser.findElement(By.id("welcome")).getText();
		assertThat(welcome).isEqualTo("Welkom, Sanne de Vries");
		assertThat(browser.findElements(By.id("roles"))).as("a student is not shown technical data").isEmpty();
		assertThat(browser.findElements(By.id("services"))).isEmpty();
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("AGS").doesNotContain("NRPS")
			.doesNotContain("E-mail");
		assertThat(browser.findElement(By.id("course")).getText()).isEqualTo("ICT-beheer leerjaar 2 (demo)");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "demo-student-launch");
	}

	@Test
	void teacherLaunchesInIframeInEnglishAndIsAskedForTheWerkproces() {
		browser.get("http://localhost:" + this.port + "/demo?lang=en");
		browser.findElement(By.id("launch-teacher")).click();
		browser.switchTo().frame("tool-frame");
		assertThat(browser.findElement(By.tagName("h1")).getText())
			.isEqualTo("Which werkproces belongs to this activity?");
		assertThat(browser.findElement(By.id("launch-user")).getText()).isEqualTo("Jeroen Bakker");
		browser.switchTo().defaultContent();
		Browsers.screenshot(browser, "demo-teacher-launch");
	}

}
