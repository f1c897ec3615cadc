package nl.werkproces.lti.grading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.werkproces.lti.storage.FileLocation;
import nl.werkproces.lti.storage.FileStorageException;
import nl.werkproces.lti.storage.HandInFileStorage;

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

	/** A handed-in file, without its content; {@code sha256} as recorded at hand-in (null only if never recorded). */
	public record HandInFile(long id, String filename, String contentType, long sizeBytes, String sha256) {

	}

	/** A file with its content, for download. */
	public record FileContent(String filename, String contentType, byte[] content) {

	}

	private final JdbcClient jdbc;

	private final HandInFileStorage storage;

	HandInsToGrade(JdbcClient jdbc, HandInFileStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
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
				SELECT id, filename, content_type, size_bytes, sha256 FROM submission_file WHERE submission_id = ?
				ORDER BY id""")
			.param(submissionId)
			.query((rs, row) -> new HandInFile(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
					rs.getLong("size_bytes"), rs.getString("sha256")))
			.list();
	}

	/**
	 * A file of a hand-in for this activity of this platform, read from wherever its row says its bytes are (the row
	 * or object storage); empty for any other file. {@link FileStorageException} when the storage cannot be read.
	 */
	public Optional<FileContent> file(long activityId, long platformId, long fileId) {
		return this.jdbc.sql("""
				SELECT f.filename, f.content_type, f.content, f.object_key, f.sha256 FROM submission_file f
				JOIN submission s ON s.id = f.submission_id
				WHERE f.id = ? AND s.activity_id = ? AND s.platform_id = ?""")
			.params(fileId, activityId, platformId)
			.query((rs, row) -> new StoredRow(rs.getString(1), rs.getString(2),
					new FileLocation(rs.getBytes(3), rs.getString(4)), rs.getString(5)))
			.optional()
			.map((stored) -> new FileContent(stored.filename(), stored.contentType(),
					this.storage.read(stored.location(), stored.sha256())));
	}

	private record StoredRow(String filename, String contentType, FileLocation location, String sha256) {

	}

	private static HandIn handIn(ResultSet rs, int row) throws SQLException {
		return new HandIn(rs.getLong("id"), rs.getLong("user_id"), rs.getString("text_content"),
				rs.getInt("hand_in_count"), rs.getTimestamp("submitted_at").toInstant(), rs.getBoolean("late"));
	}

}
