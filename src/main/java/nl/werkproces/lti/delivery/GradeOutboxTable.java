package nl.werkproces.lti.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.werkproces.lti.ags.ActivityProgress;
import nl.werkproces.lti.ags.GradingProgress;
import nl.werkproces.lti.ags.LineItem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the grade outbox ({@code grade_outbox}, V20). Every change a worker records is conditional on its
 * own claim, so a worker whose claim ran out cannot overwrite what another worker did since.
 */
@Component
class GradeOutboxTable {

	private static final String COLUMNS = "id, platform_id, line_item_url, line_items_url, resource_id, label, "
			+ "line_item_maximum, tag, user_sub, score_given, score_maximum, score_comment, activity_progress, "
			+ "grading_progress, score_timestamp, status, attempts, next_attempt_at, last_error, last_error_code, delivered_at";

	private final JdbcClient jdbc;

	GradeOutboxTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> latestSecond(String lineItemKey, String userSub) {
		return this.jdbc
			.sql("SELECT MAX(score_second) FROM grade_outbox WHERE line_item_key = ? AND user_sub = ?")
			.params(lineItemKey, userSub)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	long insert(GradeTarget target, Grade grade, Instant timestamp, Instant now) {
		LineItem item = target.lineItem();
		this.jdbc.sql("""
				INSERT INTO grade_outbox (platform_id, line_item_key, line_item_url, line_items_url, resource_id, label,
				    line_item_maximum, tag, user_sub, score_given, score_maximum, score_comment, activity_progress,
				    grading_progress, score_timestamp, score_second, status, attempts, next_attempt_at, created_at,
				    updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', 0, ?, ?, ?)""")
			.params(target.platformId(), target.key(), target.lineItemUrl(), target.lineItemsUrl(),
					(item != null) ? item.resourceId() : null, (item != null) ? item.label() : null,
					(item != null) ? item.scoreMaximum() : null, (item != null) ? item.tag() : null, grade.userSub(),
					grade.scoreGiven(), grade.scoreMaximum(), grade.comment(), grade.activityProgress().name(),
					grade.gradingProgress().name(), ts(timestamp), timestamp.getEpochSecond(), ts(now), ts(now), ts(now))
			.update();
		return this.jdbc
			.sql("SELECT id FROM grade_outbox WHERE line_item_key = ? AND user_sub = ? AND score_second = ?")
			.params(target.key(), grade.userSub(), timestamp.getEpochSecond())
			.query(Long.class)
			.single();
	}

	int supersedeOlder(String lineItemKey, String userSub, long newerId, Instant now) {
		return this.jdbc.sql("""
				UPDATE grade_outbox SET status = 'SUPERSEDED', updated_at = ?
				WHERE line_item_key = ? AND user_sub = ? AND status = 'WAITING' AND id < ?""")
			.params(ts(now), lineItemKey, userSub, newerId)
			.update();
	}

	/** Due, unclaimed grades, oldest first, leaving out the platforms given (their deliveries are at the limit). */
	List<Due> due(Instant now, int limit, Collection<Long> excludedPlatforms) {
		StringBuilder sql = new StringBuilder("""
				SELECT id, platform_id FROM grade_outbox
				WHERE status = 'WAITING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)""");
		if (!excludedPlatforms.isEmpty()) {
			sql.append(" AND platform_id NOT IN (");
			sql.append(String.join(", ", excludedPlatforms.stream().map((id) -> Long.toString(id)).toList()));
			sql.append(')');
		}
		sql.append(" ORDER BY next_attempt_at, id LIMIT ?");
		return this.jdbc.sql(sql.toString())
			.params(ts(now), ts(now), limit)
			.query((rs, row) -> new Due(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/** When the next waiting grade becomes due (possibly already), or empty when none waits. */
	Optional<Instant> nextAttempt() {
		return this.jdbc.sql("SELECT MIN(next_attempt_at) FROM grade_outbox WHERE status = 'WAITING'")
			.query((rs, row) -> instant(rs, 1))
			.optional();
	}

	/** Reserves the row for this worker; false when another worker holds it or it is no longer waiting. */
	boolean claim(long id, String worker, Instant now, Instant until) {
		return this.jdbc.sql("""
				UPDATE grade_outbox SET claimed_by = ?, claimed_until = ?
				WHERE id = ? AND status = 'WAITING' AND (claimed_until IS NULL OR claimed_until < ?)""")
			.params(worker, ts(until), id, ts(now))
			.update() == 1;
	}

	/** Gives back every claim the worker holds on a grade still waiting, due at once. */
	int releaseClaims(String worker, Instant now) {
		return this.jdbc.sql("""
				UPDATE grade_outbox SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = ?, updated_at = ?
				WHERE claimed_by = ? AND status = 'WAITING'""")
			.params(ts(now), ts(now), worker)
			.update();
	}

	Optional<OutboxEntry> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM grade_outbox WHERE id = ?")
			.param(id)
			.query(GradeOutboxTable::entry)
			.optional();
	}

	void resolveLineItem(String lineItemKey, String lineItemUrl, Instant now) {
		this.jdbc.sql("""
				UPDATE grade_outbox SET line_item_url = ?, updated_at = ?
				WHERE line_item_key = ? AND line_item_url IS NULL""")
			.params(lineItemUrl, ts(now), lineItemKey)
			.update();
	}

	boolean delivered(long id, String worker, Instant now) {
		return this.jdbc.sql("""
				UPDATE grade_outbox SET status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1,
				    last_error = NULL, last_error_code = NULL, claimed_by = NULL, claimed_until = NULL, updated_at = ?
				WHERE id = ? AND claimed_by = ?""")
			.params(ts(now), ts(now), id, worker)
			.update() == 1;
	}

	boolean waiting(long id, String worker, Instant nextAttempt, DeliveryProblem problem, String error, Instant now) {
		return this.jdbc.sql("""
				UPDATE grade_outbox SET next_attempt_at = ?, attempts = attempts + 1, last_error = ?,
				    last_error_code = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ?
				WHERE id = ? AND claimed_by = ?""")
			.params(ts(nextAttempt), error, problem.name(), ts(now), id, worker)
			.update() == 1;
	}

	/** Gives the claim back without counting an attempt: the grade waits for something else, not for the platform. */
	boolean postpone(long id, String worker, Instant nextAttempt, Instant now) {
		return this.jdbc.sql("""
				UPDATE grade_outbox SET next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ?
				WHERE id = ? AND claimed_by = ?""")
			.params(ts(nextAttempt), ts(now), id, worker)
			.update() == 1;
	}

	boolean failed(long id, String worker, DeliveryProblem problem, String error, Instant now) {
		return this.jdbc.sql("""
				UPDATE grade_outbox SET status = CASE WHEN status = 'WAITING' THEN 'FAILED' ELSE status END,
				    attempts = attempts + 1, last_error = ?, last_error_code = ?, claimed_by = NULL,
				    claimed_until = NULL, updated_at = ?
				WHERE id = ? AND claimed_by = ?""")
			.params(error, problem.name(), ts(now), id, worker)
			.update() == 1;
	}

	boolean retryNow(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE grade_outbox SET status = 'WAITING', next_attempt_at = ?, updated_at = ?
				WHERE id = ? AND status IN ('WAITING', 'FAILED')""")
			.params(ts(now), ts(now), id)
			.update() == 1;
	}

	/** The newest entry per student for the line item. */
	List<OutboxEntry> latestPerUser(String lineItemKey) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM grade_outbox WHERE id IN (SELECT MAX(id) FROM grade_outbox"
				+ " WHERE line_item_key = ? GROUP BY user_sub) ORDER BY user_sub")
			.param(lineItemKey)
			.query(GradeOutboxTable::entry)
			.list();
	}

	Optional<OutboxEntry> latest(String lineItemKey, String userSub) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM grade_outbox WHERE id = (SELECT MAX(id) FROM grade_outbox"
				+ " WHERE line_item_key = ? AND user_sub = ?)")
			.params(lineItemKey, userSub)
			.query(GradeOutboxTable::entry)
			.optional();
	}

	/** Whether a fully graded score for the student is delivered or on its way. */
	boolean hasFullyGraded(String lineItemKey, String userSub) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM grade_outbox
				WHERE line_item_key = ? AND user_sub = ? AND grading_progress = 'FullyGraded'
				  AND status IN ('WAITING', 'DELIVERED')""")
			.params(lineItemKey, userSub)
			.query(Long.class)
			.single() > 0;
	}

	private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
		String resourceId = rs.getString("resource_id");
		LineItem lineItem = (resourceId != null) ? new LineItem(null, rs.getString("label"),
				rs.getObject("line_item_maximum", Double.class), resourceId, rs.getString("tag"), null) : null;
		Grade grade = new Grade(rs.getString("user_sub"), rs.getObject("score_given", Double.class),
				rs.getObject("score_maximum", Double.class), rs.getString("score_comment"),
				ActivityProgress.valueOf(rs.getString("activity_progress")),
				GradingProgress.valueOf(rs.getString("grading_progress")));
		return new OutboxEntry(rs.getLong("id"), rs.getLong("platform_id"), rs.getString("line_item_url"),
				rs.getString("line_items_url"), lineItem, grade, instant(rs, "score_timestamp"),
				DeliveryState.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("last_error"), problem(rs.getString("last_error_code")), instant(rs, "delivered_at"));
	}

	private static DeliveryProblem problem(String code) {
		if (code == null) {
			return null;
		}
		try {
			return DeliveryProblem.valueOf(code);
		}
		catch (IllegalArgumentException ex) {
			return DeliveryProblem.TOOL_ERROR;
		}
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** A grade that is due, and the platform it goes to. */
	record Due(long id, long platformId) {

	}

	/** One row of the outbox. */
	record OutboxEntry(long id, long platformId, String lineItemUrl, String lineItemsUrl, LineItem lineItem,
			Grade grade, Instant scoreTimestamp, DeliveryState state, int attempts, Instant nextAttemptAt,
			String lastError, DeliveryProblem lastProblem, Instant deliveredAt) {

		GradeDeliveryStatus status() {
			return new GradeDeliveryStatus(this.id, this.grade.userSub(), this.state, this.grade.scoreGiven(),
					this.grade.scoreMaximum(), this.scoreTimestamp, this.attempts, this.nextAttemptAt, this.lastError,
					this.lastProblem, this.deliveredAt);
		}

	}

}
