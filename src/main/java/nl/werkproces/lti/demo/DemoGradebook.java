package nl.werkproces.lti.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import nl.werkproces.lti.ags.GradingProgress;
import nl.werkproces.lti.ags.LineItem;
import nl.werkproces.lti.ags.Score;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo course's gradebook, in the database (tables {@code demo_line_item}, {@code demo_grade}) so that it
 * survives a restart: line items (one for the demo activity from the start) and per student the last score, with
 * Moodle's rules: a score that is not strictly newer (1-second resolution) is refused with 409, one that is not
 * {@code FullyGraded} clears the grade (the comment stays), only learners can be graded.
 */
@Component
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoGradebook {

	static final int ACTIVITY_LINE_ITEM = 1;

	private static final String LINE_ITEM_COLUMNS = "id, label, score_maximum, resource_id, tag, resource_link_id";

	private final JdbcClient jdbc;

	DemoGradebook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DemoLineItem> lineItems() {
		return this.jdbc.sql("SELECT " + LINE_ITEM_COLUMNS + " FROM demo_line_item ORDER BY id")
			.query(DemoGradebook::lineItem)
			.list();
	}

	Optional<DemoLineItem> lineItem(int id) {
		return this.jdbc.sql("SELECT " + LINE_ITEM_COLUMNS + " FROM demo_line_item WHERE id = ?")
			.param(id)
			.query(DemoGradebook::lineItem)
			.optional();
	}

	DemoLineItem create(LineItem wanted) {
		double maximum = (wanted.scoreMaximum() != null) ? wanted.scoreMaximum() : 1.0;
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO demo_line_item (label, score_maximum, resource_id, tag, resource_link_id)
				VALUES (?, ?, ?, ?, ?)""")
			.params(wanted.label(), maximum, wanted.resourceId(), wanted.tag(), wanted.resourceLinkId())
			.update(keys, "id");
		return new DemoLineItem(keys.getKey().intValue(), wanted.label(), maximum, wanted.resourceId(), wanted.tag(),
				wanted.resourceLinkId());
	}

	/** Gives a column its activity's new title (Moodle's grade item follows the activity's name). */
	void rename(int lineItemId, String label) {
		this.jdbc.sql("UPDATE demo_line_item SET label = ? WHERE id = ?").params((label.length() > 255) ? label.substring(0, 255) : label, lineItemId).update();
	}

	/** Ties a column to the resource link it was made for (known only after the activity's row exists). */
	void linkResource(int lineItemId, String resourceLinkId) {
		this.jdbc.sql("UPDATE demo_line_item SET resource_link_id = ? WHERE id = ?")
			.params(resourceLinkId, lineItemId)
			.update();
	}

	Optional<DemoGrade> grade(int lineItemId, String userId) {
		return this.jdbc.sql("""
				SELECT score_given, score_maximum, comment_text, scored_at, grading_progress
				FROM demo_grade WHERE line_item_id = ? AND user_id = ?""")
			.params(lineItemId, userId)
			.query(DemoGradebook::grade)
			.optional();
	}

	/** Stores the score like Moodle does; the HTTP status Moodle would answer. */
	@Transactional
	synchronized ScoreAnswer record(int lineItemId, Score score) {
		Instant timestamp;
		try {
			timestamp = (score.timestamp() != null) ? OffsetDateTime.parse(score.timestamp()).toInstant() : null;
		}
		catch (DateTimeParseException ex) {
			timestamp = null;
		}
		boolean learner = DemoUser.bySubject(String.valueOf(score.userId())).map(DemoUser::learner).orElse(false);
		if (timestamp == null || !learner) {
			return ScoreAnswer.INCORRECT;
		}
		Optional<DemoLineItem> column = this.jdbc
			.sql("SELECT " + LINE_ITEM_COLUMNS + " FROM demo_line_item WHERE id = ? FOR UPDATE")
			.param(lineItemId)
			.query(DemoGradebook::lineItem)
			.optional();
		if (column.isEmpty()) {
			return ScoreAnswer.INCORRECT;
		}
		String userId = String.valueOf(score.userId());
		Optional<DemoGrade> stored = grade(lineItemId, userId);
		if (stored.isPresent() && timestamp.getEpochSecond() <= stored.get().timestamp().getEpochSecond()) {
			return ScoreAnswer.NOT_NEWER;
		}
		boolean graded = score.gradingProgress() == GradingProgress.FullyGraded;
		Double given = graded ? score.scoreGiven() : null;
		// Moodle keeps the column's maximum for a score without one (a hand-in notice), never 1
		double maximum = (score.scoreMaximum() != null) ? score.scoreMaximum() : column.get().scoreMaximum();
		Object[] values = { given, maximum, score.comment(), Timestamp.from(timestamp),
				String.valueOf(score.gradingProgress()), lineItemId, userId };
		if (stored.isPresent()) {
			this.jdbc.sql("""
					UPDATE demo_grade SET score_given = ?, score_maximum = ?, comment_text = ?, scored_at = ?,
					    grading_progress = ?
					WHERE line_item_id = ? AND user_id = ?""").params(values).update();
		}
		else {
			this.jdbc.sql("""
					INSERT INTO demo_grade (score_given, score_maximum, comment_text, scored_at, grading_progress,
					    line_item_id, user_id)
					VALUES (?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
		return ScoreAnswer.STORED;
	}

	private static DemoLineItem lineItem(ResultSet row, int number) throws SQLException {
		return new DemoLineItem(row.getInt("id"), row.getString("label"), row.getDouble("score_maximum"),
				row.getString("resource_id"), row.getString("tag"), row.getString("resource_link_id"));
	}

	private static DemoGrade grade(ResultSet row, int number) throws SQLException {
		double given = row.getDouble("score_given");
		return new DemoGrade(row.wasNull() ? null : given, row.getDouble("score_maximum"), row.getString("comment_text"),
				row.getTimestamp("scored_at").toInstant(), row.getString("grading_progress"));
	}

	enum ScoreAnswer {

		STORED, NOT_NEWER, INCORRECT

	}

	record DemoLineItem(int id, String label, double scoreMaximum, String resourceId, String tag,
			String resourceLinkId) {

	}

	record DemoGrade(Double scoreGiven, double scoreMaximum, String comment, Instant timestamp,
			String gradingProgress) {

	}

}
