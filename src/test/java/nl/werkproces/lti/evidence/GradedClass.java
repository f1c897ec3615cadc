package nl.werkproces.lti.evidence;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.RubricVersions;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps evidence tests repeat on a {@link TeacherFixture}'s activity: a student who launched, and a teacher's
 * grading made final with every criterion at one level.
 */
final class GradedClass {

	private final TeacherFixture moodle;

	private final JdbcClient jdbc;

	private final RubricVersions rubrics;

	GradedClass(TeacherFixture moodle, JdbcClient jdbc, RubricVersions rubrics) {
		this.moodle = moodle;
		this.jdbc = jdbc;
		this.rubrics = rubrics;
	}

	/** A student who launched the activity (given and family name as the platform sends them). */
	long student(String sub, String name, String given, String family) {
		this.moodle.launch(this.moodle.student(sub, name).with("given_name", given).with("family_name", family));
		return this.moodle.userId(sub);
	}

	/** Posts the grading with every criterion at {@code level} as final; remarks may be {@code null}. */
	HttpResponse<String> finalize(Session teacher, long userId, int level, String firstRemark, String overall) {
		return teacher.post("/app/teacher/students/" + userId + "/finalize", form(level, firstRemark, overall));
	}

	Map<String, String> form(int level, String firstRemark, String overall) {
		int[] levels = new int[keys().size()];
		Arrays.fill(levels, level);
		Map<String, String> form = new LinkedHashMap<>(TeacherFixture.levels(keys(), levels));
		if (firstRemark != null) {
			form.put("remark." + keys().get(0), firstRemark);
		}
		if (overall != null) {
			form.put("overallRemark", overall);
		}
		return form;
	}

	List<String> keys() {
		long dossierId = this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?")
			.param(this.moodle.activityId())
			.query(Long.class)
			.single();
		return this.rubrics.template(dossierId, "B1-K2-W2", TeacherFixture.PROFIEL)
			.criteria()
			.stream()
			.map(Criterion::key)
			.toList();
	}

}
