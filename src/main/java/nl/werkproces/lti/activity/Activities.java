package nl.werkproces.lti.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import nl.werkproces.lti.launch.SecureTokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities per platform. Deep Linking stores a pending activity and puts its setup key in the content item's
 * custom values; the first launch of the resulting resource link binds it. Every lookup is scoped to a platform.
 */
@Repository
public class Activities {

	private static final Logger log = LoggerFactory.getLogger(Activities.class);

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
	 * gets its own copy. When the teacher chose new content for the Moodle activity (a setup key of an activity
	 * made after the bound one) the link is rebound to it, but only while nothing is handed in or graded: otherwise
	 * the old binding stays (see {@link #newerSetupKept}).
	 */
	@Transactional
	public Optional<Activity> bind(long platformId, long resourceLinkId, String setupKey) {
		Optional<Activity> bound = forResourceLink(platformId, resourceLinkId);
		if (setupKey == null || setupKey.isBlank() || setupKey.length() > 64) {
			return bound;
		}
		if (bound.isPresent()) {
			Optional<Activity> newer = newerSetup(bound.get(), setupKey);
			if (newer.isEmpty() || hasWork(bound.get().id())) {
				return bound;
			}
			rebind(bound.get(), newer.get());
		}
		Optional<Activity> origin = firstWithSetupKey(platformId, setupKey);
		if (origin.isEmpty()) {
			return bound;
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

	/**
	 * The newer content the teacher chose in Moodle that this activity did not take, because students already
	 * handed in or were graded: empty when the launch's setup is the bound one (or an older one).
	 */
	public Optional<Activity> newerSetupKept(Activity bound, String setupKey) {
		if (setupKey == null || setupKey.isBlank() || setupKey.length() > 64) {
			return Optional.empty();
		}
		return newerSetup(bound, setupKey).filter((newer) -> hasWork(bound.id()));
	}

	/**
	 * The activity of another setup key, made after the bound one (Deep Linking made it for this Moodle activity).
	 * An older one is a launch from before the change (a tab left open) and never moves the binding back.
	 */
	private Optional<Activity> newerSetup(Activity bound, String setupKey) {
		if (setupKey.equals(bound.setupKey())) {
			return Optional.empty();
		}
		return firstWithSetupKey(bound.platformId(), setupKey).filter((other) -> other.id() > bound.id());
	}

	private Optional<Activity> firstWithSetupKey(long platformId, String setupKey) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM activity WHERE platform_id = ? AND setup_key = ? ORDER BY id")
			.params(platformId, setupKey)
			.query(this::activity)
			.list()
			.stream()
			.findFirst();
	}

	private boolean hasWork(long activityId) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM submission WHERE activity_id = ?)
				     + (SELECT COUNT(*) FROM grading WHERE activity_id = ?)""")
			.params(activityId, activityId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Frees the resource link of the old activity (it becomes pending again under its own setup key). Rubric
	 * versions tuned for the link belong to the old werkproces and are removed when the werkproces changes.
	 */
	private void rebind(Activity old, Activity newer) {
		this.jdbc.sql("SELECT id FROM activity WHERE id = ? FOR UPDATE").param(old.id()).query(Long.class).single();
		boolean sameWerkproces = old.dossierId() == newer.dossierId()
				&& old.werkprocesCode().equals(newer.werkprocesCode())
				&& java.util.Objects.equals(old.profiel(), newer.profiel());
		if (!sameWerkproces) {
			for (String id : this.jdbc
				.sql("SELECT id FROM rubric_version WHERE resource_link_id = ? ORDER BY number DESC")
				.param(old.resourceLinkId())
				.query(String.class)
				.list()) {
				this.jdbc.sql("DELETE FROM rubric_version WHERE id = ?").param(id).update();
			}
		}
		this.jdbc.sql("UPDATE activity SET resource_link_id = NULL, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), old.id())
			.update();
		log.info("Activity rebound [rebind]: resource link {} of platform {} from activity {} ({}) to {} ({})",
				old.resourceLinkId(), old.platformId(), old.id(), old.werkprocesCode(), newer.id(),
				newer.werkprocesCode());
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
