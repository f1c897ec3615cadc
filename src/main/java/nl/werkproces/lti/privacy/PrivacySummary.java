package nl.werkproces.lti.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How much the tool stores about one user, for the privacy page (what an export holds, what an erasure removes). */
@Component
public class PrivacySummary {

	private final JdbcClient jdbc;

	PrivacySummary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Counts of(PlatformUsers.PlatformUser user) {
		long id = user.id();
		return new Counts(count("SELECT COUNT(*) FROM launch_session WHERE user_id = ?", id),
				count("SELECT COUNT(*) FROM submission WHERE user_id = ?", id),
				count("SELECT COUNT(*) FROM submission_file f JOIN submission s ON s.id = f.submission_id"
						+ " WHERE s.user_id = ?", id),
				count("SELECT COUNT(*) FROM grading WHERE student_user_id = ?", id),
				count("SELECT COUNT(*) FROM grading_version WHERE student_user_id = ? AND platform_id = "
						+ user.platformId(), id),
				this.jdbc.sql("SELECT COUNT(*) FROM grade_outbox WHERE platform_id = ? AND user_sub = ?"
						+ " AND status = 'DELIVERED'").params(user.platformId(), user.subject()).query(Integer.class)
					.single(),
				this.jdbc.sql("SELECT COUNT(*) FROM grade_outbox WHERE platform_id = ? AND user_sub = ?"
						+ " AND status <> 'DELIVERED'").params(user.platformId(), user.subject()).query(Integer.class)
					.single());
	}

	private int count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Integer.class).single();
	}

	public record Counts(int launchSessions, int handIns, int files, int gradings, int gradingVersions, int outboxDelivered,
			int outboxNotDelivered) {
	}

}
