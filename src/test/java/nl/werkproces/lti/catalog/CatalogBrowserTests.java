package nl.werkproces.lti.catalog;

import java.time.Duration;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.werkproces.lti.testing.Accessibility;
import nl.werkproces.lti.testing.Browsers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher finds a werkproces in a real browser at Moodle's iframe width (600 px): catalog, dossier, kerntaak,
 * werkproces with its rubric, and the search box (filtering while typing, server search on Enter).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogBrowserTests {

	@LocalServerPort
	int port;

	static WebDriver browser;

	@BeforeAll
	static void openBrowser() {
		browser = Browsers.chromium();
		browser.manage().window().setSize(new Dimension(600, 900));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void teacherNavigatesDossierKerntaakWerkprocesAndSeesTheRubric() {
		browser.get("http://localhost:" + this.port + "/catalog");
		browser.findElement(By.partialLinkText("ICT- en mediabeheer")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ICT- en mediabeheer");

		browser.findElement(By.id("toc-B1-K2")).click();
		assertThat(browser.getCurrentUrl()).endsWith("#kerntaak-B1-K2");
		browser.findElement(By.id("werkproces-B1-K2-W2")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("B1-K2-W2");

		browser.findElement(By.id("profiel")).sendKeys("Netwerk");
		browser.findElement(By.cssSelector(".choose-profiel button")).sendKeys(Keys.ENTER);
		// the page is loaded anew with the profiel: wait for it rather than read the old page's summary
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("rubric-summary"), "9 criteria, maximum 27 punten, cesuur 18"));
		assertThat(browser.findElements(By.cssSelector("section.aanvullend.chosen"))).hasSize(1);
		Long pageWidth = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		assertThat(pageWidth).isLessThanOrEqualTo(600);
		((JavascriptExecutor) browser)
			.executeScript("document.getElementById('rubric').scrollIntoView();");
		Browsers.screenshot(browser, "catalog-werkproces-600px");

		browser.findElement(By.id("crumb-kerntaak")).click();
		assertThat(browser.getCurrentUrl()).endsWith("#kerntaak-B1-K2");
	}

	@Test
	void beoordelingsformulierFits600PixelsHasAWayBackAndPrintsWithoutFormulas() {
		browser.get("http://localhost:" + this.port + "/catalog");
		browser.findElement(By.partialLinkText("ICT- en mediabeheer")).click();
		browser.findElement(By.id("werkproces-B1-K2-W2")).click();
		String werkproces = browser.getCurrentUrl();
		browser.findElement(By.id("export-html")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Beoordelingsformulier");
		Long pageWidth = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		assertThat(pageWidth).as("the page does not scroll sideways; the criteria table scrolls inside its box")
			.isLessThanOrEqualTo(600);
		Browsers.screenshot(browser, "beoordelingsformulier-600px");
		String text = browser.findElement(By.tagName("main")).getText();
		assertThat(text).contains("Rubric versie 1, afgeleid uit het kwalificatiedossier ICT- en mediabeheer")
			.containsPattern("voldoende vanaf \\d+ punten \\(de cesuur\\)").contains("precies de cesuur geeft een 5,5")
			.doesNotContain("S >=").doesNotContain("rubricversie");

		((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
				java.util.Map.of("media", "print"));
		try {
			assertThat(browser.findElement(By.id("form-back")).isDisplayed()).as("the way back is not printed").isFalse();
		}
		finally {
			((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
					java.util.Map.of("media", ""));
		}
		browser.findElement(By.id("form-back")).click();
		assertThat(browser.getCurrentUrl()).isEqualTo(werkproces);
	}

	@Test
	void searchBoxFiltersWhileTypingAndSearchesOnEnter() {
		browser.get("http://localhost:" + this.port + "/catalog");
		browser.findElement(By.partialLinkText("ICT- en mediabeheer")).click();
		WebElement search = browser.findElement(By.id("catalog-search"));
		search.sendKeys("incidentmeldingen");
		assertThat(visibleWerkprocessen()).singleElement()
			.asString()
			.startsWith("P1-K1-W1 Behandelt en handelt incidentmeldingen af");
		Browsers.screenshot(browser, "catalog-search-typing");

		search.clear();
		search.sendKeys("B1-K3", Keys.ENTER);
		// Enter loads the page anew: wait for it (on a busy machine the old page is still there for a moment)
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q=B1-K3"));
		assertThat(browser.findElement(By.id("search-result")).getText()).startsWith("4 werkprocessen gevonden");
		assertThat(visibleWerkprocessen()).hasSize(4).allMatch((text) -> text.startsWith("B1-K3-W"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1280, 600 })
	void werkprocesRubricGridHasNoViolationsAndBecomesCardsWhenNarrow(int width) {
		browser.manage().window().setSize(new Dimension(width, 900));
		try {
			browser.get("http://localhost:" + this.port + "/catalog");
			browser.findElement(By.partialLinkText("ICT- en mediabeheer")).click();
			browser.findElement(By.id("werkproces-B1-K2-W2")).click();
			browser.get(browser.getCurrentUrl() + "?profiel=Netwerk-+en+mediabeheerder");
			assertThat(browser.findElements(By.cssSelector("#rubric-grid tbody tr"))).hasSize(9);
			assertThat(browser.findElement(By.cssSelector("#rubric-grid tbody td")).getText()).isEqualTo("Niet aangetoond");
			Accessibility.assertNoViolations(browser, "catalog werkproces page at " + width + " px");
			JavascriptExecutor js = (JavascriptExecutor) browser;
			Long pageWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
			Long windowWidth = (Long) js.executeScript("return window.innerWidth;");
			assertThat(pageWidth).as("no page-wide horizontal overflow").isLessThanOrEqualTo(windowWidth);
			Boolean gridScrolls = (Boolean) js.executeScript(
					"const box = document.querySelector('#rubric .grid-scroll'); return box.scrollWidth > box.clientWidth;");
			assertThat(gridScrolls).as("the grid never scrolls sideways at " + width + " px").isFalse();
			String rowDisplay = (String) js.executeScript(
					"return getComputedStyle(document.querySelector('#rubric-grid tbody tr')).display;");
			assertThat(rowDisplay).as("at 600 px each criterion is a card of its four levels")
				.isEqualTo(width <= 600 ? "grid" : "table-row");
			js.executeScript("document.getElementById('rubric').scrollIntoView();");
			Browsers.screenshot(browser, "catalog-rubric-grid-" + width + "px");
		}
		finally {
			browser.manage().window().setSize(new Dimension(600, 900));
		}
	}

	private static List<String> visibleWerkprocessen() {
		return browser.findElements(By.cssSelector("#kerntaken li[data-search]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
	}

}
