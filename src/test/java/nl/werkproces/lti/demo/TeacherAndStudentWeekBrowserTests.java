package nl.werkproces.lti.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.werkproces.lti.testing.Accessibility;
import nl.werkproces.lti.testing.Browsers;
import nl.werkproces.lti.testing.PickerPages;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher's and a student's week in real Chromium through the demo course, with axe-core (WCAG 2.1 AA) on every
 * page visited: the teacher adds an activity by Deep Linking and, before anyone hands in, chooses new content for it
 * ("Kies nieuwe inhoud": the activity takes it); the student hands in text and a file; the teacher sees the roster,
 * is warned about unsaved levels, finalizes and reopens with confirmations that say what happens in Moodle, grades a
 * course member who never opened the activity, moves between students, and has that grading confirmed by the demo's
 * second teacher; new content chosen after grading keeps the old werkproces and the roster says why. The hand-in
 * time is the same on receipt, roster and grading screen, and the teacher's remarks reach the demo gradebook.
 * Screenshots of the grading screen and the rubric grid at 1280 and 600 px under {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.grades.poll-interval=1s")
class TeacherAndStudentWeekBrowserTests {

	private static final String OVERALL = "Sterk verslag; plan de volgende keer de testdag eerder.";

	private static final String REMARK_1 = "De wensen van de klant zijn goed uitgevraagd.";

	private static final String REMARK_2 = "Het implementatieplan mist een terugvalscenario.";

	@LocalServerPort
	int port;

	static WebDriver browser;

	private final List<String> checked = new ArrayList<>();

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
	void theTeachersAndTheStudentsWeekThroughTheDemoCourse() throws Exception {
		// Monday: the teacher adds an activity (dossier → profiel → kerntaak → werkproces)
		browser.get(demo());
		axe("demo course");
		Set<String> before = activityIds();
		browser.findElement(By.id("deep-link")).click();
		browser.switchTo().frame("tool-frame");
		pick("B1-K1-W1");
		axe("deep linking picker");
		navigate(By.id("picker-submit"));
		assertThat(waitFor(By.id("added")).getText()).contains("B1-K1-W1");
		axe("deep linking added");
		String activity = newActivity(before);

		launch("demo-teacher-1", activity);
		assertThat(text("werkproces")).contains("B1-K1-W1");
		axe("roster, nothing handed in");

		// the teacher changes their mind before anyone handed in: the activity takes the new content
		chooseNewContent(activity, "B1-K2-W2");
		launch("demo-teacher-1", activity);
		assertThat(text("werkproces")).contains("B1-K2-W2");
		assertThat(browser.findElements(By.id("kept-old-binding"))).isEmpty();

		// Tuesday: the student reads the rubric grid and hands in text and a file
		launch("demo-student-1", activity);
		assertThat(text("werkproces")).contains("B1-K2-W2");
		axe("student page");
		screenshots("rubric-grid", By.id("rubric"));
		browser.findElement(By.id("text")).sendKeys("Ik heb het informatiesysteem bij de klant geïmplementeerd.");
		Path pdf = Files.createTempFile("implementatieverslag", ".pdf");
		Files.writeString(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", StandardCharsets.ISO_8859_1);
		browser.findElement(By.id("files")).sendKeys(pdf.toString());
		browser.findElement(By.id("submit")).click();
		assertThat(waitFor(By.id("receipt-files")).getText()).contains("implementatieverslag");
		axe("receipt");
		String handedInAt = text("submitted-at");
		assertThat(handedInAt).as("Amsterdam time, labelled").endsWith("(Midden-Europese tijd)");

		// Wednesday: the roster and the grading screen show the same moment
		launch("demo-teacher-1", activity);
		assertThat(text("summary")).contains("1 van 2 ingeleverd, 0 beoordeeld");
		WebElement sanne = row("Sanne de Vries");
		assertThat(sanne.findElement(By.cssSelector("td.handin")).getText()).contains(handedInAt);
		assertThat(row("Mohammed El Amrani").getText()).contains("nog niet geopend");
		axe("roster with a hand-in");
		navigate(By.linkText("Sanne de Vries"));
		assertThat(text("work")).contains(handedInAt, "implementatieverslag");
		axe("grading screen");
		chooseEverywhere(2);
		List<WebElement> remarks = browser.findElements(By.cssSelector("textarea[name^='remark.']"));
		type(remarks.get(0), REMARK_1);
		type(remarks.get(1), REMARK_2);
		type(browser.findElement(By.name("overallRemark")), OVERALL);

		// leaving with unsaved levels and remarks is guarded, in the page and by the browser
		click(By.id("back"));
		Alert unsaved = alert();
		assertThat(unsaved.getText()).startsWith("U hebt niveaus of opmerkingen gewijzigd die nog niet zijn opgeslagen");
		unsaved.dismiss();
		assertThat(text("student")).startsWith("Sanne de Vries");
		assertThat(browser.findElement(By.name("overallRemark")).getAttribute("value")).isEqualTo(OVERALL);
		assertThat(((JavascriptExecutor) browser).executeScript(
				"var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"))
			.isEqualTo(true);

		assertThat(confirmAndNavigate(By.id("finalize"))).isEqualTo("Definitief maken: het cijfer 5,5 gaat naar de cijferlijst in Moodle, "
				+ "waar de student het met uw opmerkingen ziet. Doorgaan?");
		assertThat(text("done")).contains("Beoordeling afgerond");
		assertThat(text("status")).startsWith("Beoordeling: definitief sinds ").endsWith("(Midden-Europese tijd)");
		assertThat(text("work")).contains(handedInAt);
		axe("grading screen, final");
		screenshots("grading", null);

		assertThat(confirmAndNavigate(By.id("reopen"))).isEqualTo("Beoordeling heropenen: de cijferlijst in Moodle blijft het cijfer 5,5 "
				+ "tonen tot u opnieuw definitief maakt. Doorgaan?");
		assertThat(text("done")).contains("heropend");
		axe("grading screen, reopened");
		confirmAndNavigate(By.id("finalize"));
		assertThat(text("done")).contains("Beoordeling afgerond");

		// Thursday: a workplace observation of a student who never opened the activity
		navigate(By.id("back"));
		assertThat(text("summary")).contains("1 van 2 ingeleverd, 1 beoordeeld");
		navigate(row("Mohammed El Amrani").findElement(By.cssSelector("form.grade-member button")));
		assertThat(text("student")).startsWith("Mohammed El Amrani");
		assertThat(text("work")).contains("niets ingeleverd");
		axe("grading screen, never launched");
		assertThat(text("next-student")).isEqualTo("Volgende student: Sanne de Vries →");
		navigate(By.id("next-student"));
		assertThat(text("student")).startsWith("Sanne de Vries");
		assertThat(text("previous-student")).isEqualTo("← Vorige student: Mohammed El Amrani");
		navigate(By.id("previous-student"));
		assertThat(text("student")).startsWith("Mohammed El Amrani");

		// the team wants a second assessor from now on; the demo's second teacher confirms
		navigate(By.id("back"));
		navigate(By.id("settings-link"));
		axe("activity settings");
		click(By.id("second-assessor"));
		navigate(By.id("save-settings"));
		browser.findElement(By.id("saved"));
		navigate(By.cssSelector("p.crumbs a"));
		navigate(By.linkText("Mohammed El Amrani"));
		chooseEverywhere(2);
		assertThat(text("finalize")).isEqualTo("Ter bevestiging aanbieden");
		confirmAndNavigate(By.id("finalize"));
		assertThat(text("done")).contains("wacht nu op de tweede beoordelaar").doesNotContain("afgerond");
		axe("grading screen, awaiting confirmation");

		launch("demo-teacher-2", activity);
		assertThat(row("Mohammed El Amrani").getText()).contains("wacht op tweede beoordelaar");
		axe("roster of the second teacher");
		navigate(By.linkText("Mohammed El Amrani"));
		confirmAndNavigate(By.id("confirm"));
		assertThat(text("done")).contains("bevestigd en definitief");
		axe("grading screen, confirmed");

		// Friday: new content chosen after grading keeps the old werkproces, and the teacher reads why
		chooseNewContent(activity, "B1-K1-W4");
		launch("demo-teacher-1", activity);
		assertThat(text("werkproces")).contains("B1-K2-W2");
		assertThat(text("kept-old-binding")).contains("nieuwe inhoud gekozen (B1-K1-W4)",
				"Daarom blijft deze activiteit B1-K2-W2");
		axe("roster, kept the old werkproces");

		// the teacher's remarks reach the demo gradebook
		new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until((driver) -> {
			driver.get(demo() + "/gradebook");
			String page = driver.findElement(By.tagName("main")).getText();
			return page.contains(OVERALL) && page.contains("Mohammed El Amrani");
		});
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Algemene opmerking: " + OVERALL)
			.contains("— 2 voldoende. Opmerking: " + REMARK_1)
			.contains("— 2 voldoende. Opmerking: " + REMARK_2);
		axe("demo gradebook");
		assertThat(this.checked).as("pages checked by axe").hasSizeGreaterThan(20);
	}

	private String demo() {
		return "http://localhost:" + this.port + "/demo";
	}

	/** The activities of the shared demo course; other test classes may have added theirs. */
	private static Set<String> activityIds() {
		return browser.findElements(By.cssSelector("a[id^='launch-teacher-demo-activity-']"))
			.stream()
			.map((link) -> link.getAttribute("id").substring("launch-teacher-".length()))
			.collect(Collectors.toSet());
	}

	private String newActivity(Set<String> before) {
		browser.switchTo().defaultContent();
		browser.get(demo());
		Set<String> added = activityIds();
		added.removeAll(before);
		assertThat(added).as("the activity this test added").hasSize(1);
		return added.iterator().next();
	}

	/** "Kies nieuwe inhoud" on the course page: the tool's picker in the course page's frame, one werkproces. */
	private void chooseNewContent(String activity, String werkproces) {
		browser.get(demo());
		browser.findElement(By.id("choose-content-" + activity)).click();
		browser.switchTo().frame("tool-frame");
		pick(werkproces);
		assertThat(browser.findElement(By.id("wp-" + werkproces)).getAttribute("type")).as("one item").isEqualTo("radio");
		axe("picker for new content");
		navigate(By.id("picker-submit"));
		waitFor(By.id("added"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nieuwe inhoud gekozen voor de activiteit");
		assertThat(text("added")).contains(werkproces);
		axe("new content chosen");
		browser.switchTo().defaultContent();
		assertThat(browser.findElements(By.id("launch-teacher-" + activity))).as("same resource link").hasSize(1);
	}

	/** Ticks the werkproces under its kerntaak in the chosen dossier and profiel. */
	private static void pick(String werkproces) {
		PickerPages.tick(browser, werkproces);
		WebElement choice = browser.findElement(By.id("wp-" + werkproces));
		assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("dossier")))
			.getFirstSelectedOption().getText()).isNotBlank();
		assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("profiel")))
			.getFirstSelectedOption().getText()).isNotBlank();
		assertThat(choice.findElement(By.xpath("ancestor::section[contains(@class, 'kerntaak')]//h3")).getText())
			.startsWith(werkproces.substring(0, 5));
		assertThat(choice.isSelected()).isTrue();
	}

	/** Launches the activity as the user in the whole window, as a launch from the course page does in a frame. */
	private void launch(String user, String activity) {
		browser.switchTo().defaultContent();
		browser.get(demo() + "/platform/launch?user=" + user + "&target=window&lang=nl&activity=" + activity);
		new WebDriverWait(browser, Duration.ofSeconds(15)).until((driver) -> driver.getCurrentUrl().contains("/app/")
				&& "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
		browser.findElement(By.id("werkproces"));
	}

	private void axe(String page) {
		Accessibility.assertNoViolations(browser, page);
		this.checked.add(page);
	}

	private static WebElement row(String name) {
		return browser.findElement(By.xpath("//table[@id='roster']//tr[td[contains(., '" + name + "')]]"));
	}

	private static void chooseEverywhere(int score) {
		for (WebElement level : browser.findElements(By.cssSelector("input[type='radio'][value='" + score + "']"))) {
			scrollTo(level);
			level.click();
		}
	}

	private static void type(WebElement field, String value) {
		scrollTo(field);
		field.sendKeys(value);
	}

	private static void click(By by) {
		click(browser.findElement(by));
	}

	private static void click(WebElement element) {
		scrollTo(element);
		element.click();
	}

	private static void scrollTo(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	/** Clicks and waits until the next page has replaced this one. */
	private static void navigate(By by) {
		navigate(browser.findElement(by));
	}

	private static void navigate(WebElement element) {
		WebElement page = browser.findElement(By.tagName("html"));
		click(element);
		loaded(page);
	}

	/** Clicks a button that asks for confirmation, accepts, waits for the next page; the question asked. */
	private static String confirmAndNavigate(By button) {
		WebElement page = browser.findElement(By.tagName("html"));
		click(button);
		Alert question = alert();
		String text = question.getText();
		question.accept();
		loaded(page);
		return text;
	}

	private static void loaded(WebElement before) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		wait.until(ExpectedConditions.stalenessOf(before));
		wait.until((driver) -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	private static WebElement waitFor(By by) {
		return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	private static Alert alert() {
		return new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
	}

	/**
	 * The whole page (or one element of it) at 1280 and at 600 px width, {@code <name>-1280.png} and
	 * {@code <name>-600.png}, in a window as tall as the page and captured beyond the viewport (DevTools), so that
	 * nothing is cut off.
	 */
	@SuppressWarnings("unchecked")
	private static void screenshots(String name, By element) throws Exception {
		ChromeDriver chrome = (ChromeDriver) browser;
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		for (int width : new int[] { 1280, 600 }) {
			// the window as tall as the page, so that sticky parts (the live score) sit where they belong
			browser.manage().window().setSize(new Dimension(width, 1000));
			for (int i = 0; i < 2; i++) {
				List<Long> sizes = (List<Long>) ((JavascriptExecutor) browser).executeScript(
						"return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight];");
				browser.manage().window().setSize(new Dimension(width, (int) Math.min(sizes.get(0) + sizes.get(1), 8000)));
			}
			Map<String, Object> clip;
			if (element == null) {
				Map<String, Object> size = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of())
					.get("cssContentSize");
				clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
			}
			else {
				clip = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
						const r = arguments[0].getBoundingClientRect();
						return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height, scale: 1};
						""", browser.findElement(element));
			}
			Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
			Files.write(dir.resolve(name + "-" + width + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
		}
		browser.manage().window().setSize(new Dimension(1280, 1000));
	}

}
