package nl.werkproces.lti.grading;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
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
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.storage.Sha256;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedServices;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A simulated Moodle with one deep-linked werkproces activity (B1-K2-W2, Netwerk- en mediabeheerder) and launches
 * into it over real HTTP: each launch is a {@link Session} with its own browser, whose cookie carries the session.
 */
public final class TeacherFixture implements AutoCloseable {

	public static final String PROFIEL = "Netwerk- en mediabeheerder";

	final PlatformSimulator simulator;

	final SimulatedServices services;

	final Platform platform;

	final String setupKey;

	private final String toolBaseUrl;

	private final JdbcClient jdbc;

	private final LaunchSessions sessions;

	public TeacherFixture(String toolBaseUrl, PlatformRegistrations registrations, Activities activities,
			DossierCatalog catalog, JdbcClient jdbc, LaunchSessions sessions, GradeMode mode) {
		this.sessions = sessions;
		this.toolBaseUrl = toolBaseUrl;
		this.jdbc = jdbc;
		this.simulator = PlatformSimulator.start();
		this.services = this.simulator.services().trustToolJwks(toolBaseUrl + "/.well-known/jwks.json");
		this.platform = registrations.register(this.simulator.settings(), PlatformSource.ADMIN);
		long dossierId = catalog.all()
			.stream()
			.filter((version) -> "system".equals(version.importedBy()))
			.mapToLong(DossierVersion::id)
			.min()
			.orElseThrow();
		this.setupKey = activities.createPending(this.platform.id(),
				new ActivitySetup(dossierId, "B1-K2-W2", PROFIEL, mode, Instant.parse("2027-01-15T23:00:00Z"), null),
				null);
	}

	public TestLaunches teacher() {
		return TestLaunches.resourceLink(this.simulator, this.toolBaseUrl)
			.asInstructor()
			.with(LtiClaims.CUSTOM, Map.of(CurrentActivity.SETUP_KEY, this.setupKey));
	}

	public TestLaunches student(String sub, String name) {
		return TestLaunches.resourceLink(this.simulator, this.toolBaseUrl)
			.with("sub", sub)
			.with("name", name)
			.with(LtiClaims.CUSTOM, Map.of(CurrentActivity.SETUP_KEY, this.setupKey));
	}

	public Session launch(TestLaunches launch) {
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

	public long userId(String sub) {
		return this.jdbc.sql("SELECT id FROM lti_user WHERE platform_id = ? AND subject = ?")
			.params(this.platform.id(), sub)
			.query(Long.class)
			.single();
	}

	public long activityId() {
		return this.jdbc.sql("SELECT id FROM activity WHERE platform_id = ? AND setup_key = ? ORDER BY id")
			.params(this.platform.id(), this.setupKey)
			.query(Long.class)
			.list()
			.get(0);
	}

	/** A user the platform knows only from a hand-in (not a course member, never launched in a live session). */
	public long insertUser(String sub, String name) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("INSERT INTO lti_user (platform_id, subject, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(this.platform.id(), sub, name, now, now)
			.update();
		return userId(sub);
	}

	public long handIn(long activityId, long userId, String text, boolean late) {
		return handIn(activityId, userId, text, late, Instant.parse("2027-01-10T10:15:00Z"));
	}

	long handIn(long activityId, long userId, String text, boolean late, Instant submittedAt) {
		Timestamp at = Timestamp.from(submittedAt);
		this.jdbc.sql("""
				INSERT INTO submission (activity_id, platform_id, user_id, text_content, hand_in_count, submitted_at, late,
				    created_at, updated_at)
				VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)""")
			.params(activityId, this.platform.id(), userId, text, at, late, at, at)
			.update();
		return this.jdbc.sql("SELECT id FROM submission WHERE activity_id = ? AND user_id = ?")
			.params(activityId, userId)
			.query(Long.class)
			.single();
	}

	public long attach(long submissionId, String filename, byte[] content) {
		this.jdbc.sql("""
				INSERT INTO submission_file (submission_id, filename, content_type, size_bytes, sha256, content, created_at)
				VALUES (?, ?, 'application/pdf', ?, ?, ?, ?)""")
			.params(submissionId, filename, content.length, Sha256.hex(content), content, Timestamp.from(Instant.now()))
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM submission_file WHERE submission_id = ?")
			.param(submissionId)
			.query(Long.class)
			.single();
	}

	@Override
	public void close() {
		this.simulator.close();
	}

	/**
	 * A launch session: its browser (whose cookie carries the session, so URLs carry nothing) and the session id (for
	 * link tokens of cookie-less tests); pages and form posts with the session's CSRF token.
	 */
	public record Session(ToolBrowser browser, String sessionId, String csrf) {

		public HttpResponse<String> get(String path) {
			return this.browser.get(path);
		}

		public HttpResponse<String> post(String path, Map<String, String> fields) {
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", masked(this.csrf));
			return this.browser.post(path, form);
		}

	}

	/** The token as forms carry it: XOR-masked with fresh random bytes (Spring Security's BREACH protection). */
	static String masked(String token) {
		byte[] raw = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] random = new byte[raw.length];
		new java.security.SecureRandom().nextBytes(random);
		byte[] combined = new byte[raw.length * 2];
		for (int i = 0; i < raw.length; i++) {
			combined[i] = random[i];
			combined[raw.length + i] = (byte) (random[i] ^ raw[i]);
		}
		return java.util.Base64.getUrlEncoder().encodeToString(combined);
	}

	public static Map<String, String> levels(List<String> keys, int... scores) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < scores.length; i++) {
			form.put("level." + keys.get(i), String.valueOf(scores[i]));
		}
		return form;
	}

}
