package nl.werkproces.lti.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users of one platform, as the privacy pages look them up: always by platform and id together. */
@Repository
public class PlatformUsers {

	private static final int SEARCH_LIMIT = 50;

	private final JdbcClient jdbc;

	PlatformUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The user with this id, only when it belongs to the platform (another platform's user is not found). */
	Optional<PlatformUser> find(long platformId, long userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM lti_user WHERE platform_id = ? AND id = ?")
			.params(platformId, userId)
			.query(PlatformUsers::user)
			.optional();
	}

	/** Users of the platform whose subject is {@code text} or whose name contains it; at most 50. */
	List<PlatformUser> search(long platformId, String text) {
		String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_") + "%";
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM lti_user WHERE platform_id = ? AND (subject = ?"
				+ " OR LOWER(name) LIKE ? OR LOWER(family_name) LIKE ?) ORDER BY name, id LIMIT " + SEARCH_LIMIT)
			.params(platformId, text, like, like)
			.query(PlatformUsers::user)
			.list();
	}

	private static final String COLUMNS = "id, platform_id, subject, name, given_name, family_name, created_at,"
			+ " updated_at";

	private static PlatformUser user(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PlatformUser(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
	}

	/** One user as stored ({@code updatedAt} is "last seen", renewed by launches). */
	public record PlatformUser(long id, long platformId, String subject, String name, String givenName, String familyName,
			Instant createdAt, Instant updatedAt) {

		public String displayName() {
			return (this.name != null && !this.name.isBlank()) ? this.name : this.subject;
		}

	}

}
