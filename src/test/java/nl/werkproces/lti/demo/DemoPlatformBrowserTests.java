package nl.werkproces.lti.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browsers.chromium();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void studentLaunchesInIframeAndSeesWhoAndWhere() {
		this.browser.get("http://localhost:" + this.port + "/demo");
		this.browser.findElement(By.id("launch-student")).click();
		this.browser.switchTo().frame("tool-frame");
		String welcome = this.browser.findElement(By.id("welcome")).getText();
		assertThat(welcome).isEqualTo("Welkom, Sanne de Vries");
		assertThat(this.browser.findElement(By.id("roles")).getText()).isEqualTo("Student");
		assertThat(this.browser.findElement(By.id("course")).getText()).isEqualTo("ICT-beheer leerjaar 2 (demo)");
		this.browser.switchTo().defaultContent();
		Browsers.screenshot(this.browser, "demo-student-launch");
	}

	@Test
	void teacherLaunchesInIframeInEnglish() {
		this.browser.get("http://localhost:" + this.port + "/demo?lang=en");
		this.browser.findElement(By.id("launch-teacher")).click();
		this.browser.switchTo().frame("tool-frame");
		assertThat(this.browser.findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Jeroen Bakker");
		assertThat(this.browser.findElement(By.id("roles")).getText()).isEqualTo("Teacher");
		this.browser.switchTo().defaultContent();
		Browsers.screenshot(this.browser, "demo-teacher-launch");
	}

}
