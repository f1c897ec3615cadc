package nl.werkproces.lti.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.storage.FileLocation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes what one course (context) keeps about its students once its retention period has passed: hand-ins and
 * their files, gradings, grading versions (whole chains: every version of the course's activities) and the outbox
 * entries those gradings queued. The activities themselves, their rubrics and the course stay.
 * <p>
 * Runs in the caller's transaction, which first holds the replica lock {@code retention} (V41), so replicas purge
 * one at a time and a second replica finds the course already purged. The period is checked again under that lock:
 * a launch or hand-in since the caller looked keeps the course. An outbox entry that has not reached the platform
 * ({@code WAITING} or {@code FAILED}) keeps the whole course (reason {@code RETENTION_OUTBOX_NOT_DELIVERED}): a grade
 * on its way is never lost. Files in object storage are removed by the caller after commit.
 */
@Component
class CoursePurge {

	private final JdbcClient jdbc;

	private final CourseActivity courses;

	private final GradingHistory history;

	private final AuditLog audit;

	CoursePurge(JdbcClient jdbc, CourseActivity courses, GradingHistory history, AuditLog audit) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.history = history;
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Outcome purge(long platformId, long contextId, int months, Instant cutoff) {
		this.jdbc.sql("SELECT name FROM replica_lock WHERE name = 'retention' FOR UPDATE").query(String.class).single();
		Instant last = this.courses.lastActivity(platformId, contextId);
		if (last == null || !last.isBefore(cutoff)) {
			return new Outcome(platformId, contextId, last, (last == null) ? "RETENTION_NOTHING_LEFT"
					: "RETENTION_ACTIVE_AGAIN", Map.of(), List.of());
		}
		List<Long> activities = this.jdbc.sql("""
				SELECT a.id FROM activity a JOIN resource_link r ON r.id = a.resource_link_id
				WHERE a.platform_id = ? AND r.context_id = ? ORDER BY a.id""")
			.params(platformId, contextId)
			.query(Long.class)
			.list();
		// a finalization in one of these activities waits for the purge (and then finds its grading gone)
		activities.forEach(this.history::lockChain);
		List<Long> outbox = this.jdbc.sql("""
				SELECT outbox_id FROM grading WHERE activity_id IN (:activities) AND outbox_id IS NOT NULL
				UNION SELECT outbox_id FROM grading_version WHERE activity_id IN (:activities) AND outbox_id IS NOT NULL""")
			.param("activities", activities)
			.query(Long.class)
			.list();
		if (!outbox.isEmpty()) {
			int undelivered = this.jdbc
				.sql("SELECT COUNT(*) FROM grade_outbox WHERE id IN (:ids) AND status IN ('WAITING', 'FAILED')")
				.param("ids", outbox)
				.query(Integer.class)
				.single();
			if (undelivered > 0) {
				return new Outcome(platformId, contextId, last, "RETENTION_OUTBOX_NOT_DELIVERED",
						Map.of("undeliveredOutbox", undelivered), List.of());
			}
		}
		List<FileLocation> objects = this.jdbc.sql("""
				SELECT f.object_key FROM submission_file f JOIN submission s ON s.id = f.submission_id
				WHERE s.activity_id IN (:activities) AND f.object_key IS NOT NULL""")
			.param("activities", activities)
			.query((rs, row) -> FileLocation.object(rs.getString(1)))
			.list();
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("gradingVersions", delete("DELETE FROM grading_version WHERE activity_id IN (:ids)", activities));
		counts.put("gradings", delete("DELETE FROM grading WHERE activity_id IN (:ids)", activities));
		counts.put("outbox", outbox.isEmpty() ? 0 : delete("DELETE FROM grade_outbox WHERE id IN (:ids)", outbox));
		counts.put("files", delete("DELETE FROM submission_file WHERE submission_id IN"
				+ " (SELECT id FROM submission WHERE activity_id IN (:ids))", activities));
		counts.put("handIns", delete("DELETE FROM submission WHERE activity_id IN (:ids)", activities));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("reason", "RETENTION_EXPIRED");
		after.put("retentionMonths", months);
		after.put("lastActivity", last.toString());
		after.put("removed", counts);
		this.audit.record("system", "privacy.retention.purge", "platform " + platformId + " context " + contextId,
				null, after);
		return new Outcome(platformId, contextId, last, "RETENTION_EXPIRED", counts, new ArrayList<>(objects));
	}

	private int delete(String sql, List<Long> ids) {
		return this.jdbc.sql(sql).param("ids", ids).update();
	}

	/**
	 * What one purge did.
	 *
	 * @param reason {@code RETENTION_EXPIRED} (purged), {@code RETENTION_OUTBOX_NOT_DELIVERED} (kept: a grade is on
	 * its way), {@code RETENTION_ACTIVE_AGAIN} (kept: active since the caller looked) or
	 * {@code RETENTION_NOTHING_LEFT} (another replica purged it)
	 * @param counts rows removed per kind (or why kept)
	 * @param objects files in object storage to remove after commit
	 */
	record Outcome(long platformId, long contextId, Instant lastActivity, String reason, Map<String, Integer> counts,
			List<FileLocation> objects) {

		boolean purged() {
			return "RETENTION_EXPIRED".equals(this.reason);
		}

	}

}
