package nl.werkproces.lti.grading;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.nrps.Membership;

import org.springframework.dao.DuplicateKeyException;

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

	private final Clock clock;

	Students(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The platform user of a course member (Names and Roles) who may never have launched: created from the member
	 * list when absent, so a teacher can grade them; the NRPS {@code user_id} is their {@code sub}. An existing user
	 * is left as its launches wrote it. The member's e-mail is not stored: the tool does not use it.
	 */
	public long ofMember(Activity activity, Membership member) {
		Optional<Long> existing = idOf(activity.platformId(), member.userId());
		if (existing.isPresent()) {
			return existing.get();
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		try {
			this.jdbc.sql("""
					INSERT INTO lti_user (platform_id, subject, name, given_name, family_name, email, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(activity.platformId(), member.userId(), limit(memberName(member), 255),
						limit(member.givenName(), 255), limit(member.familyName(), 255), null, now,
						now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// the member launched at the same moment: use that user
		}
		return idOf(activity.platformId(), member.userId()).orElseThrow();
	}

	private Optional<Long> idOf(long platformId, String subject) {
		return this.jdbc.sql("SELECT id FROM lti_user WHERE platform_id = ? AND subject = ?")
			.params(platformId, subject)
			.query(Long.class)
			.optional();
	}

	private static String memberName(Membership member) {
		if (member.name() != null && !member.name().isBlank()) {
			return member.name();
		}
		String joined = String.join(" ", java.util.stream.Stream.of(member.givenName(), member.familyName())
			.filter((part) -> part != null && !part.isBlank())
			.toList());
		return joined.isBlank() ? null : joined;
	}

	private static String limit(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
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
