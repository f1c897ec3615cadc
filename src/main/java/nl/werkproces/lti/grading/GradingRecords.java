package nl.werkproces.lti.grading;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.rubric.RubricScore;
import nl.werkproces.lti.rubric.Verdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code grading} table (V21): one row per activity and student; levels and remarks as JSON. */
@Repository
public class GradingRecords {

	private static final String COLUMNS = """
			id, activity_id, platform_id, student_user_id, rubric_version_id, status, levels, remarks, overall_remark,
			points, maximum, cesuur, verdict, cijfer, knock_out, assessor_user_id, second_assessor_user_id,
			finalized_at, outbox_id, updated_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	GradingRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public Optional<Grading> find(long activityId, long studentUserId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM grading WHERE activity_id = ? AND student_user_id = ?")
			.params(activityId, studentUserId)
			.query(this::grading)
			.optional();
	}

	public List<Grading> forActivity(long activityId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM grading WHERE activity_id = ?")
			.param(activityId)
			.query(this::grading)
			.list();
	}

	public boolean anyFor(long activityId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM grading WHERE activity_id = ?")
			.param(activityId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the outbox entry belongs to a grading of the activity. */
	public boolean ownsOutboxEntry(long activityId, long outboxId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM grading WHERE activity_id = ? AND outbox_id = ?")
			.params(activityId, outboxId)
			.query(Long.class)
			.single() > 0;
	}

	void insertDraft(long activityId, long platformId, long studentUserId, UUID rubricId, long assessorUserId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO grading (activity_id, platform_id, student_user_id, rubric_version_id, status, levels, remarks,
				    knock_out, assessor_user_id, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'DRAFT', '{}', '{}', FALSE, ?, ?, ?)""")
			.params(activityId, platformId, studentUserId, rubricId.toString(), assessorUserId, now, now)
			.update();
	}

	void update(long id, GradingStatus status, Map<String, Integer> levels, Map<String, String> remarks,
			String overallRemark, RubricScore score, long assessorUserId, Long secondAssessorUserId, Instant finalizedAt,
			Long outboxId) {
		this.jdbc.sql("""
				UPDATE grading SET status = ?, levels = ?, remarks = ?, overall_remark = ?, points = ?, maximum = ?,
				    cesuur = ?, verdict = ?, cijfer = ?, knock_out = ?, assessor_user_id = ?, second_assessor_user_id = ?,
				    finalized_at = ?, outbox_id = ?, updated_at = ?
				WHERE id = ?""")
			.params(status.name(), this.json.writeValueAsString(levels), this.json.writeValueAsString(remarks),
					overallRemark, (score != null) ? score.points() : null, (score != null) ? score.maximum() : null,
					(score != null) ? score.cesuur() : null, (score != null) ? score.verdict().name() : null,
					(score != null) ? score.cijfer() : null, score != null && score.knockOut(), assessorUserId,
					secondAssessorUserId, (finalizedAt != null) ? Timestamp.from(finalizedAt) : null, outboxId,
					Timestamp.from(this.clock.instant()), id)
			.update();
	}

	private Grading grading(ResultSet rs, int row) throws SQLException {
		String verdict = rs.getString("verdict");
		Timestamp finalized = rs.getTimestamp("finalized_at");
		return new Grading(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("platform_id"),
				rs.getLong("student_user_id"), UUID.fromString(rs.getString("rubric_version_id")),
				GradingStatus.valueOf(rs.getString("status")),
				this.json.readValue(rs.getString("levels"), new TypeReference<LinkedHashMap<String, Integer>>() {
				}), this.json.readValue(rs.getString("remarks"), new TypeReference<LinkedHashMap<String, String>>() {
				}), rs.getString("overall_remark"), rs.getObject("points", Integer.class),
				rs.getObject("maximum", Integer.class), rs.getObject("cesuur", Integer.class),
				(verdict != null) ? Verdict.valueOf(verdict) : null, rs.getObject("cijfer", BigDecimal.class),
				rs.getBoolean("knock_out"), rs.getLong("assessor_user_id"),
				rs.getObject("second_assessor_user_id", Long.class), (finalized != null) ? finalized.toInstant() : null,
				rs.getObject("outbox_id", Long.class), rs.getTimestamp("updated_at").toInstant());
	}

}
