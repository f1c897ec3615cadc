package nl.werkproces.lti.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a course (an LTI context of one platform) was last active: the latest of
 * <ul>
 * <li>its last launch: {@code lti_context.updated_at}, which every launch in the context renews when it is older
 * than an hour (and which a change of the course's name renews too),</li>
 * <li>the last hand-in: {@code submission.updated_at} of its activities,</li>
 * <li>the last change of a grading: {@code grading.updated_at} of its activities,</li>
 * <li>the last final grading: {@code grading_version.finalized_at} of its activities.</li>
 * </ul>
 * An activity belongs to the course of its resource link ({@code resource_link.context_id}); an activity without a
 * resource link or a link without a context belongs to no course and is never purged by retention. Only courses
 * with something to purge (a hand-in, a grading or a grading version) are listed.
 */
@Component
class CourseActivity {

	private final JdbcClient jdbc;

	CourseActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Courses of the platform with something to purge and when each was last active, by context id. */
	Map<Long, Instant> lastActivity(long platformId) {
		return lastActivity(platformId, null);
	}

	/** When one course was last active, or {@code null} when it has nothing to purge. */
	Instant lastActivity(long platformId, long contextId) {
		return lastActivity(platformId, (Long) contextId).get(contextId);
	}

	private Map<Long, Instant> lastActivity(long platformId, Long contextId) {
		String onlyOne = (contextId != null) ? " AND r.context_id = :context" : "";
		Map<Long, Instant> latest = new TreeMap<>();
		for (String data : List.of(
				"SELECT r.context_id, MAX(s.updated_at) FROM submission s JOIN activity a ON a.id = s.activity_id"
						+ " JOIN resource_link r ON r.id = a.resource_link_id",
				"SELECT r.context_id, MAX(g.updated_at) FROM grading g JOIN activity a ON a.id = g.activity_id"
						+ " JOIN resource_link r ON r.id = a.resource_link_id",
				"SELECT r.context_id, MAX(v.finalized_at) FROM grading_version v JOIN activity a ON a.id = v.activity_id"
						+ " JOIN resource_link r ON r.id = a.resource_link_id")) {
			this.jdbc.sql(data + " WHERE a.platform_id = :platform AND r.context_id IS NOT NULL" + onlyOne
					+ " GROUP BY r.context_id")
				.param("platform", platformId)
				.param("context", contextId)
				.query((rs, row) -> {
					later(latest, rs.getLong(1), rs.getTimestamp(2));
					return null;
				})
				.list();
		}
		if (!latest.isEmpty()) {
			this.jdbc.sql("SELECT id, updated_at FROM lti_context WHERE platform_id = :platform"
					+ ((contextId != null) ? " AND id = :context" : ""))
				.param("platform", platformId)
				.param("context", contextId)
				.query((rs, row) -> {
					if (latest.containsKey(rs.getLong(1))) {
						later(latest, rs.getLong(1), rs.getTimestamp(2));
					}
					return null;
				})
				.list();
		}
		return latest;
	}

	private static void later(Map<Long, Instant> latest, long contextId, Timestamp at) {
		if (at != null) {
			latest.merge(contextId, at.toInstant(), (a, b) -> a.isAfter(b) ? a : b);
		}
	}

}
