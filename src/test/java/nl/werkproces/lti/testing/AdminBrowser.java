package nl.werkproces.lti.testing;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link ToolBrowser} signed in as tool admin, posting forms with the page's CSRF token. */
public final class AdminBrowser {

	public static final String USER = "beheerder";

	public static final String PASSWORD = "test-only-Wachtwoord-2026";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final ToolBrowser browser;

	private AdminBrowser(ToolBrowser browser) {
		this.browser = browser;
	}

	public static AdminBrowser signIn(String toolBaseUrl) {
		AdminBrowser admin = new AdminBrowser(new ToolBrowser(toolBaseUrl));
		HttpResponse<String> response = admin.submit("/admin/login", "/admin/login",
				Map.of("username", USER, "password", PASSWORD));
		if (!response.headers().firstValue("Location").orElse("").endsWith("/admin")) {
			throw new AssertionError("admin sign-in failed: " + response.headers().map());
		}
		return admin;
	}

	/** The same browser (its cookies) with its next requests sent to another instance of the tool. */
	public AdminBrowser at(String otherToolBaseUrl) {
		return new AdminBrowser(this.browser.at(otherToolBaseUrl));
	}

	public HttpResponse<String> get(String path) {
		return this.browser.get(path);
	}

	/** Posts the form as it is: without a CSRF token unless {@code fields} has one (for CSRF refusal tests). */
	public HttpResponse<String> postAsIs(String action, Map<String, String> fields) {
		return this.browser.post(action, fields);
	}

	/** Opens {@code pagePath} for its CSRF token, then posts the form to {@code action}. */
	public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
		Matcher csrf = CSRF.matcher(this.browser.get(pagePath).body());
		if (!csrf.find()) {
			throw new AssertionError("no CSRF field on " + pagePath);
		}
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf.group(1));
		return this.browser.post(action, form);
	}

}
