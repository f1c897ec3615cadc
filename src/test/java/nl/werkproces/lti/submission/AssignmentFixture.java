package nl.werkproces.lti.submission;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.ActivitySetup;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deep-linked activity for B1-K2-W2 (Netwerk- en mediabeheerder) on a simulated platform, students launched
 * into it, and gradings as the teacher's side writes them.
 */
final class AssignmentFixture implements AutoCloseable {

	static final String CODE = "B1-K2-W2";

	static final String PROFIEL = "Netwerk- en mediabeheerder";

	/** 15 January 2027, 00:00 in Amsterdam. */
	static final Instant DUE = Instant.parse("2027-01-14T23:00:00Z");

	final PlatformSimulator platform = PlatformSimulator.start();

	final Platform registered;

	final ToolBrowser browser;

	final long dossierId;

	final String setupKey;

	private final JdbcClient jdbc;

	private final RubricVersions rubrics;

	AssignmentFixture(int port, PlatformRegistrations registrations, Activities activities, DossierCatalog catalog,
			RubricVersions rubrics, JdbcClient jdbc) {
		this.registered = registrations.register(this.platform.settings(), PlatformSource.ADMIN);
		this.browser = new ToolBrowser("http://localhost:" + port);
		this.dossierId = catalog.all()
			.stream()
			.filter((d) -> d.identity().titel().startsWith("ICT- en mediabeheer"))
			.findFirst()
			.orElseThrow()
			.id();
		this.setupKey = activities.createPending(this.registered.id(), new ActivitySetup(this.dossierId, CODE, PROFIEL,
				GradeMode.CIJFER, DUE, "Lever ook je testplan in als pdf."), null);
		this.jdbc = jdbc;
		this.rubrics = rubrics;
	}

	TestLaunches learner() {
		return TestLaunches.resourceLink(this.platform, this.browser.toolBaseUrl())
			.with(LtiClaims.CUSTOM, Map.of(CurrentActivity.SETUP_KEY, this.setupKey));
	}

	/** Launches on this fixture's platform; returns the launch session id (from the cookie the launch set). */
	String launch(TestLaunches launch) {
		return launchOn(this.platform, launch);
	}

	String launchOn(PlatformSimulator on, TestLaunches launch) {
		LoginRedirect login = this.browser.initiateLogin(on);
		HttpResponse<String> response = this.browser.launch(on.sign(launch.claims(login.nonce())), login.state());
		if (response.statusCode() != 303) {
			throw new AssertionError("launch answered " + response.statusCode() + ": " + response.body());
		}
		return sessionCookie(response);
	}

	/** The launch session id from the launch answer's {@code lti_session} cookie, as the browser stores it. */
	static String sessionCookie(HttpResponse<?> launch) {
		return launch.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("lti_session="))
			.map((cookie) -> cookie.substring("lti_session=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("launch set no session cookie: " + launch.headers()));
	}

	StudentClient student(String sessionId) {
		return new StudentClient(this.browser.toolBaseUrl(), sessionId, "nl");
	}

	long activityId() {
		return this.jdbc.sql("SELECT id FROM activity WHERE platform_id = ? AND setup_key = ?")
			.params(this.registered.id(), this.setupKey)
			.query(Long.class)
			.single();
	}

	long userId(String subject) {
		return this.jdbc.sql("SELECT id FROM lti_user WHERE platform_id = ? AND subject = ?")
			.params(this.registered.id(), subject)
			.query(Long.class)
			.single();
	}

	void moveDueDate(Instant due) {
		this.jdbc.sql("UPDATE activity SET due_at = ? WHERE id = ?").params(Timestamp.from(due), activityId()).update();
	}

	Rubric rubric() {
		return this.rubrics.template(this.dossierId, CODE, PROFIEL);
	}

	/** A grading row as the teacher's side writes it: every criterion 2, the first 3 with a remark. */
	void grading(String subject, String status) {
		Rubric rubric = rubric();
		String first = rubric.criteria().get(0).key();
		String levels = rubric.criteria()
			.stream()
			.map((c) -> "\"" + c.key() + "\":" + (c.key().equals(first) ? 3 : 2))
			.collect(Collectors.joining(",", "{", "}"));
		String remarks = "{\"" + first + "\":\"Goed onderbouwd advies.\"}";
		int n = rubric.criteria().size();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				INSERT INTO grading (activity_id, platform_id, student_user_id, rubric_version_id, status, levels, remarks,
				    overall_remark, points, maximum, cesuur, verdict, cijfer, knock_out, assessor_user_id, finalized_at,
				    created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(activityId(), this.registered.id(), userId(subject), rubric.id().toString(), status, levels, remarks,
					"Netjes gewerkt, let op je planning.", 2 * n + 1, 3 * n, 2 * n, "VOLDOENDE", new BigDecimal("6.0"),
					false, userId(subject), "FINAL".equals(status) ? now : null, now, now)
			.update();
	}

	int submissions() {
		return this.jdbc.sql("SELECT COUNT(*) FROM submission WHERE platform_id = ?")
			.param(this.registered.id())
			.query(Integer.class)
			.single();
	}

	int files() {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM submission_file f JOIN submission s ON s.id = f.submission_id WHERE s.platform_id = ?")
			.param(this.registered.id())
			.query(Integer.class)
			.single();
	}

	long fileId(String filename) {
		return this.jdbc.sql("""
				SELECT f.id FROM submission_file f JOIN submission s ON s.id = f.submission_id
				WHERE s.platform_id = ? AND f.filename = ?""")
			.params(this.registered.id(), filename)
			.query(Long.class)
			.single();
	}

	@Override
	public void close() {
		this.platform.close();
	}

}
