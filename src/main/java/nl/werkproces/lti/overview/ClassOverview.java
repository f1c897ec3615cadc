package nl.werkproces.lti.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Students × werkprocessen of one course, the activities grouped by kerntaak in dossier order.
 *
 * @param activities the course's activities (only the chosen profiel's when a profiel is chosen)
 * @param profielen every profiel the course's activities use, for the profiel filter
 */
public record ClassOverview(List<CourseActivity> activities, List<CourseStudent> students,
		Map<Long, Map<Long, Cell>> cells, List<String> profielen, List<Uncovered> uncovered) {

	/** A werkproces of a profiel the course uses that no activity of the course covers yet. */
	public record Uncovered(String profiel, String code, String titel, String kerntaakCode) {

	}

	/** The activities of one kerntaak; {@code code} is empty when the dossier does not name it. */
	public record Kerntaak(String code, String titel, List<CourseActivity> activities) {

	}

	/** A hand-in waiting for a (final) grading. */
	public record ToGrade(CourseActivity activity, CourseStudent student, Cell cell) {

	}

	static ClassOverview of(CourseRecords.Records records, String profiel, OverviewFilter filter) {
		return of(records, profiel, filter, OverviewSort.NAME, null);
	}

	static ClassOverview of(CourseRecords.Records records, String profiel, OverviewFilter filter, OverviewSort sort,
			Long sortActivity) {
		List<String> profielen = records.activities()
			.stream()
			.map(CourseActivity::profiel)
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.toList();
		List<CourseActivity> activities = records.activities()
			.stream()
			.filter((activity) -> profiel == null || profiel.isBlank() || profiel.equals(activity.profiel()))
			.toList();
		List<Uncovered> uncovered = records.uncovered()
			.stream()
			.filter((u) -> profiel == null || profiel.isBlank() || profiel.equals(u.profiel()))
			.toList();
		ClassOverview all = new ClassOverview(activities, records.students(), records.cells(), profielen, uncovered);
		List<CourseStudent> students = records.students()
			.stream()
			.filter((student) -> all.matches(student, filter))
			.toList();
		return new ClassOverview(activities, sort.order(all, students, sortActivity), records.cells(), profielen,
				uncovered);
	}

	public Cell cell(CourseStudent student, CourseActivity activity) {
		return this.cells.getOrDefault(activity.id(), Map.of()).getOrDefault(student.id(), Cell.EMPTY);
	}

	public List<Kerntaak> kerntaken() {
		Map<String, List<CourseActivity>> groups = new LinkedHashMap<>();
		Map<String, String> titles = new LinkedHashMap<>();
		for (CourseActivity activity : this.activities) {
			String code = (activity.kerntaakCode() != null) ? activity.kerntaakCode() : "";
			groups.computeIfAbsent(code, (key) -> new ArrayList<>()).add(activity);
			titles.putIfAbsent(code, activity.kerntaakTitel());
		}
		return groups.entrySet()
			.stream()
			.map((group) -> new Kerntaak(group.getKey(), titles.get(group.getKey()), List.copyOf(group.getValue())))
			.toList();
	}

	/** Every hand-in of the shown students and activities still to grade, by activity then student. */
	public List<ToGrade> toGrade() {
		List<ToGrade> list = new ArrayList<>();
		for (CourseActivity activity : this.activities) {
			for (CourseStudent student : this.students) {
				Cell cell = cell(student, activity);
				if (cell.toGrade()) {
					list.add(new ToGrade(activity, student, cell));
				}
			}
		}
		return list;
	}

	private boolean matches(CourseStudent student, OverviewFilter filter) {
		return switch (filter) {
			case ALL -> true;
			case TO_GRADE -> this.activities.stream().anyMatch((activity) -> cell(student, activity).toGrade());
			case ONVOLDOENDE -> this.activities.stream().anyMatch((activity) -> cell(student, activity).onvoldoende());
		};
	}

}
