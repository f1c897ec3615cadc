package nl.werkproces.lti.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page carries the full Content-Security-Policy, and no template needs what it forbids (inline
 * script, event handler attributes, {@code javascript:} URLs, inline styles).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyTests {

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_STYLE = Pattern.compile("\\s(th:)?style\\s*=|<style", Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	PlatformSimulator moodle;

	ToolBrowser browser;

	@BeforeEach
	void register() {
		this.moodle = PlatformSimulator.start();
		this.registrations.register(this.moodle.settings(), PlatformSource.ADMIN);
		this.browser = new ToolBrowser("http://localhost:" + this.port);
	}

	@AfterEach
	void stop() {
		this.moodle.close();
	}

	@Test
	void launchPagesCarryThePolicyWithThePlatformAsFormTarget() {
		ToolBrowser.LoginRedirect login = this.browser.initiateLogin(this.moodle);
		HttpResponse<String> launch = this.browser.launch(
				this.moodle.sign(TestLaunches.resourceLink(this.moodle, this.browser.toolBaseUrl()).claims(login.nonce())),
				login.state());
		HttpResponse<String> page = this.browser.get(launch.headers().firstValue("Location").orElseThrow());
		assertThat(page.statusCode()).isEqualTo(200);
		String policy = assertFullPolicy(page);
		assertThat(directive(policy, "form-action")).contains(" " + this.moodle.baseUrl());
		assertThat(directive(policy, "frame-ancestors")).contains(" " + this.moodle.baseUrl());
	}

	@Test
	void adminPagesCarryThePolicy() {
		assertFullPolicy(this.browser.get("/admin/login"));
		assertFullPolicy(AdminBrowser.signIn(this.browser.toolBaseUrl()).get("/admin"));
	}

	@Test
	void catalogAndDemoPagesCarryThePolicy() {
		assertFullPolicy(this.browser.get("/catalog"));
		assertFullPolicy(this.browser.get("/demo"));
	}

	@Test
	void registrationPageCarriesThePolicy() {
		HttpResponse<String> page = this.browser.get("/lti/register?openid_configuration="
				+ URLEncoder.encode("https://moodle.example.org/mod/lti/openid-configuration.php", StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isBetween(400, 499);
		assertFullPolicy(page);
	}

	@Test
	void errorPagesAndStaticFilesCarryThePolicy() {
		assertFullPolicy(this.browser.get("/no-such-page"));
		assertFullPolicy(this.browser.get("/js/autosubmit.js"));
	}

	@Test
	void templatesNeedNoInlineScriptOrStyle() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).isNotEmpty();
		for (Resource template : templates) {
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			String url = template.getURL().toString();
			if (url.contains("/templates/pdf/") || url.contains("/templates/documents/")) {
				// rendered to PDF, or a file inside a download (an examendossier's geschiedenis.html, opened from the
				// ZIP without the tool's style sheets): never served under the policy, so its style sheet is inline
				assertThat(html).as(template.getFilename()).doesNotContainPattern(INLINE_SCRIPT)
					.doesNotContainPattern(EVENT_HANDLER)
					.doesNotContainIgnoringCase("javascript:");
				continue;
			}
			assertThat(html).as(template.getFilename()).doesNotContainPattern(INLINE_SCRIPT)
				.doesNotContainPattern(EVENT_HANDLER)
				.doesNotContainPattern(INLINE_STYLE)
				.doesNotContainIgnoringCase("javascript:");
		}
	}

	private static String directive(String policy, String name) {
		for (String directive : policy.split(";")) {
			if (directive.trim().startsWith(name + " ")) {
				return directive.trim();
			}
		}
		throw new AssertionError("no " + name + " in " + policy);
	}

	private static String assertFullPolicy(HttpResponse<String> response) {
		String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).as(response.uri().getPath())
			.contains("default-src 'self'")
			.contains("object-src 'none'")
			.contains("base-uri 'none'")
			.contains("form-action 'self'")
			.contains("frame-ancestors 'self'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		return policy;
	}

}
