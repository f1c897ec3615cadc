package nl.werkproces.lti.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.werkproces.lti.web.SchoolClock;

import org.springframework.context.MessageSource;

/**
 * The overview as rows of cells for the exports: header rows naming the course, each dossier (title, crebo,
 * version), and per activity its kerntaak, werkproces and rubric version; then one row per student with five
 * columns per activity (verdict, cijfer, hand-in, gradebook, number of final versions). Cijfers and counts stay
 * numbers; the writer formats them. {@code history} is the grading history of the same students and activities: a
 * header row, then one row per final version (who, when, result, where its grade went, its chain hash).
 */
record OverviewTable(List<List<Object>> rows, int headerRows, List<List<Object>> history) {

	static final int COLUMNS_PER_ACTIVITY = 5;

	static OverviewTable of(String courseTitle, ClassOverview overview, List<CourseVersion> versions,
			MessageSource messages, Locale locale, SchoolClock clock) {
		Texts texts = new Texts(messages, locale);
		Map<Long, Map<Long, Integer>> versionCounts = new HashMap<>();
		versions.forEach((v) -> versionCounts.computeIfAbsent(v.activityId(), (id) -> new HashMap<>())
			.merge(v.studentUserId(), 1, Integer::sum));
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of(texts.get("overview.title"), (courseTitle != null) ? courseTitle : ""));
		Map<Long, CourseActivity> dossiers = new LinkedHashMap<>();
		overview.activities().forEach((activity) -> dossiers.putIfAbsent(activity.dossierId(), activity));
		for (CourseActivity dossier : dossiers.values()) {
			rows.add(List.of(texts.get("overview.export.dossier"), dossier.dossierTitel(), texts.get("overview.export.crebo"),
					(dossier.crebo() != null) ? dossier.crebo() : texts.get("overview.export.crebo.unknown"), texts.get("overview.export.versie"),
					dossier.dossierVersie()));
		}
		List<Object> kerntaak = row(texts.get("overview.export.kerntaak"));
		List<Object> werkproces = row(texts.get("overview.export.werkproces"));
		List<Object> rubric = row(texts.get("overview.export.rubricVersie"));
		List<Object> columns = row(texts.get("overview.export.student"));
		for (CourseActivity activity : overview.activities()) {
			String kerntaakText = join(activity.kerntaakCode(), activity.kerntaakTitel());
			String werkprocesText = join(activity.werkprocesCode(), activity.werkprocesTitel())
					+ ((activity.profiel() != null) ? " (" + activity.profiel() + ")" : "");
			for (int i = 0; i < COLUMNS_PER_ACTIVITY; i++) {
				kerntaak.add((i == 0) ? kerntaakText : "");
				werkproces.add((i == 0) ? werkprocesText : "");
				rubric.add((i == 0) ? String.valueOf(activity.rubricVersion()) : "");
			}
			columns.add(texts.get("overview.verdict"));
			columns.add(texts.get("overview.cijfer"));
			columns.add(texts.get("overview.handIn"));
			columns.add(texts.get("overview.gradebook"));
			columns.add(texts.get("overview.export.versions"));
		}
		rows.add(kerntaak);
		rows.add(werkproces);
		rows.add(rubric);
		rows.add(columns);
		int headerRows = rows.size();
		for (CourseStudent student : overview.students()) {
			List<Object> row = row(student.displayName());
			for (CourseActivity activity : overview.activities()) {
				Cell cell = overview.cell(student, activity);
				row.add((cell.graded() && cell.verdict() != null) ? texts.get("verdict." + cell.verdict().name())
						: (cell.status() != null) ? texts.get("grading.status." + cell.status().name()) : "");
				row.add((cell.graded() && cell.cijfer() != null) ? cell.cijfer() : "");
				row.add(!cell.handedIn() ? texts.get("overview.handIn.none")
						: cell.late() ? texts.get("overview.handIn.late") : texts.get("overview.handIn.done"));
				row.add(texts.get("overview.gradebook." + cell.gradebook().name()));
				Integer count = versionCounts.getOrDefault(activity.id(), Map.of()).get(student.id());
				row.add((count != null) ? count : "");
			}
			rows.add(row);
		}
		return new OverviewTable(rows, headerRows, history(overview, versions, texts, locale, clock));
	}

	private static List<List<Object>> history(ClassOverview overview, List<CourseVersion> versions, Texts texts,
			Locale locale, SchoolClock clock) {
		Map<Long, CourseActivity> activities = new HashMap<>();
		overview.activities().forEach((a) -> activities.put(a.id(), a));
		Map<Long, CourseStudent> students = new HashMap<>();
		overview.students().forEach((s) -> students.put(s.id(), s));
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of(texts.get("overview.export.student"), texts.get("overview.export.werkproces"),
				texts.get("grading.history.version"), texts.get("overview.export.finalizedAt"),
				texts.get("grading.history.who"), texts.get("overview.export.secondAssessor"),
				texts.get("overview.verdict"), texts.get("overview.cijfer"), texts.get("overview.export.points"),
				texts.get("overview.gradebook"), texts.get("overview.export.hash")));
		List<CourseVersion> shown = new ArrayList<>(versions.stream()
			.filter((v) -> activities.containsKey(v.activityId()) && students.containsKey(v.studentUserId()))
			.toList());
		Map<Long, Integer> studentOrder = new HashMap<>();
		overview.students().forEach((s) -> studentOrder.putIfAbsent(s.id(), studentOrder.size()));
		Map<Long, Integer> activityOrder = new HashMap<>();
		overview.activities().forEach((a) -> activityOrder.putIfAbsent(a.id(), activityOrder.size()));
		shown.sort(Comparator.comparing((CourseVersion v) -> studentOrder.get(v.studentUserId()))
			.thenComparing((v) -> activityOrder.get(v.activityId()))
			.thenComparingInt(CourseVersion::versionNo));
		for (CourseVersion v : shown) {
			CourseActivity activity = activities.get(v.activityId());
			rows.add(List.of(students.get(v.studentUserId()).displayName(),
					join(activity.werkprocesCode(), activity.werkprocesTitel()), v.versionNo(),
					clock.format(v.finalizedAt(), locale),
					(v.assessor() != null) ? v.assessor() : texts.get("grading.history.unknownAssessor"),
					(v.secondAssessor() != null) ? v.secondAssessor() : "",
					(v.verdict() != null) ? texts.get("verdict." + v.verdict().name()) : "",
					(v.cijfer() != null) ? v.cijfer() : "",
					(v.points() != null) ? v.points() + "/" + v.maximum() : "",
					texts.get("grading.history.delivery." + v.delivery()), v.contentHash()));
		}
		return rows;
	}


	private static List<Object> row(Object first) {
		List<Object> row = new ArrayList<>();
		row.add(first);
		return row;
	}

	private static String join(String code, String title) {
		if (code == null) {
			return (title != null) ? title : "";
		}
		return (title != null) ? code + " " + title : code;
	}

	private record Texts(MessageSource messages, Locale locale) {

		String get(String key) {
			return this.messages.getMessage(key, null, this.locale);
		}

	}

}
