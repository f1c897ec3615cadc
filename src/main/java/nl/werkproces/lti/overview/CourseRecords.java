package nl.werkproces.lti.overview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.DeliveryState;
import nl.werkproces.lti.grading.GradingStatus;
import nl.werkproces.lti.rubric.Verdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a course's activities, students, hand-ins and gradings in five statements, whatever the size of the class.
 * A course is a context of one platform: every statement is scoped to both, so a course of another platform with
 * the same context id is never read.
 */
@Repository
class CourseRecords {

	/** The course's activities: this tool's activities whose resource link belongs to the context. */
	private static final String IN_COURSE = """
			FROM activity a JOIN resource_link rl ON rl.id = a.resource_link_id
			WHERE a.platform_id = :platform AND rl.platform_id = :platform AND rl.context_id = :context""";

	private static final String ACTIVITIES = """
			SELECT a.id, a.resource_link_id, rl.title, a.werkproces_code, w.titel AS werkproces_titel, w.kerntaak_code,
			       k.titel AS kerntaak_titel, a.profiel, a.grade_mode, a.dossier_id, d.titel AS dossier_titel, d.crebo,
			       d.versie, d.lineage_version,
			       (SELECT MAX(rv.number) FROM rubric_version rv WHERE rv.resource_link_id = a.resource_link_id
			        AND rv.platform_id = a.platform_id) AS rubric_number
			FROM activity a JOIN resource_link rl ON rl.id = a.resource_link_id
			JOIN dossier d ON d.id = a.dossier_id
			LEFT JOIN dossier_werkproces w ON w.dossier_id = a.dossier_id AND w.code = a.werkproces_code
			LEFT JOIN dossier_kerntaak k ON k.dossier_id = w.dossier_id AND k.code = w.kerntaak_code
			WHERE a.platform_id = :platform AND rl.platform_id = :platform AND rl.context_id = :context
			ORDER BY w.kerntaak_code, a.werkproces_code, a.id""";

	private static final String STUDENTS = """
			SELECT u.id, u.subject, u.name FROM lti_user u
			WHERE u.platform_id = :platform AND (
			    u.id IN (SELECT s.user_id FROM submission s WHERE s.activity_id IN (SELECT a.id %1$s))
			 OR u.id IN (SELECT g.student_user_id FROM grading g WHERE g.activity_id IN (SELECT a.id %1$s))
			 OR u.id IN (SELECT l.user_id FROM launch_session l WHERE l.platform_id = :platform AND l.context_id = :context
			             AND l.roles NOT LIKE '%%INSTRUCTOR%%' AND l.roles NOT LIKE '%%ADMINISTRATOR%%'))
			""".formatted(IN_COURSE);

	private static final String HAND_INS = "SELECT s.activity_id, s.user_id, s.submitted_at, s.late"
			+ " FROM submission s WHERE s.platform_id = :platform AND s.activity_id IN (SELECT a.id " + IN_COURSE + ")";

	private static final String GRADINGS = """
			SELECT g.activity_id, g.student_user_id, g.status, g.verdict, g.cijfer, g.points, g.maximum,
			       g.overall_remark, rv.number AS rubric_number, o.status AS outbox_status, o.delivered_at
			FROM grading g JOIN rubric_version rv ON rv.id = g.rubric_version_id
			LEFT JOIN grade_outbox o ON o.id = g.outbox_id AND o.platform_id = g.platform_id
			WHERE g.platform_id = :platform AND g.activity_id IN (SELECT a.id %s)""".formatted(IN_COURSE);

	/**
	 * The werkprocessen of every (dossier, profiel) the course's activities use (the basisdeel's and the profiel's
	 * kerntaken) that no activity of the course with that dossier covers, in dossier order per profiel.
	 */
	private static final String UNCOVERED = """
			SELECT DISTINCT p.naam AS profiel, w.code, w.titel, w.kerntaak_code, k.position AS k_position,
			       w.position AS w_position
			FROM activity a JOIN resource_link rl ON rl.id = a.resource_link_id
			JOIN dossier_profiel p ON p.dossier_id = a.dossier_id AND p.naam = a.profiel
			JOIN dossier_kerntaak k ON k.dossier_id = a.dossier_id AND (k.profiel_naam IS NULL OR k.profiel_naam = p.naam)
			JOIN dossier_werkproces w ON w.dossier_id = k.dossier_id AND w.kerntaak_code = k.code
			WHERE a.platform_id = :platform AND rl.platform_id = :platform AND rl.context_id = :context
			  AND NOT EXISTS (SELECT 1 FROM activity c JOIN resource_link crl ON crl.id = c.resource_link_id
			                  WHERE c.platform_id = :platform AND crl.platform_id = :platform
			                    AND crl.context_id = :context AND c.dossier_id = a.dossier_id
			                    AND c.werkproces_code = w.code)
			ORDER BY p.naam, k.position, w.position, w.code""";

	/** Every final grading version of the course's activities, by activity, student and version (exports only). */
	private static final String VERSIONS = """
			SELECT v.activity_id, v.student_user_id, v.version_no, v.finalized_at, v.verdict, v.cijfer, v.points,
			       v.maximum, v.outbox_id, o.status AS delivery_state, v.content_hash,
			       au.name AS assessor_name, au.subject AS assessor_subject,
			       su.name AS second_name, su.subject AS second_subject
			FROM grading_version v
			LEFT JOIN grade_outbox o ON o.id = v.outbox_id AND o.platform_id = v.platform_id
			LEFT JOIN lti_user au ON au.id = v.assessor_user_id AND au.platform_id = v.platform_id
			LEFT JOIN lti_user su ON su.id = v.second_assessor_user_id AND su.platform_id = v.platform_id
			WHERE v.platform_id = :platform AND v.activity_id IN (SELECT a.id %s)
			ORDER BY v.activity_id, v.student_user_id, v.version_no""".formatted(IN_COURSE);

	/** A course: a context of a platform ({@code lti_context.id}). */
	record Course(long platformId, long contextId) {

	}

	/** Who and what was read; {@code cells} by activity id, then student id. */
	record Records(List<CourseActivity> activities, List<CourseStudent> students,
			Map<Long, Map<Long, Cell>> cells, List<ClassOverview.Uncovered> uncovered) {

	}

	private final JdbcClient jdbc;

	CourseRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everything about the course's students. */
	Records read(Course course) {
		return read(course, null);
	}

	/** Everything about one student of the course (their portfolio). */
	Records readFor(Course course, long userId) {
		return read(course, userId);
	}

	/** The grading history of the course's activities (every final version), for the exports. */
	List<CourseVersion> versions(Course course) {
		return this.jdbc.sql(VERSIONS)
			.param("platform", course.platformId())
			.param("context", course.contextId())
			.query((rs, row) -> {
				String verdict = rs.getString("verdict");
				return new CourseVersion(rs.getLong("activity_id"), rs.getLong("student_user_id"),
						rs.getInt("version_no"), instant(rs.getTimestamp("finalized_at")),
						name(rs.getString("assessor_name"), rs.getString("assessor_subject")),
						name(rs.getString("second_name"), rs.getString("second_subject")),
						(verdict != null) ? Verdict.valueOf(verdict) : null, rs.getBigDecimal("cijfer"),
						rs.getObject("points", Integer.class), rs.getObject("maximum", Integer.class),
						rs.getObject("outbox_id", Long.class) != null, rs.getString("delivery_state"),
						rs.getString("content_hash"));
			})
			.list();
	}

	private static String name(String name, String subject) {
		return (name != null && !name.isBlank()) ? name : subject;
	}

	private Records read(Course course, Long userId) {
		String onlyUser = (userId != null) ? " AND u.id = :user" : "";
		List<CourseActivity> activities = this.jdbc.sql(ACTIVITIES)
			.param("platform", course.platformId())
			.param("context", course.contextId())
			.query(CourseRecords::activity)
			.list();
		if (activities.isEmpty()) {
			return new Records(List.of(), List.of(), Map.of(), List.of());
		}
		JdbcClient.StatementSpec students = this.jdbc.sql(STUDENTS + onlyUser + " ORDER BY u.name, u.subject")
			.param("platform", course.platformId())
			.param("context", course.contextId());
		if (userId != null) {
			students = students.param("user", userId);
		}
		List<CourseStudent> list = students
			.query((rs, row) -> new CourseStudent(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		Map<Long, Map<Long, Cell>> cells = new HashMap<>();
		String handInsUser = (userId != null) ? " AND s.user_id = :user" : "";
		JdbcClient.StatementSpec handIns = this.jdbc.sql(HAND_INS + handInsUser)
			.param("platform", course.platformId())
			.param("context", course.contextId());
		if (userId != null) {
			handIns = handIns.param("user", userId);
		}
		handIns.query((ResultSet rs) -> {
			Instant submittedAt = instant(rs.getTimestamp("submitted_at"));
			boolean late = rs.getBoolean("late");
			cell(cells, rs.getLong("activity_id"), rs.getLong("user_id"))
				.merge((cell) -> cell.withHandIn(submittedAt, late));
		});
		String gradingsUser = (userId != null) ? " AND g.student_user_id = :user" : "";
		JdbcClient.StatementSpec gradings = this.jdbc.sql(GRADINGS + gradingsUser)
			.param("platform", course.platformId())
			.param("context", course.contextId());
		if (userId != null) {
			gradings = gradings.param("user", userId);
		}
		gradings.query((ResultSet rs) -> {
			String verdict = rs.getString("verdict");
			String outbox = rs.getString("outbox_status");
			GradingStatus status = GradingStatus.valueOf(rs.getString("status"));
			Integer rubricNumber = rs.getObject("rubric_number", Integer.class);
			java.math.BigDecimal cijfer = rs.getBigDecimal("cijfer");
			Integer points = rs.getObject("points", Integer.class);
			Integer maximum = rs.getObject("maximum", Integer.class);
			String remark = rs.getString("overall_remark");
			Instant deliveredAt = instant(rs.getTimestamp("delivered_at"));
			cell(cells, rs.getLong("activity_id"), rs.getLong("student_user_id")).merge((cell) -> cell.withGrading(
					status, (verdict != null) ? Verdict.valueOf(verdict) : null, cijfer, points, maximum, remark,
					rubricNumber, (outbox != null) ? DeliveryState.valueOf(outbox) : null, deliveredAt));
		});
		List<ClassOverview.Uncovered> uncovered = this.jdbc.sql(UNCOVERED)
			.param("platform", course.platformId())
			.param("context", course.contextId())
			.query((rs, row) -> new ClassOverview.Uncovered(rs.getString("profiel"), rs.getString("code"),
					rs.getString("titel"), rs.getString("kerntaak_code")))
			.list();
		return new Records(activities, list, cells, uncovered);
	}

	private static CellSlot cell(Map<Long, Map<Long, Cell>> cells, long activityId, long userId) {
		return new CellSlot(cells.computeIfAbsent(activityId, (id) -> new HashMap<>()), userId);
	}

	private record CellSlot(Map<Long, Cell> row, long userId) {

		void merge(java.util.function.UnaryOperator<Cell> change) {
			this.row.put(this.userId, change.apply(this.row.getOrDefault(this.userId, Cell.EMPTY)));
		}

	}

	private static CourseActivity activity(ResultSet rs, int row) throws SQLException {
		Integer rubric = rs.getObject("rubric_number", Integer.class);
		String versie = rs.getString("versie");
		return new CourseActivity(rs.getLong("id"), rs.getLong("resource_link_id"), rs.getString("title"),
				rs.getString("werkproces_code"), rs.getString("werkproces_titel"), rs.getString("kerntaak_code"),
				rs.getString("kerntaak_titel"), rs.getString("profiel"), GradeMode.valueOf(rs.getString("grade_mode")),
				rs.getLong("dossier_id"), rs.getString("dossier_titel"), rs.getString("crebo"),
				(versie != null) ? versie : String.valueOf(rs.getInt("lineage_version")), (rubric != null) ? rubric : 1);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
