package nl.werkproces.lti.submission;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.werkproces.lti.storage.FileLocation;
import nl.werkproces.lti.storage.HandInFileStorage;
import nl.werkproces.lti.submission.Submission.FileContent;
import nl.werkproces.lti.submission.Submission.SubmittedFile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-ins and their files. One submission per activity and student; handing in again replaces its text and files
 * in one transaction. The bytes of the files are in the rows or in object storage ({@link HandInFileStorage});
 * the rows always hold name, type, size and SHA-256. Every lookup is scoped to the student (platform and user) as well as the activity.
 */
@Repository
public class Submissions {

	private final JdbcClient jdbc;

	private final HandInFileStorage storage;

	Submissions(JdbcClient jdbc, HandInFileStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	public Optional<Submission> find(long activityId, long platformId, long userId) {
		return this.jdbc.sql("""
				SELECT id, text_content, hand_in_count, submitted_at, late FROM submission
				WHERE activity_id = ? AND platform_id = ? AND user_id = ?""")
			.params(activityId, platformId, userId)
			.query((rs, row) -> new Submission(rs.getLong("id"), activityId, platformId, userId,
					rs.getString("text_content"), rs.getInt("hand_in_count"), rs.getTimestamp("submitted_at").toInstant(),
					rs.getBoolean("late"), files(rs.getLong("id"))))
			.optional();
	}

	/**
	 * Stores a hand-in, replacing the student's earlier text and files; all or nothing. The student's user row is
	 * locked first, so two hand-ins of the same student follow each other (the second sees the submission the first
	 * created instead of racing it for the unique key, where InnoDB's shared locks on the duplicate made two waiting
	 * hand-ins deadlock). Meant to run at READ COMMITTED ({@link HandIns}), where InnoDB takes no gap locks: a
	 * {@code DELETE ... WHERE submission_id = ?} that found nothing used to lock the gap at the end of the index, and
	 * two students' first hand-ins then each waited for the other's gap to insert their files.
	 */
	@Transactional
	public List<FileLocation> replace(long activityId, long platformId, long userId, String text,
			List<KeptFile> files, Instant at, boolean late) {
		Timestamp now = Timestamp.from(at);
		this.jdbc.sql("SELECT id FROM lti_user WHERE id = ? FOR UPDATE").param(userId).query(Long.class).single();
		long id = existing(activityId, platformId, userId).orElseGet(() -> insert(activityId, platformId, userId, now));
		this.jdbc.sql("""
				UPDATE submission SET text_content = ?, hand_in_count = hand_in_count + 1, submitted_at = ?,
				    late = ?, updated_at = ? WHERE id = ?""")
			.params(text, now, late, now, id)
			.update();
		List<FileLocation> replaced = this.jdbc
			.sql("SELECT object_key FROM submission_file WHERE submission_id = ? AND object_key IS NOT NULL")
			.param(id)
			.query((rs, row) -> FileLocation.object(rs.getString(1)))
			.list();
		this.jdbc.sql("DELETE FROM submission_file WHERE submission_id = ?").param(id).update();
		for (KeptFile kept : files) {
			StoredFile file = kept.file();
			this.jdbc.sql("""
					INSERT INTO submission_file (submission_id, filename, content_type, size_bytes, sha256, content,
					    object_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, file.filename(), file.contentType(), file.content().length, file.sha256(),
						kept.location().inRow(), kept.location().objectKey(), now)
				.update();
		}
		return replaced;
	}

	private Optional<Long> existing(long activityId, long platformId, long userId) {
		return this.jdbc
			.sql("SELECT id FROM submission WHERE activity_id = ? AND user_id = ? AND platform_id = ?")
			.params(activityId, userId, platformId)
			.query(Long.class)
			.optional();
	}

	/** A new submission row (count 0, raised by the update that follows); a concurrent first hand-in wins. */
	private long insert(long activityId, long platformId, long userId, Timestamp now) {
		try {
			this.jdbc.sql("""
					INSERT INTO submission (activity_id, platform_id, user_id, hand_in_count, submitted_at, late,
					    created_at, updated_at) VALUES (?, ?, ?, 0, ?, FALSE, ?, ?)""")
				.params(activityId, platformId, userId, now, now, now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// the same student's other request created it a moment ago: hand in over that one, read as it is now
			// (a plain read would see this transaction's snapshot, from before the other one committed)
			return this.jdbc
				.sql("SELECT id FROM submission WHERE activity_id = ? AND user_id = ? AND platform_id = ? FOR UPDATE")
				.params(activityId, userId, platformId)
				.query(Long.class)
				.single();
		}
		return existing(activityId, platformId, userId).orElseThrow();
	}

	/** One of the student's own files in the activity; empty for anybody else's. */
	public Optional<FileContent> file(long fileId, long activityId, long platformId, long userId) {
		return this.jdbc.sql("""
				SELECT f.filename, f.content_type, f.content, f.object_key, f.sha256 FROM submission_file f
				JOIN submission s ON s.id = f.submission_id
				WHERE f.id = ? AND s.activity_id = ? AND s.platform_id = ? AND s.user_id = ?""")
			.params(fileId, activityId, platformId, userId)
			.query((rs, row) -> new StoredRow(rs.getString(1), rs.getString(2),
					new FileLocation(rs.getBytes(3), rs.getString(4)), rs.getString(5)))
			.optional()
			.map((stored) -> new FileContent(stored.filename(), stored.contentType(),
					this.storage.read(stored.location(), stored.sha256())));
	}

	private record StoredRow(String filename, String contentType, FileLocation location, String sha256) {

	}

	private List<SubmittedFile> files(long submissionId) {
		return this.jdbc.sql("""
				SELECT id, filename, content_type, size_bytes, sha256 FROM submission_file
				WHERE submission_id = ? ORDER BY id""")
			.param(submissionId)
			.query((rs, row) -> new SubmittedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5)))
			.list();
	}

}
