package nl.werkproces.lti.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the grading the teacher's side writes ({@code grading}): whether grading has started for a student, and
 * the result once final. {@code levels} and {@code remarks} are JSON objects keyed by criterion key.
 */
@Repository
class GradingResults {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	GradingResults(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Whether a grading (draft or final) exists: from then on the hand-in is locked. */
	boolean started(long activityId, long platformId, long userId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM grading WHERE activity_id = ? AND platform_id = ? AND student_user_id = ?")
			.params(activityId, platformId, userId)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<GradingResult> find(long activityId, long platformId, long userId) {
		return this.jdbc.sql("""
				SELECT status, rubric_version_id, levels, remarks, overall_remark, points, maximum, cesuur, verdict,
				       cijfer, knock_out, finalized_at
				FROM grading WHERE activity_id = ? AND platform_id = ? AND student_user_id = ?""")
			.params(activityId, platformId, userId)
			.query(this::result)
			.optional();
	}

	private GradingResult result(ResultSet rs, int row) throws SQLException {
		Timestamp finalized = rs.getTimestamp("finalized_at");
		Map<String, Integer> levels = new LinkedHashMap<>();
		object(rs.getString("levels")).forEach((key, value) -> {
			if (value.isNumber()) {
				levels.put(key, value.intValue());
			}
		});
		Map<String, String> remarks = new LinkedHashMap<>();
		object(rs.getString("remarks")).forEach((key, value) -> {
			if (value.isString() && !value.stringValue().isBlank()) {
				remarks.put(key, value.stringValue());
			}
		});
		return new GradingResult(rs.getString("status"), UUID.fromString(rs.getString("rubric_version_id").trim()),
				levels, remarks, rs.getString("overall_remark"), integer(rs, "points"), integer(rs, "maximum"),
				integer(rs, "cesuur"), rs.getString("verdict"), rs.getBigDecimal("cijfer"), rs.getBoolean("knock_out"),
				(finalized != null) ? finalized.toInstant() : null);
	}

	private Map<String, JsonNode> object(String text) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return fields;
		}
		try {
			JsonNode node = this.json.readTree(text);
			if (node.isObject()) {
				node.properties().forEach((entry) -> fields.put(entry.getKey(), entry.getValue()));
			}
		}
		catch (JacksonException ex) {
			// written by the teacher's side; an unreadable value shows as no scores rather than breaking the page
		}
		return fields;
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
