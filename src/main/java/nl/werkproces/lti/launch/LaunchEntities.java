package nl.werkproces.lti.launch;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The platform-scoped user, context and resource link of a launch: created on first sight, refreshed when the
 * platform sends other names. A launch of a known user in a known course reads each row once and writes only what
 * changed, so a class launching at once does not queue on the shared context and resource link rows. The user's
 * {@code updated_at} doubles as "last seen" (the activity page counts recent users) and is renewed when older than
 * {@link #SEEN_PRECISION}; a context's {@code updated_at} doubles as "last launch" (the retention period of a course
 * counts from its last activity, see {@code privacy.CourseActivity}) and is renewed when older than
 * {@link #CONTEXT_LAUNCH_PRECISION}. Runs inside the launch session's transaction.
 */
@Component
class LaunchEntities {

	/** How stale a user's {@code updated_at} ("last seen") may be before a launch writes it again. */
	static final Duration SEEN_PRECISION = Duration.ofMinutes(1);

	/** How stale a context's {@code updated_at} ("last launch") may be before a launch writes it again. */
	static final Duration CONTEXT_LAUNCH_PRECISION = Duration.ofHours(1);

	private static final int KEY_LENGTH = 255;

	private static final Table USERS = new Table("lti_user", "subject", "name", "given_name", "family_name", "email");

	private static final Table CONTEXTS = new Table("lti_context", "context_key", "label", "title");

	private static final Table RESOURCE_LINKS = new Table("resource_link", "link_key", "context_id", "title");

	private final JdbcClient jdbc;

	LaunchEntities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	LaunchSession.User user(IdToken token, long platformId, Instant now) {
		String subject = key(token.subject(), "sub");
		String name = LaunchSessions.limit(token.string("name").orElse(null), 255);
		String givenName = LaunchSessions.limit(token.string("given_name").orElse(null), 255);
		String familyName = LaunchSessions.limit(token.string("family_name").orElse(null), 255);
		if (name == null && (givenName != null || familyName != null)) {
			name = LaunchSessions.limit(String.join(" ", Arrays.stream(new String[] { givenName, familyName })
				.filter((part) -> part != null && !part.isBlank())
				.toList()), 255);
		}
		long id = save(new Row(USERS, platformId, subject, Arrays.asList(name, givenName, familyName, null)), now,
				SEEN_PRECISION);
		// the e-mail claim is never stored: the tool does not use it (README "Privacy")
		return new LaunchSession.User(id, subject, name, null);
	}

	LaunchSession.Context context(Map<String, Object> claim, long platformId, Instant now) {
		String key = IdToken.member(claim, "id");
		if (key == null || key.isBlank()) {
			return null;
		}
		key = key(key, "context.id");
		String label = LaunchSessions.limit(IdToken.member(claim, "label"), 255);
		String title = LaunchSessions.limit(IdToken.member(claim, "title"), 1024);
		long id = save(new Row(CONTEXTS, platformId, key, Arrays.asList(label, title)), now, CONTEXT_LAUNCH_PRECISION);
		return new LaunchSession.Context(id, key, label, title);
	}

	LaunchSession.ResourceLink resourceLink(Map<String, Object> claim, long platformId, Long contextId, Instant now) {
		String key = IdToken.member(claim, "id");
		if (key == null || key.isBlank()) {
			return null;
		}
		key = key(key, "resource_link.id");
		String title = LaunchSessions.limit(IdToken.member(claim, "title"), 1024);
		long id = save(new Row(RESOURCE_LINKS, platformId, key, Arrays.asList(contextId, title)), now, null);
		return new LaunchSession.ResourceLink(id, key, title);
	}

	/**
	 * Reads the row by its platform-scoped key; inserts it when absent (a concurrent insert of the same key is
	 * tolerated), updates it when a value differs or its {@code updated_at} is older than {@code touchAfter}.
	 */
	private long save(Row row, Instant now, Duration touchAfter) {
		Stored stored = find(row, false);
		if (stored == null) {
			try {
				return insert(row, now);
			}
			catch (DuplicateKeyException ex) {
				// inserted by a concurrent launch: read it with a locking read, which sees the committed row
				stored = Objects.requireNonNull(find(row, true), row.table.name);
			}
		}
		boolean stale = touchAfter != null && stored.updatedAt.isBefore(now.minus(touchAfter));
		if (stale || !stored.values.equals(row.values)) {
			update(row, stored.id, now);
		}
		return stored.id;
	}

	private Stored find(Row row, boolean forUpdate) {
		return this.jdbc.sql(forUpdate ? row.table.selectForUpdate : row.table.select)
			.params(row.platformId, row.key)
			.query((rs, n) -> {
				Object[] values = new Object[row.values.size()];
				for (int i = 0; i < values.length; i++) {
					values[i] = (row.values.get(i) instanceof Long) ? (Object) rs.getObject(3 + i, Long.class)
							: rs.getObject(3 + i);
				}
				return new Stored(rs.getLong(1), rs.getTimestamp(2).toInstant(), Arrays.asList(values));
			})
			.optional()
			.orElse(null);
	}

	private long insert(Row row, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		List<Object> params = new ArrayList<>(row.values);
		params.addAll(List.of(row.platformId, row.key, Timestamp.from(now), Timestamp.from(now)));
		this.jdbc.sql(row.table.insert).params(params).update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	private void update(Row row, long id, Instant now) {
		List<Object> params = new ArrayList<>(row.values);
		params.addAll(List.of(Timestamp.from(now), id));
		this.jdbc.sql(row.table.update).params(params).update();
	}

	private static String key(String value, String claim) {
		if (value.length() > KEY_LENGTH) {
			throw new LaunchException(LaunchFailure.CLAIM_MALFORMED, claim + " longer than " + KEY_LENGTH);
		}
		return value;
	}

	/** One row to save: its table, platform-scoped key and the values of the table's other columns. */
	private record Row(Table table, long platformId, String key, List<Object> values) {

	}

	/** A platform-scoped table (unique platform_id + key column) and its statements. */
	private static final class Table {

		final String name;

		final String select;

		final String selectForUpdate;

		final String insert;

		final String update;

		Table(String name, String keyColumn, String... columns) {
			String list = String.join(", ", columns);
			this.name = name;
			this.select = "SELECT id, updated_at, " + list + " FROM " + name + " WHERE platform_id = ? AND " + keyColumn
					+ " = ?";
			this.selectForUpdate = this.select + " FOR UPDATE";
			this.insert = "INSERT INTO " + name + " (" + list + ", platform_id, " + keyColumn
					+ ", created_at, updated_at) VALUES (" + "?, ".repeat(columns.length) + "?, ?, ?, ?)";
			this.update = "UPDATE " + name + " SET " + String.join(" = ?, ", columns) + " = ?, updated_at = ? WHERE id = ?";
		}

	}

	private record Stored(long id, Instant updatedAt, List<Object> values) {

	}

}
