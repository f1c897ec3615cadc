package nl.werkproces.lti.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.storage.FileLocation;
import nl.werkproces.lti.storage.HandInFileStorage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Right of access: everything the tool stores about one user of one platform, as a ZIP written straight to the
 * response: {@code persoonsgegevens.json} (the user, the courses they appear in, their launches without tokens,
 * hand-ins with file metadata, gradings of them and gradings they made, grading versions, outbox entries and the
 * audit events about them) and every hand-in file under {@code bestanden/}, read one at a time from its storage.
 */
@Component
class PersonalDataExport {

	private final JdbcClient jdbc;

	private final HandInFileStorage storage;

	private final JsonMapper json;

	PersonalDataExport(JdbcClient jdbc, HandInFileStorage storage, JsonMapper json) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.json = json;
	}

	void write(PlatformUsers.PlatformUser user, OutputStream out) throws IOException {
		long userId = user.id();
		long platformId = user.platformId();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("user", rows("SELECT id, platform_id, subject, name, given_name, family_name, created_at, updated_at"
				+ " FROM lti_user WHERE id = ? AND platform_id = ?", userId, platformId).get(0));
		data.put("contexts", rows("""
				SELECT c.id, c.context_key, c.label, c.title, c.created_at, c.updated_at FROM lti_context c
				WHERE c.platform_id = ? AND c.id IN (
				    SELECT l.context_id FROM launch_session l WHERE l.user_id = ? AND l.context_id IS NOT NULL
				    UNION SELECT r.context_id FROM submission s JOIN activity a ON a.id = s.activity_id
				        JOIN resource_link r ON r.id = a.resource_link_id WHERE s.user_id = ?
				    UNION SELECT r.context_id FROM grading g JOIN activity a ON a.id = g.activity_id
				        JOIN resource_link r ON r.id = a.resource_link_id
				        WHERE g.student_user_id = ? OR g.assessor_user_id = ? OR g.second_assessor_user_id = ?)
				ORDER BY c.id""", platformId, userId, userId, userId, userId, userId));
		data.put("launches", rows("""
				SELECT created_at, expires_at, deployment_id, context_id, resource_link_id, message_type, roles, locale
				FROM launch_session WHERE user_id = ? AND platform_id = ? ORDER BY created_at""", userId, platformId));
		List<Map<String, Object>> handIns = rows("""
				SELECT id, activity_id, text_content, hand_in_count, submitted_at, late, created_at, updated_at
				FROM submission WHERE user_id = ? AND platform_id = ? ORDER BY id""", userId, platformId);
		List<Map<String, Object>> files = rows("""
				SELECT f.id, f.submission_id, f.filename, f.content_type, f.size_bytes, f.sha256, f.created_at
				FROM submission_file f JOIN submission s ON s.id = f.submission_id
				WHERE s.user_id = ? AND s.platform_id = ? ORDER BY f.id""", userId, platformId);
		files.forEach((file) -> file.put("path", path(file)));
		for (Map<String, Object> handIn : handIns) {
			handIn.put("files", files.stream().filter((f) -> f.get("submission_id").equals(handIn.get("id"))).toList());
		}
		data.put("handIns", handIns);
		data.put("gradings", rows("""
				SELECT id, activity_id, rubric_version_id, status, levels, remarks, overall_remark, points, maximum,
				    cesuur, verdict, cijfer, knock_out, assessor_user_id, second_assessor_user_id, finalized_at, outbox_id,
				    created_at, updated_at
				FROM grading WHERE student_user_id = ? AND platform_id = ? ORDER BY id""", userId, platformId));
		data.put("gradingsAsAssessor", rows("""
				SELECT id, activity_id, student_user_id, status, assessor_user_id, second_assessor_user_id, finalized_at
				FROM grading WHERE platform_id = ? AND (assessor_user_id = ? OR second_assessor_user_id = ?)
				ORDER BY id""", platformId, userId, userId));
		data.put("gradingVersions", rows("""
				SELECT id, activity_id, grading_id, version_no, chain_seq, rubric_version_id, levels, remarks,
				    overall_remark, points, maximum, cesuur, verdict, cijfer, knock_out, assessor_user_id,
				    second_assessor_user_id, finalized_at, outbox_id, previous_hash, content_hash
				FROM grading_version WHERE student_user_id = ? AND platform_id = ? ORDER BY activity_id, chain_seq""",
				userId, platformId));
		List<Map<String, Object>> outbox = rows("""
				SELECT id, line_item_url, resource_id, label, tag, user_sub, score_given, score_maximum, score_comment,
				    activity_progress, grading_progress, score_timestamp, status, attempts, last_error_code, delivered_at,
				    created_at, updated_at
				FROM grade_outbox WHERE platform_id = ? AND user_sub = ? ORDER BY id""", platformId, user.subject());
		data.put("outbox", outbox);
		List<Object> targets = new ArrayList<>();
		targets.add("platform " + platformId + " user " + userId);
		outbox.forEach((entry) -> targets.add("grade " + entry.get("id")));
		data.put("auditEvents", this.jdbc.sql("""
				SELECT occurred_at, actor, action, target, before_json, after_json FROM audit_event
				WHERE target IN (:targets) ORDER BY id""")
			.param("targets", targets)
			.query(PersonalDataExport::row)
			.list());

		ZipOutputStream zip = new ZipOutputStream(out);
		zip.putNextEntry(new ZipEntry("persoonsgegevens.json"));
		zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
		zip.closeEntry();
		for (Map<String, Object> file : files) {
			byte[] content = this.jdbc
				.sql("SELECT content, object_key, sha256 FROM submission_file WHERE id = ?")
				.param(file.get("id"))
				.query((rs, row) -> this.storage.read(new FileLocation(rs.getBytes(1), rs.getString(2)),
						rs.getString(3)))
				.single();
			zip.putNextEntry(new ZipEntry((String) file.get("path")));
			zip.write(content);
			zip.closeEntry();
		}
		zip.finish();
		zip.flush();
	}

	private static String path(Map<String, Object> file) {
		String name = String.valueOf(file.get("filename")).replaceAll("[^\\p{L}\\p{N}._ -]", "_");
		return "bestanden/" + file.get("submission_id") + "/" + file.get("id") + "-" + name;
	}

	private List<Map<String, Object>> rows(String sql, Object... params) {
		return new ArrayList<>(this.jdbc.sql(sql).params(params).query(PersonalDataExport::row).list());
	}

	/** One row as column → value, times as ISO-8601 UTC and long text as text (H2 returns it as a CLOB). */
	private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			Object value = rs.getObject(i);
			if (value instanceof Timestamp time) {
				value = time.toInstant().toString();
			}
			else if (value instanceof java.time.LocalDateTime local) {
				value = rs.getTimestamp(i).toInstant().toString();
			}
			else if (value instanceof Clob clob) {
				value = clob.getSubString(1, (int) clob.length());
			}
			row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
		}
		return row;
	}

}
