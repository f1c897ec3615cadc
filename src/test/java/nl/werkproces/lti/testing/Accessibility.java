package nl.werkproces.lti.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the {@code axe.min.js} bundled in Maven artifact {@code com.deque.html.axe-core:selenium}) on the
 * page or frame a browser shows and fails with every WCAG 2.1 A/AA violation: rule, impact, help text and the
 * offending elements. No npm needed; the script comes from the test classpath.
 */
public final class Accessibility {

	/** The axe rule tags checked: WCAG 2.0 and 2.1, levels A and AA. */
	public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String AXE = load();

	private Accessibility() {
	}

	/** Fails when axe finds a WCAG 2.1 A/AA violation in the current document of {@code browser}. */
	public static void assertNoViolations(WebDriver browser, String pageName) {
		List<String> violations = violations(browser);
		if (!violations.isEmpty()) {
			throw new AssertionError("axe-core found " + violations.size() + " WCAG 2.1 A/AA violation(s) on "
					+ pageName + " (" + browser.getCurrentUrl() + "):\n" + String.join("\n", violations));
		}
	}

	/** One line per violation and element: {@code rule (impact): help — selector: failure summary}. */
	@SuppressWarnings("unchecked")
	public static List<String> violations(WebDriver browser) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		js.executeScript("if (!window.axe) { " + AXE + "\n}");
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				window.axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then((r) => done(r.violations.flatMap((v) => v.nodes.map((n) =>
				    v.id + ' (' + v.impact + '): ' + v.help + ' — ' + n.target.join(' ') + ': '
				    + (n.failureSummary || '').replace(/\\s+/g, ' ')))))
				  .catch((e) => done(['axe failed: ' + e]));
				""", TAGS);
		return (List<String>) result;
	}

	private static String load() {
		try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
