package nl.werkproces.lti.grading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only view of what students handed in ({@code submission}, {@code submission_file}; written by the student
 * side). Every lookup is scoped to an activity, and through it to a platform.
 */
@Repository
public class HandInsToGrade {

	/** A student's hand-in. */
	public record HandIn(long id, long userId, String text, int handInCount, Instant submittedAt, boolean late) {

	}

	/** A handed-in file, without its content. */
	public record HandInFile(long id, String filename, String contentType, long sizeBytes) {

	}

	/** A file with its content, for download. */
	public record FileContent(String filename, String contentType, byte[] content) {

	}

	private final JdbcClient jdbc;

	HandInsToGrade(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<HandIn> forActivity(long activityId) {
		return this.jdbc.sql("""
				SELECT id, user_id, text_content, hand_in_count, submitted_at, late FROM submission
				WHERE activity_id = ?""").param(activityId).query(HandInsToGrade::handIn).list();
	}

	public Optional<HandIn> find(long activityId, long userId) {
		return this.jdbc.sql("""
				SELECT id, user_id, text_content, hand_in_count, submitted_at, late FROM submission
				WHERE activity_id = ? AND user_id = ?""").params(activityId, userId).query(HandInsToGrade::handIn).optional();
	}

	public List<HandInFile> files(long submissionId) {
		return this.jdbc.sql("""
				SELECT id, filename, content_type, size_bytes FROM submission_file WHERE submission_id = ? ORDER BY id""")
			.param(submissionId)
			.query((rs, row) -> new HandInFile(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
					rs.getLong("size_bytes")))
			.list();
	}

	/** A file of a hand-in for this activity of this platform; empty for any other file. */
	public Optional<FileContent> file(long activityId, long platformId, long fileId) {
		return this.jdbc.sql("""
				SELECT f.filename, f.content_type, f.content FROM submission_file f
				JOIN submission s ON s.id = f.submission_id
				WHERE f.id = ? AND s.activity_id = ? AND s.platform_id = ?""")
			.params(fileId, activityId, platformId)
			.query((rs, row) -> new FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	private static HandIn handIn(ResultSet rs, int row) throws SQLException {
		return new HandIn(rs.getLong("id"), rs.getLong("user_id"), rs.getString("text_content"),
				rs.getInt("hand_in_count"), rs.getTimestamp("submitted_at").toInstant(), rs.getBoolean("late"));
	}

}
