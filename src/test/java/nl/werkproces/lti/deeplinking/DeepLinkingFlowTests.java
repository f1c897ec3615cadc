package nl.werkproces.lti.deeplinking;

import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.keys.ToolKeys;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher adds werkprocessen through Deep Linking: picker, signed response with content items and line items,
 * and the first launch of the created resource link binds the activity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeepLinkingFlowTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern JWT = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	ToolKeys keys;

	@Autowired
	Activities activities;

	@Autowired
	JdbcClient jdbc;

	PlatformSimulator moodle;

	Platform platform;

	ToolBrowser browser;

	@BeforeEach
	void start() {
		this.moodle = PlatformSimulator.start();
		this.platform = this.registrations.register(this.moodle.settings(), PlatformSource.ADMIN);
		this.browser = new ToolBrowser("http://localhost:" + this.port);
	}

	@AfterEach
	void stop() {
		this.moodle.close();
	}

	@Test
	void pickerListsWerkprocessenAndFiltersByWords() {
		HttpResponse<String> picker = openPicker();
		assertThat(picker.statusCode()).isEqualTo(200);
		assertThat(picker.body()).contains("B1-K1-W1").contains("B1-K2-W2").contains("type=\"checkbox\"");
		assertThat(picker.body()).contains("ICT- en mediabeheer \u00b7 versie onbekend, ge\u00efmporteerd ")
			.doesNotContain("(bron ");
		String filtered = this.browser.get(withQuery(picker, "q=B1-K3-W2")).body();
		assertThat(filtered).contains("wp-B1-K3-W2").doesNotContain("wp-B1-K1-W1");
	}

	@Test
	void chosenWerkprocessesComeBackAsSignedContentItemsWithLineItems() {
		HttpResponse<String> picker = openPicker();
		Map<String, String> form = choice(picker, "B1-K2-W2", "CIJFER");
		HttpResponse<String> answer = this.browser.post("/app/deep-linking", form);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("action=\"" + this.moodle.baseUrl() + "/mod/lti/contentitem_return.php")
			.as("no CSRF token leaks to the platform")
			.doesNotContain("_csrf");
		Claims claims = verify(jwtOf(answer));
		assertThat(claims.getIssuer()).isEqualTo(PlatformSimulator.CLIENT_ID);
		assertThat(claims.getAudience()).containsExactly(this.moodle.issuer());
		assertThat(claims.get(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
		assertThat(claims.get(LtiClaims.VERSION)).isEqualTo("1.3.0");
		assertThat(claims.get(LtiClaims.DEPLOYMENT_ID)).isEqualTo(PlatformSimulator.DEPLOYMENT_ID);
		assertThat(claims.get(LtiClaims.DL_DATA)).isEqualTo("{\"token\":\"abc\"}");
		assertThat(claims.get("nonce")).isNotNull();
		List<?> items = (List<?>) claims.get(LtiClaims.CONTENT_ITEMS);
		assertThat(items).hasSize(1);
		Map<?, ?> item = (Map<?, ?>) items.get(0);
		assertThat(item.get("type")).isEqualTo("ltiResourceLink");
		assertThat((String) item.get("title")).startsWith("B1-K2-W2 Implementeert");
		assertThat(item.get("url")).isEqualTo(this.browser.toolBaseUrl() + "/lti/launch");
		Map<?, ?> lineItem = (Map<?, ?>) item.get("lineItem");
		assertThat(((Number) lineItem.get("scoreMaximum")).doubleValue()).isEqualTo(10.0);
		assertThat(lineItem.get("resourceId")).isEqualTo("B1-K2-W2");
		Map<?, ?> custom = (Map<?, ?>) item.get("custom");
		assertThat(custom.get("werkproces_code")).isEqualTo("B1-K2-W2");
		assertThat(custom.get("werkproces_profiel")).isEqualTo("Netwerk- en mediabeheerder");

		ToolBrowser.LoginRedirect login = this.browser.initiateLogin(this.moodle);
		HttpResponse<String> studentLaunch = this.browser.launch(this.moodle.sign(TestLaunches
			.resourceLink(this.moodle, this.browser.toolBaseUrl())
			.with(LtiClaims.RESOURCE_LINK, Map.of("id", "deep-linked-1", "title", "B1-K2-W2"))
			.with(LtiClaims.CUSTOM, custom)
			.claims(login.nonce())), login.state());
		HttpResponse<String> home = this.browser.get(studentLaunch.headers().firstValue("Location").orElseThrow());
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/app/student");
		Long linkId = this.jdbc.sql("SELECT id FROM resource_link WHERE platform_id = ? AND link_key = 'deep-linked-1'")
			.param(this.platform.id())
			.query(Long.class)
			.single();
		Activity activity = this.activities.forResourceLink(this.platform.id(), linkId).orElseThrow();
		assertThat(activity.werkprocesCode()).isEqualTo("B1-K2-W2");
		assertThat(activity.profiel()).isEqualTo("Netwerk- en mediabeheerder");
		assertThat(activity.dueAt()).isNotNull();
	}

	@Test
	void rubricPointsGiveTheRubricMaximumAsScoreMaximum() {
		HttpResponse<String> picker = openPicker();
		HttpResponse<String> answer = this.browser.post("/app/deep-linking", choice(picker, "B1-K2-W2", "POINTS"));
		Map<?, ?> item = (Map<?, ?>) ((List<?>) verify(jwtOf(answer)).get(LtiClaims.CONTENT_ITEMS)).get(0);
		assertThat(((Number) ((Map<?, ?>) item.get("lineItem")).get("scoreMaximum")).doubleValue()).isEqualTo(27.0);
	}

	@Test
	void unknownWerkprocesIsRefusedWithTheFormNamingItAndKeepingEveryChoice() {
		HttpResponse<String> picker = openPicker();
		HttpResponse<String> answer = this.browser.post("/app/deep-linking", choice(picker, "B9-K9-W9", "POINTS"));
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("id=\"picker-error\"").contains("<strong>B9-K9-W9:</strong>")
			.containsPattern("value=\"POINTS\"[^>]*selected")
			.contains("value=\"2027-01-15\"")
			.contains(">Lever ook je testplan in.</textarea>");
	}

	@Test
	void refusedChoiceKeepsTheTickedWerkproces() {
		HttpResponse<String> picker = openPicker();
		Map<String, String> form = choice(picker, "B1-K2-W2", "CIJFER");
		form.put("due", "15-01-2027");
		HttpResponse<String> answer = this.browser.post("/app/deep-linking", form);
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("De datum is ongeldig")
			.containsPattern("id=\"wp-B1-K2-W2\"[^>]*checked")
			.doesNotContainPattern("id=\"wp-B1-K1-W1\"[^>]*checked");
	}

	@Test
	void learnerCannotDeepLink() {
		ToolBrowser.LoginRedirect login = this.browser.initiateLogin(this.moodle);
		HttpResponse<String> launch = this.browser.launch(this.moodle.sign(TestLaunches
			.deepLinking(this.moodle, this.browser.toolBaseUrl())
			.with(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
			.claims(login.nonce())), login.state());
		String location = launch.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> home = this.browser.get(location);
		assertThat(home.statusCode()).isEqualTo(403);
		assertThat(home.body()).contains("Alleen docenten");
		assertThat(this.browser.get(location.replace("/app?", "/app/deep-linking?")).statusCode()).isEqualTo(403);
	}

	@Test
	void returnUrlThatIsNotThePlatformsOwnIsRefused() {
		for (String returnUrl : List.of("javascript:alert(document.domain)//",
				"data:text/html,<script>alert(1)</script>", "https://evil.example/mod/lti/contentitem_return.php",
				"http://evil.example/mod/lti/contentitem_return.php",
				this.moodle.baseUrl().replace("127.0.0.1", "127.0.0.1.evil.example") + "/mod/lti/contentitem_return.php",
				"//evil.example/mod/lti/contentitem_return.php")) {
			HttpResponse<String> picker = openPicker(this.moodle, returnUrl);
			assertThat(picker.statusCode()).as(returnUrl).isEqualTo(400);
			assertThat(picker.body()).contains("<code id=\"reason\">RETURN_URL_NOT_ALLOWED</code>")
				.contains("terugstuuradres")
				.doesNotContain("evil")
				.doesNotContain("javascript:")
				.doesNotContain("data:");
		}
	}

	@Test
	void returnUrlOnThePlatformsHostNeedsHttpsUnlessLoopback() {
		try (PlatformSimulator school = PlatformSimulator.start().withIssuer("https://moodle.roc-dl.example")) {
			this.registrations.register(school.settings(), PlatformSource.ADMIN);
			assertThat(openPicker(school, "http://moodle.roc-dl.example/mod/lti/contentitem_return.php?course=2")
				.statusCode()).isEqualTo(400);
			assertThat(openPicker(school, "https://moodle.roc-dl.example/mod/lti/contentitem_return.php?course=2")
				.statusCode()).isEqualTo(200);
			assertThat(openPicker(school, school.baseUrl() + "/mod/lti/contentitem_return.php?course=2")
				.statusCode()).as("the host of its authorization endpoint, on loopback").isEqualTo(200);
		}
	}

	@Test
	void moodlesOwnReturnUrlIsAccepted() {
		HttpResponse<String> picker = openPicker(this.moodle,
				this.moodle.baseUrl() + "/mod/lti/contentitem_return.php?course=2&id=1&sesskey=1OExt4lJDS");
		assertThat(picker.statusCode()).isEqualTo(200);
		HttpResponse<String> answer = this.browser.post("/app/deep-linking", choice(picker, "B1-K2-W2", "CIJFER"));
		assertThat(answer.body()).contains("action=\"" + this.moodle.baseUrl()
				+ "/mod/lti/contentitem_return.php?course=2&amp;id=1&amp;sesskey=1OExt4lJDS\"");
	}

	/** The picker of a Deep Linking launch whose settings carry this return URL. */
	private HttpResponse<String> openPicker(PlatformSimulator platform, String returnUrl) {
		ToolBrowser teacher = this.browser;
		ToolBrowser.LoginRedirect login = teacher.initiateLogin(platform);
		HttpResponse<String> launch = teacher.launch(platform.sign(TestLaunches
			.deepLinking(platform, teacher.toolBaseUrl())
			.with(LtiClaims.DEEP_LINKING_SETTINGS,
					Map.of("deep_link_return_url", returnUrl, "accept_types", List.of("ltiResourceLink"),
							"accept_presentation_document_targets", List.of("iframe"), "accept_multiple", true))
			.claims(login.nonce())), login.state());
		assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
		return teacher.getFollowing(launch.headers().firstValue("Location").orElseThrow());
	}

	private HttpResponse<String> openPicker() {
		ToolBrowser.LoginRedirect login = this.browser.initiateLogin(this.moodle);
		HttpResponse<String> launch = this.browser.launch(
				this.moodle.sign(TestLaunches.deepLinking(this.moodle, this.browser.toolBaseUrl()).claims(login.nonce())),
				login.state());
		HttpResponse<String> picker = this.browser.getFollowing(launch.headers().firstValue("Location").orElseThrow());
		// the reference dossier seeded at start-up: the picker opens the newest, and other tests import more
		Matcher reference = Pattern.compile("<option value=\"(\\d+)\"[^>]*>ICT- en mediabeheer \u00b7 versie onbekend")
			.matcher(picker.body());
		assertThat(reference.find()).as("the reference dossier is offered").isTrue();
		return this.browser.get(withQuery(picker, "dossier=" + reference.group(1))
				+ "&profiel="
				+ java.net.URLEncoder.encode("Netwerk- en mediabeheerder", java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The page's URL with one more query parameter (the browser's cookie carries the session: no query of its own). */
	private static String withQuery(HttpResponse<String> page, String parameter) {
		String query = page.uri().getRawQuery();
		return page.uri().getPath() + "?" + ((query != null) ? query + "&" : "") + parameter;
	}

	private Map<String, String> choice(HttpResponse<String> picker, String code, String mode) {
		Matcher csrf = CSRF.matcher(picker.body());
		assertThat(csrf.find()).isTrue();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", csrf.group(1));
		form.put("dossier", String.valueOf(this.catalog.all()
			.stream()
			.filter((version) -> "system".equals(version.importedBy()))
			.findFirst()
			.orElseThrow()
			.id()));
		form.put("profiel", "Netwerk- en mediabeheerder");
		form.put("werkproces", code);
		form.put("gradeMode", mode);
		form.put("due", "2027-01-15");
		form.put("instructions", "Lever ook je testplan in.");
		return form;
	}

	private static String jwtOf(HttpResponse<String> answer) {
		Matcher jwt = JWT.matcher(answer.body());
		assertThat(jwt.find()).as(answer.body()).isTrue();
		return jwt.group(1);
	}

	private Claims verify(String jwt) {
		return Jwts.parser().keyLocator(new LocatorAdapter<java.security.Key>() {
			@Override
			protected java.security.Key locate(ProtectedHeader header) {
				return keys.publishedKeys()
					.stream()
					.filter((key) -> key.kid().equals(header.getKeyId()))
					.map((key) -> (RSAPublicKey) key.publicKey())
					.findFirst()
					.orElseThrow();
			}
		}).build().parseSignedClaims(jwt).getPayload();
	}

}
