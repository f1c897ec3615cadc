package nl.werkproces.lti.grading;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session and CSRF tokens stay out of URLs, over real HTTP against a simulated Moodle: on every kind of page a launch
 * reaches (student, receipt, teacher home, settings, grading, setup picker, Deep Linking picker) and every redirect
 * between them, no URL carries {@code _csrf=}, and while the browser's cookie carries the session no link, form
 * action or Location carries {@code lsid=}. Without the cookie the pages' links, forms and redirects carry fresh
 * link tokens (never the session id) and work.
 */
@PlatformServicesTest
class LaunchPageUrlsTests {

	/** Every URL a page gives the browser: links, form actions, sources, and the Location of a redirect. */
	private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?:href|action|src|formaction)=\"([^\"]*)\"");

	private static final Pattern LINK_ATTRIBUTE = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

	private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LaunchSessions sessions;

	@Autowired
	LaunchLinkTokens linkTokens;

	@Autowired
	MutableClock clock;

	TeacherFixture moodle;

	Session teacher;

	long sam;

	@BeforeEach
	void launch() {
		// the shared context's clock stands still; launches are signed with the real time
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.moodle.launch(this.moodle.student("4", "Sam Student"));
		this.sam = this.moodle.userId("4");
		this.moodle.handIn(this.moodle.activityId(), this.sam, "Het netwerk is geïnstalleerd.", false);
	}

	@AfterEach
	void stopPlatform() {
		this.moodle.close();
	}

	@Test
	void withTheCookieNoPageOrRedirectPutsTheSessionOrTheCsrfTokenInAUrl() {
		Session student = this.moodle.launch(this.moodle.student("4", "Sam Student"));
		Session newActivity = this.moodle.launch(TestLaunches.resourceLink(this.moodle.simulator, base())
			.asInstructor()
			.with(LtiClaims.RESOURCE_LINK, Map.of("id", "not-set-up", "title", "Nieuwe activiteit")));
		Session deepLinking = this.moodle.launch(TestLaunches.deepLinking(this.moodle.simulator, base()));
		Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
		// the student first: the teacher's draft below closes the hand-in form
		pages.put("student /app", student.get("/app"));
		pages.put("student", student.get("/app/student"));
		pages.put("receipt", student.get("/app/student/receipt"));
		pages.put("teacher /app", this.teacher.get("/app"));
		pages.put("teacher home (roster)", this.teacher.get("/app/teacher"));
		pages.put("settings", this.teacher.get("/app/teacher/settings"));
		pages.put("settings saved", this.teacher.post("/app/teacher/settings", Map.of("secondAssessor", "on")));
		pages.put("grading", this.teacher.get("/app/teacher/students/" + this.sam));
		pages.put("grading draft saved", this.teacher.post("/app/teacher/students/" + this.sam + "/draft", Map.of()));
		pages.put("setup /app", newActivity.get("/app"));
		pages.put("setup picker", newActivity.get("/app/setup"));
		pages.put("deep linking /app", deepLinking.get("/app"));
		pages.put("deep linking picker", deepLinking.get("/app/deep-linking"));

		pages.forEach((name, page) -> assertThat(page.statusCode()).as(name + ": " + page.body()).isIn(200, 302));
		assertThat(pages.get("teacher /app").headers().firstValue("Location")).hasValue(base() + "/app/teacher");
		assertThat(pages.get("grading draft saved").headers().firstValue("Location").orElseThrow())
			.endsWith("/app/teacher/students/" + this.sam + "?done=saved");
		assertThat(pages.get("setup /app").headers().firstValue("Location")).hasValue(base() + "/app/setup");
		assertThat(pages.get("deep linking /app").headers().firstValue("Location"))
			.hasValue(base() + "/app/deep-linking");
		assertThat(pages.get("setup picker").body()).contains("id=\"picker-filter\"");
		assertThat(pages.get("grading").body()).contains("Het netwerk is geïnstalleerd.");
		assertThat(pages.get("student").body()).contains("enctype=\"multipart/form-data\"");
		pages.forEach((name, page) -> {
			for (String url : urls(page)) {
				assertThat(url).as(name + " gives the browser " + url).doesNotContain("_csrf=").doesNotContain("lsid=");
			}
			assertThat(page.body()).as(name).doesNotContain("_csrf=").doesNotContain(this.teacher.sessionId())
				.doesNotContain(student.sessionId());
		});
	}

	@Test
	void withoutTheCookieLinksFormsAndRedirectsCarryFreshLinkTokensThatWork() {
		ToolBrowser cookieless = new ToolBrowser(base());
		String first = this.linkTokens.issue(this.sessions.find(this.teacher.sessionId()).orElseThrow());

		HttpResponse<String> home = cookieless.get("/app?lsid=" + first);
		assertThat(home.statusCode()).isEqualTo(302);
		String roster = home.headers().firstValue("Location").orElseThrow();
		assertThat(roster).startsWith(base() + "/app/teacher?lsid=l1.");

		HttpResponse<String> rosterPage = cookieless.get(roster);
		assertThat(rosterPage.statusCode()).isEqualTo(200);
		assertThat(rosterPage.body()).contains("Sam Student");
		List<String> appLinks = links(rosterPage).stream().filter((url) -> url.startsWith("/app")).toList();
		assertThat(appLinks).isNotEmpty().allSatisfy((url) -> assertThat(url).contains("lsid=l1."));
		// forms carry the token in their body instead
		assertThat(java.util.Arrays.stream(rosterPage.body().split("<form", -1)).skip(1).toList())
			.allSatisfy((form) -> assertThat(form.substring(0, form.indexOf("</form>")))
				.containsPattern("name=\"lsid\" value=\"l1\\.|action=\"[^\"]*lsid=l1\\."));
		String gradingLink = appLinks.stream()
			.filter((url) -> url.startsWith("/app/teacher/students/" + this.sam))
			.findFirst()
			.orElseThrow();

		HttpResponse<String> grading = cookieless.get(gradingLink.replace("&amp;", "&"));
		assertThat(grading.statusCode()).isEqualTo(200);
		assertThat(grading.body()).contains("Het netwerk is geïnstalleerd.").doesNotContain(this.teacher.sessionId());
		Map<String, String> hidden = hiddenFields(grading.body());
		assertThat(hidden.get("lsid")).startsWith("l1.");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("lsid", hidden.get("lsid"));
		form.put("_csrf", hidden.get("_csrf"));
		HttpResponse<String> saved = cookieless.post("/app/teacher/students/" + this.sam + "/draft", form);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String next = saved.headers().firstValue("Location").orElseThrow();
		assertThat(next).contains("/app/teacher/students/" + this.sam + "?done=saved&lsid=l1.").doesNotContain("_csrf");
		assertThat(cookieless.get(next).statusCode()).isEqualTo(200);
		for (HttpResponse<String> page : List.of(rosterPage, grading)) {
			assertThat(urls(page)).noneMatch((url) -> url.contains("_csrf="));
		}
	}

	@Test
	void aFormActsOnTheLaunchItWasShownForAfterAnotherTabLaunchedAnotherActivity() {
		String grading = this.teacher.get("/app/teacher/students/" + this.sam).body();
		Map<String, String> hidden = hiddenFields(grading);
		assertThat(hidden.get("lsid")).as("the form's body names its launch").startsWith("l1.");
		// another tab of the same browser launches another activity: the cookie now names that launch
		ToolBrowser sameBrowser = this.teacher.browser();
		ToolBrowser.LoginRedirect login = sameBrowser.initiateLogin(this.moodle.simulator);
		HttpResponse<String> other = sameBrowser.launch(this.moodle.simulator.sign(TestLaunches
			.resourceLink(this.moodle.simulator, base())
			.asInstructor()
			.with(LtiClaims.RESOURCE_LINK, Map.of("id", "other-tab", "title", "Andere activiteit"))
			.claims(login.nonce())), login.state());
		assertThat(other.statusCode()).isEqualTo(303);
		assertThat(sameBrowser.cookie("lti_session")).isNotEqualTo(java.util.Optional.of(this.teacher.sessionId()));
		HttpResponse<String> saved = this.teacher.post("/app/teacher/students/" + this.sam + "/draft",
				Map.of("lsid", hidden.get("lsid")));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String next = saved.headers().firstValue("Location").orElseThrow();
		assertThat(next).as("the cookie names another launch: the first tab goes on with a link token")
			.contains("/app/teacher/students/" + this.sam + "?done=saved&lsid=l1.");
		assertThat(this.teacher.get(next).body()).contains("Het netwerk is geïnstalleerd.");
	}

	@Test
	void aFormTokenThatExpiredStillWorksWhileTheCookieCarriesItsSession() {
		Map<String, String> hidden = hiddenFields(this.teacher.get("/app/teacher/students/" + this.sam).body());
		this.clock.advance(java.time.Duration.ofMinutes(90));
		HttpResponse<String> saved = this.teacher.post("/app/teacher/students/" + this.sam + "/draft",
				Map.of("lsid", hidden.get("lsid")));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).doesNotContain("lsid=");
	}

	@Test
	void withoutTheCookieTheHandInFormCarriesALinkTokenButNeverTheCsrfTokenInItsAction() {
		Session student = this.moodle.launch(this.moodle.student("4", "Sam Student"));
		ToolBrowser cookieless = new ToolBrowser(base());
		String token = this.linkTokens.issue(this.sessions.find(student.sessionId()).orElseThrow());
		HttpResponse<String> page = cookieless.get("/app/student?lsid=" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher action = Pattern.compile("enctype=\"multipart/form-data\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
		assertThat(action.find()).as(page.body()).isTrue();
		assertThat(action.group(1)).startsWith("/app/student/submission?lsid=l1.").doesNotContain("_csrf");
		assertThat(hiddenFields(page.body())).containsKey("_csrf");
		assertThat(urls(page)).noneMatch((url) -> url.contains("_csrf="));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static List<String> urls(HttpResponse<String> page) {
		List<String> urls = new ArrayList<>();
		page.headers().firstValue("Location").ifPresent(urls::add);
		Matcher matcher = URL_ATTRIBUTE.matcher(page.body());
		while (matcher.find()) {
			urls.add(matcher.group(1));
		}
		return urls;
	}

	/** The page's links (href, src): what a person follows or the page loads, forms left out. */
	private static List<String> links(HttpResponse<String> page) {
		List<String> links = new ArrayList<>();
		Matcher matcher = LINK_ATTRIBUTE.matcher(page.body());
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}

	private static Map<String, String> hiddenFields(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = HIDDEN.matcher(body);
		while (matcher.find()) {
			fields.putIfAbsent(matcher.group(1), matcher.group(2));
		}
		return fields;
	}

}
