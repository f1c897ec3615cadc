package nl.werkproces.lti.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import nl.werkproces.lti.launch.SecureTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities per platform. Deep Linking stores a pending activity and puts its setup key in the content item's
 * custom values; the first launch of the resulting resource link binds it. Every lookup is scoped to a platform.
 */
@Repository
public class Activities {

	private static final String COLUMNS = """
			id, platform_id, resource_link_id, setup_key, dossier_id, werkproces_code, profiel, grade_mode, due_at,
			instructions""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Activities(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stores a deep-linked activity, not yet bound to a resource link; returns its setup key. */
	public String createPending(long platformId, ActivitySetup setup, Long createdBy) {
		String setupKey = SecureTokens.next();
		insert(platformId, null, setupKey, setup, createdBy);
		return setupKey;
	}

	/** Sets up a resource link that was made by hand (no custom values). */
	@Transactional
	public Activity createFor(long platformId, long resourceLinkId, ActivitySetup setup, Long createdBy) {
		insert(platformId, resourceLinkId, SecureTokens.next(), setup, createdBy);
		return forResourceLink(platformId, resourceLinkId).orElseThrow();
	}

	public Optional<Activity> forResourceLink(long platformId, long resourceLinkId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM activity WHERE platform_id = ? AND resource_link_id = ?")
			.params(platformId, resourceLinkId)
			.query(this::activity)
			.optional();
	}

	/**
	 * The activity of a launched resource link: bound already, or bound now to the deep-linked activity named by
	 * the launch's setup key (of the same platform). A resource link copied in Moodle (same setup key, other link)
	 * gets its own copy.
	 */
	@Transactional
	public Optional<Activity> bind(long platformId, long resourceLinkId, String setupKey) {
		Optional<Activity> bound = forResourceLink(platformId, resourceLinkId);
		if (bound.isPresent() || setupKey == null || setupKey.isBlank() || setupKey.length() > 64) {
			return bound;
		}
		Optional<Activity> origin = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM activity WHERE platform_id = ? AND setup_key = ? ORDER BY id")
			.params(platformId, setupKey)
			.query(this::activity)
			.list()
			.stream()
			.findFirst();
		if (origin.isEmpty()) {
			return Optional.empty();
		}
		Activity pending = origin.get();
		int claimed = this.jdbc
			.sql("UPDATE activity SET resource_link_id = ?, updated_at = ? WHERE id = ? AND resource_link_id IS NULL")
			.params(resourceLinkId, Timestamp.from(this.clock.instant()), pending.id())
			.update();
		if (claimed == 0) {
			insert(platformId, resourceLinkId, setupKey, new ActivitySetup(pending.dossierId(), pending.werkprocesCode(),
					pending.profiel(), pending.gradeMode(), pending.dueAt(), pending.instructions()), null);
		}
		return forResourceLink(platformId, resourceLinkId);
	}

	private void insert(long platformId, Long resourceLinkId, String setupKey, ActivitySetup setup, Long createdBy) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO activity (platform_id, resource_link_id, setup_key, dossier_id, werkproces_code, profiel,
				                      grade_mode, due_at, instructions, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(platformId, resourceLinkId, setupKey, setup.dossierId(), setup.werkprocesCode(), setup.profiel(),
					setup.gradeMode().name(), (setup.dueAt() != null) ? Timestamp.from(setup.dueAt()) : null,
					setup.instructions(), createdBy, now, now)
			.update();
	}

	private Activity activity(ResultSet rs, int row) throws SQLException {
		long link = rs.getLong("resource_link_id");
		Long resourceLinkId = rs.wasNull() ? null : link;
		Timestamp due = rs.getTimestamp("due_at");
		return new Activity(rs.getLong("id"), rs.getLong("platform_id"), resourceLinkId, rs.getString("setup_key"),
				rs.getLong("dossier_id"), rs.getString("werkproces_code"), rs.getString("profiel"),
				GradeMode.valueOf(rs.getString("grade_mode")), (due != null) ? due.toInstant() : null,
				rs.getString("instructions"));
	}

}
