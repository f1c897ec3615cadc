package nl.werkproces.lti.overview;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.ActivitySetup;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.dossier.DossierVersion;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A simulated Moodle with courses (contexts) holding deep-linked werkproces activities, one resource link each,
 * and launches into them over real HTTP; each launch is a {@link Session} whose browser cookie carries the session.
 */
final class CourseFixture implements AutoCloseable {

	static final String NM = "Netwerk- en mediabeheerder";

	static final String ICT = "ICT-beheerder";

	/** One activity of a course: its resource link id in the platform and its setup key in the tool. */
	record Link(String courseId, String linkId, String title, String setupKey) {

	}

	final PlatformSimulator simulator;

	final Platform platform;

	private final String toolBaseUrl;

	private final Activities activities;

	private final JdbcClient jdbc;

	private final LaunchSessions sessions;

	private final RubricVersions rubrics;

	private final long dossierId;

	CourseFixture(String toolBaseUrl, PlatformRegistrations registrations, Activities activities, DossierCatalog catalog,
			JdbcClient jdbc, LaunchSessions sessions, RubricVersions rubrics) {
		this.toolBaseUrl = toolBaseUrl;
		this.activities = activities;
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.rubrics = rubrics;
		this.simulator = PlatformSimulator.start();
		this.simulator.services().trustToolJwks(toolBaseUrl + "/.well-known/jwks.json");
		this.platform = registrations.register(this.simulator.settings(), PlatformSource.ADMIN);
		this.dossierId = catalog.all()
			.stream()
			.filter((version) -> "system".equals(version.importedBy()))
			.mapToLong(DossierVersion::id)
			.min()
			.orElseThrow();
	}

	/** A werkproces activity deep-linked into the course; it gets its resource link at the first launch. */
	Link activity(String courseId, String linkId, String werkproces, String profiel) {
		String key = this.activities.createPending(this.platform.id(), new ActivitySetup(this.dossierId, werkproces,
				profiel, GradeMode.CIJFER, Instant.parse("2027-01-15T23:00:00Z"), null), null);
		return new Link(courseId, linkId, werkproces + " opdracht", key);
	}

	TestLaunches teacher(Link link) {
		return launchInto(link, TestLaunches.resourceLink(this.simulator, this.toolBaseUrl).asInstructor());
	}

	TestLaunches student(Link link, String sub, String name) {
		return launchInto(link, TestLaunches.resourceLink(this.simulator, this.toolBaseUrl).with("sub", sub)
			.with("name", name));
	}

	private TestLaunches launchInto(Link link, TestLaunches launch) {
		return launch.with(LtiClaims.CUSTOM, Map.of(CurrentActivity.SETUP_KEY, link.setupKey()))
			.with(LtiClaims.RESOURCE_LINK, Map.of("id", link.linkId(), "title", link.title()))
			.with(LtiClaims.CONTEXT, Map.of("id", link.courseId(), "label", "K" + link.courseId(), "title",
					"Cursus " + link.courseId(), "type", List.of("CourseSection")));
	}

	Session launch(TestLaunches launch) {
		ToolBrowser browser = new ToolBrowser(this.toolBaseUrl);
		LoginRedirect login = browser.initiateLogin(this.simulator);
		HttpResponse<String> response = browser.launch(this.simulator.sign(launch.claims(login.nonce())), login.state());
		String location = response.headers().firstValue("Location").orElseThrow();
		String sessionId = browser.cookie("lti_session")
			.orElseThrow(() -> new AssertionError("launch set no session cookie: " + response.headers()));
		Session session = new Session(browser, sessionId, this.sessions.find(sessionId).orElseThrow().csrfToken());
		browser.get(location);
		return session;
	}

	long userId(String sub) {
		return this.jdbc.sql("SELECT id FROM lti_user WHERE platform_id = ? AND subject = ?")
			.params(this.platform.id(), sub)
			.query(Long.class)
			.single();
	}

	long activityId(Link link) {
		return this.jdbc.sql("SELECT id FROM activity WHERE platform_id = ? AND setup_key = ?")
			.params(this.platform.id(), link.setupKey())
			.query(Long.class)
			.single();
	}

	void handIn(Link link, String sub, boolean late) {
		Timestamp at = Timestamp.from(Instant.parse("2027-01-10T10:15:00Z"));
		this.jdbc.sql("""
				INSERT INTO submission (activity_id, platform_id, user_id, text_content, hand_in_count, submitted_at, late,
				    created_at, updated_at)
				VALUES (?, ?, ?, 'Mijn werk', 1, ?, ?, ?, ?)""")
			.params(activityId(link), this.platform.id(), userId(sub), at, late, at, at)
			.update();
	}

	/** The rubric's levels, every criterion at {@code level}, with an overall remark. */
	Map<String, String> levels(Link link, int level, String remark) {
		String profiel = this.jdbc.sql("SELECT profiel FROM activity WHERE id = ?")
			.param(activityId(link))
			.query(String.class)
			.single();
		String code = this.jdbc.sql("SELECT werkproces_code FROM activity WHERE id = ?")
			.param(activityId(link))
			.query(String.class)
			.single();
		Map<String, String> form = new LinkedHashMap<>();
		for (Criterion criterion : this.rubrics.template(this.dossierId, code, profiel).criteria()) {
			form.put("level." + criterion.key(), String.valueOf(level));
		}
		form.put("overallRemark", remark);
		return form;
	}

	@Override
	public void close() {
		this.simulator.close();
	}

	/** A launch session: its browser (whose cookie carries the session), its id, and posts with its CSRF token. */
	record Session(ToolBrowser browser, String sessionId, String csrf) {

		HttpResponse<String> get(String path) {
			return this.browser.get(path);
		}

		HttpResponse<byte[]> download(String path) {
			return this.browser.getBytes(path);
		}

		HttpResponse<String> post(String path, Map<String, String> fields) {
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", masked(this.csrf));
			return this.browser.post(path, form);
		}

	}

	/** The token as forms carry it: XOR-masked with fresh random bytes (Spring Security's BREACH protection). */
	private static String masked(String token) {
		byte[] raw = token.getBytes(StandardCharsets.UTF_8);
		byte[] random = new byte[raw.length];
		new SecureRandom().nextBytes(random);
		byte[] combined = new byte[raw.length * 2];
		for (int i = 0; i < raw.length; i++) {
			combined[i] = random[i];
			combined[raw.length + i] = (byte) (random[i] ^ raw[i]);
		}
		return Base64.getUrlEncoder().encodeToString(combined);
	}

}
