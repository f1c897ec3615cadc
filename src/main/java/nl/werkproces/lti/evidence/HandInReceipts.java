package nl.werkproces.lti.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a student handed in, as the evidence shows it: when, whether late, and per file its name, size and SHA-256;
 * the files' bytes come from {@link HandInZipFileSource}. Every lookup is scoped to activity and platform.
 */
@Repository
class HandInReceipts {

	/** A hand-in's receipt. */
	record Receipt(long submissionId, Instant submittedAt, boolean late, int handInCount, String text,
			List<ReceiptFile> files) {

	}

	/** One handed-in file; {@code sha256} lower-case hex of its bytes. */
	record ReceiptFile(long id, String filename, long sizeBytes, String sha256) {

	}

	private final JdbcClient jdbc;

	HandInReceipts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Receipt> find(long activityId, long platformId, long userId) {
		return this.jdbc.sql("""
				SELECT id, submitted_at, late, hand_in_count, text_content FROM submission
				WHERE activity_id = ? AND platform_id = ? AND user_id = ?""")
			.params(activityId, platformId, userId)
			.query((rs, row) -> new Receipt(rs.getLong("id"), rs.getTimestamp("submitted_at").toInstant(),
					rs.getBoolean("late"), rs.getInt("hand_in_count"), rs.getString("text_content"), List.of()))
			.optional()
			.map((receipt) -> new Receipt(receipt.submissionId(), receipt.submittedAt(), receipt.late(),
					receipt.handInCount(), receipt.text(), files(receipt.submissionId())));
	}

	/**
	 * The files with the SHA-256 recorded when they were handed in (the receipt states what was received; the bulk
	 * ZIP of hand-ins compares it with the bytes kept now).
	 */
	private List<ReceiptFile> files(long submissionId) {
		return this.jdbc.sql("SELECT id, filename, size_bytes, sha256 FROM submission_file WHERE submission_id = ? ORDER BY id")
			.param(submissionId)
			.query((rs, row) -> new ReceiptFile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
			.list();
	}

}
