package nl.werkproces.lti.overview;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.grading.StaffOnly;
import nl.werkproces.lti.launch.DerivedLaunchSessions;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.launch.LaunchSessions;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The way from the overview's "nog te beoordelen" list to the grading screen of another activity of the same
 * course. A launch session is bound to one activity (its resource link), so the staff session is not widened: a
 * session is derived for the other activity ({@link LaunchSessions#derive}) with that activity's gradebook column,
 * and the grading screen opens on it (see {@link DerivedLaunchSessions}). Only an activity whose resource link belongs to the session's
 * context on the session's platform can be opened; any other is 404, as if it did not exist.
 * <p>
 * The gradebook column: the line item of the newest live launch of that resource link on the platform, else the
 * column an earlier grade of the activity went to, else none (then, as for a launch without a line item, the
 * course's container is searched by werkproces code).
 */
@Service
class GradeLinks {

	private static final Logger log = LoggerFactory.getLogger(GradeLinks.class);

	private final JdbcClient jdbc;

	private final LaunchSessions sessions;

	private final DerivedLaunchSessions derivedSessions;

	private final Clock clock;

	GradeLinks(JdbcClient jdbc, LaunchSessions sessions, DerivedLaunchSessions derivedSessions, Clock clock) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.derivedSessions = derivedSessions;
		this.clock = clock;
	}

	/**
	 * The grading screen of {@code userId} in {@code activityId}, as the path to redirect to: on the current session
	 * for its own activity, else on a session derived for that activity ({@link DerivedLaunchSessions}: in the
	 * browser's cookie, or as a link token when the cookie does not carry the session).
	 */
	String gradingScreen(HttpServletRequest request, HttpServletResponse response, LaunchSession launch,
			long activityId, long userId) {
		StaffOnly.require(launch);
		if (launch.context() == null) {
			log.info("Grade link refused: reason=no-context platform={} activity={}", launch.platformId(), activityId);
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		long resourceLinkId = resourceLinkInCourse(launch, activityId).orElseThrow(() -> {
			log.info("Grade link refused: reason=activity-not-in-course platform={} context={} activity={}",
					launch.platformId(), launch.context().id(), activityId);
			return new ResponseStatusException(HttpStatus.NOT_FOUND);
		});
		String path = "/app/teacher/students/" + userId;
		if (launch.resourceLink() != null && launch.resourceLink().id() == resourceLinkId) {
			return LaunchSessionCookie.withLinkToken(path);
		}
		LaunchSessions.Derived derived = this.sessions.derive(launch, resourceLinkId,
				lineItem(launch.platformId(), activityId, resourceLinkId));
		log.info("Grade link: derived session platform={} context={} activity={} user={}", launch.platformId(),
				launch.context().id(), activityId, launch.user().id());
		return this.derivedSessions.open(request, response, derived, path);
	}

	private Optional<Long> resourceLinkInCourse(LaunchSession launch, long activityId) {
		return this.jdbc.sql("""
				SELECT a.resource_link_id FROM activity a JOIN resource_link rl ON rl.id = a.resource_link_id
				WHERE a.id = ? AND a.platform_id = ? AND rl.platform_id = ? AND rl.context_id = ?""")
			.params(activityId, launch.platformId(), launch.platformId(), launch.context().id())
			.query(Long.class)
			.optional();
	}

	private String lineItem(long platformId, long activityId, long resourceLinkId) {
		Optional<String> launched = this.jdbc.sql("""
				SELECT ags_lineitem FROM launch_session
				WHERE platform_id = ? AND resource_link_id = ? AND ags_lineitem IS NOT NULL AND expires_at > ?
				ORDER BY created_at DESC LIMIT 1""")
			.params(platformId, resourceLinkId, Timestamp.from(this.clock.instant()))
			.query(String.class)
			.optional();
		if (launched.isPresent()) {
			return launched.get();
		}
		return this.jdbc.sql("""
				SELECT o.line_item_url FROM grading g JOIN grade_outbox o ON o.id = g.outbox_id AND o.platform_id = g.platform_id
				WHERE g.activity_id = ? AND g.platform_id = ? AND o.line_item_url IS NOT NULL
				ORDER BY o.id DESC LIMIT 1""")
			.params(activityId, platformId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
