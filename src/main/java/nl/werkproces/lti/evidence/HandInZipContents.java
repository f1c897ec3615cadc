package nl.werkproces.lti.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.activity.Activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the hand-in ZIP of an activity holds: every hand-in of the activity on its own platform with the student's
 * name and the files' names, sizes and SHA-256 (never their bytes), read in one statement.
 */
@Repository
class HandInZipContents {

	/** One student's hand-in. */
	record HandIn(long userId, String name, Instant submittedAt, boolean late, String text, List<File> files) {

	}

	/** One handed-in file, without its bytes. */
	record File(long id, String filename, long sizeBytes, String sha256) {

	}

	private final JdbcClient jdbc;

	HandInZipContents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<HandIn> of(Activity activity) {
		Map<Long, HandIn> handIns = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT s.user_id, u.name, u.subject, s.submitted_at, s.late, s.text_content,
				    f.id, f.filename, f.size_bytes, f.sha256
				FROM submission s
				JOIN lti_user u ON u.id = s.user_id AND u.platform_id = s.platform_id
				LEFT JOIN submission_file f ON f.submission_id = s.id
				WHERE s.activity_id = ? AND s.platform_id = ?
				ORDER BY u.name, u.subject, s.user_id, f.id""")
			.params(activity.id(), activity.platformId())
			.query((rs) -> {
				long userId = rs.getLong(1);
				HandIn handIn = handIns.get(userId);
				if (handIn == null) {
					String name = rs.getString(2);
					handIn = new HandIn(userId, (name != null && !name.isBlank()) ? name : rs.getString(3),
							rs.getTimestamp(4).toInstant(), rs.getBoolean(5), rs.getString(6), new ArrayList<>());
					handIns.put(userId, handIn);
				}
				long fileId = rs.getLong(7);
				if (!rs.wasNull()) {
					handIn.files().add(new File(fileId, rs.getString(8), rs.getLong(9), rs.getString(10)));
				}
			});
		return List.copyOf(handIns.values());
	}

}
