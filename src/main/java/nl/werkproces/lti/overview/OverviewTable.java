package nl.werkproces.lti.overview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The overview as rows of cells for the exports: header rows naming the course, each dossier (title, crebo,
 * version), and per activity its kerntaak, werkproces and rubric version; then one row per student with four
 * columns per activity (verdict, cijfer, hand-in, gradebook). Cijfers stay numbers; the writer formats them.
 */
record OverviewTable(List<List<Object>> rows, int headerRows) {

	static final int COLUMNS_PER_ACTIVITY = 4;

	static OverviewTable of(String courseTitle, ClassOverview overview, MessageSource messages, Locale locale) {
		Texts texts = new Texts(messages, locale);
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
			}
			rows.add(row);
		}
		return new OverviewTable(rows, headerRows);
	}

	static boolean isNumber(Object value) {
		return value instanceof BigDecimal;
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
