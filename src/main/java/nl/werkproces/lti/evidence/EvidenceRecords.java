package nl.werkproces.lti.evidence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.werkproces.lti.activity.Activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts evidence prints beside a grading: who the student and assessors are, the activity's title and dossier,
 * and which activities belong to a course. Always scoped to a platform.
 */
@Repository
class EvidenceRecords {

	/**
	 * The activity as the form names it.
	 *
	 * @param title the resource link's title in the platform, {@code null} when unknown
	 * @param dossierVersie the version the dossier states, {@code null} when it states none
	 * @param dossierImportedAt when that dossier version was imported (names a versionless dossier)
	 */
	record ActivityFacts(String title, String werkprocesTitel, String dossierTitel, String crebo, String dossierVersie,
			Instant dossierImportedAt) {

	}

	private final JdbcClient jdbc;

	EvidenceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StudentName> student(long platformId, long userId) {
		return this.jdbc.sql("SELECT id, subject, name, given_name, family_name FROM lti_user WHERE id = ? AND platform_id = ?")
			.params(userId, platformId)
			.query((rs, row) -> StudentName.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/** Display names of users of the platform; users of another platform are left out. */
	Map<Long, String> names(long platformId, Collection<Long> userIds) {
		Map<Long, String> names = new HashMap<>();
		for (long id : userIds) {
			student(platformId, id).ifPresent((user) -> names.put(id, user.displayName()));
		}
		return names;
	}

	ActivityFacts facts(Activity activity) {
		return this.jdbc.sql("""
				SELECT rl.title, w.titel AS werkproces_titel, d.titel, d.crebo, d.versie, d.imported_at
				FROM activity a JOIN dossier d ON d.id = a.dossier_id
				LEFT JOIN resource_link rl ON rl.id = a.resource_link_id AND rl.platform_id = a.platform_id
				LEFT JOIN dossier_werkproces w ON w.dossier_id = a.dossier_id AND w.code = a.werkproces_code
				WHERE a.id = ? AND a.platform_id = ?""")
			.params(activity.id(), activity.platformId())
			.query((rs, row) -> new ActivityFacts(rs.getString("title"), rs.getString("werkproces_titel"),
					rs.getString("titel"), rs.getString("crebo"), rs.getString("versie"),
					rs.getTimestamp("imported_at").toInstant()))
			.single();
	}

	/** The resource links of the course's activities (a context of the platform), in activity order. */
	List<Long> courseResourceLinks(long platformId, long contextId) {
		return this.jdbc.sql("""
				SELECT a.resource_link_id FROM activity a JOIN resource_link rl ON rl.id = a.resource_link_id
				WHERE a.platform_id = ? AND rl.platform_id = ? AND rl.context_id = ? ORDER BY a.id""")
			.params(platformId, platformId, contextId)
			.query(Long.class)
			.list();
	}

	/** The resource links of every activity of the platform, in activity order. */
	List<Long> platformResourceLinks(long platformId) {
		return this.jdbc.sql("SELECT resource_link_id FROM activity WHERE platform_id = ? AND resource_link_id IS NOT NULL"
				+ " ORDER BY id")
			.param(platformId)
			.query(Long.class)
			.list();
	}

	/** Whether the user handed in or was graded in the activity. */
	boolean hasWorkIn(long activityId, long platformId, long userId) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM submission WHERE activity_id = ? AND platform_id = ? AND user_id = ?)
				     + (SELECT COUNT(*) FROM grading WHERE activity_id = ? AND platform_id = ? AND student_user_id = ?)""")
			.params(activityId, platformId, userId, activityId, platformId, userId)
			.query(Long.class)
			.single() > 0;
	}

}
