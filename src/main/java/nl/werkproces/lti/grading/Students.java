package nl.werkproces.lti.grading;

import java.util.List;
import java.util.Optional;

import nl.werkproces.lti.activity.Activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The students of an activity as the tool knows them ({@code lti_user}): who launched its resource link, handed in
 * or was graded. Always of the activity's platform; any other user id is unknown here.
 */
@Repository
public class Students {

	/** A platform user; {@code subject} is the launch {@code sub} and the NRPS {@code user_id}. */
	public record Student(long id, String subject, String name, String email) {

		public String displayName() {
			return (this.name != null && !this.name.isBlank()) ? this.name : this.subject;
		}

	}

	private static final String KNOWN = """
			SELECT u.id, u.subject, u.name, u.email FROM lti_user u
			WHERE u.platform_id = ? AND (
			    u.id IN (SELECT s.user_id FROM submission s WHERE s.activity_id = ?)
			 OR u.id IN (SELECT g.student_user_id FROM grading g WHERE g.activity_id = ?)
			 OR u.id IN (SELECT l.user_id FROM launch_session l WHERE l.resource_link_id = ? AND l.platform_id = ?
			             AND l.roles NOT LIKE '%INSTRUCTOR%' AND l.roles NOT LIKE '%ADMINISTRATOR%'))""";

	private final JdbcClient jdbc;

	Students(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Student> of(Activity activity) {
		return this.jdbc.sql(KNOWN + " ORDER BY u.name, u.subject")
			.params(activity.platformId(), activity.id(), activity.id(), activity.resourceLinkId(), activity.platformId())
			.query((rs, row) -> new Student(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public Optional<Student> find(Activity activity, long userId) {
		return this.jdbc.sql(KNOWN + " AND u.id = ?")
			.params(activity.platformId(), activity.id(), activity.id(), activity.resourceLinkId(), activity.platformId(),
					userId)
			.query((rs, row) -> new Student(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

}
