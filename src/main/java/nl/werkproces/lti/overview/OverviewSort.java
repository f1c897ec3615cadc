package nl.werkproces.lti.overview;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import nl.werkproces.lti.rubric.Verdict;

/**
 * The order of the overview's students, kept in the URL as {@code sort}: by name (default), by the number of
 * hand-ins still to grade (most first), or by the result on one activity ({@code sort=werkproces} with
 * {@code activity=<id>}: onvoldoende first, then voldoende and goed, each by cijfer from low to high; ungraded
 * cells last). Ties keep the name order.
 */
public enum OverviewSort {

	NAME, TO_GRADE, WERKPROCES;

	/** The students of {@code overview} in this order; {@code activityId} only counts for {@link #WERKPROCES}. */
	List<CourseStudent> order(ClassOverview overview, List<CourseStudent> students, Long activityId) {
		Comparator<CourseStudent> byName = Comparator.comparing((CourseStudent s) -> s.displayName().toLowerCase())
			.thenComparing(CourseStudent::subject);
		Comparator<CourseStudent> order = switch (this) {
			case NAME -> byName;
			case TO_GRADE -> Comparator.comparingLong((CourseStudent s) -> -toGrade(overview, s)).thenComparing(byName);
			case WERKPROCES -> {
				CourseActivity activity = overview.activities()
					.stream()
					.filter((a) -> activityId != null && a.id() == activityId)
					.findFirst()
					.orElse(null);
				yield (activity == null) ? byName
						: Comparator.comparing((CourseStudent s) -> resultKey(overview.cell(s, activity)))
							.thenComparing(byName);
			}
		};
		return students.stream().sorted(order).toList();
	}

	private static long toGrade(ClassOverview overview, CourseStudent student) {
		return overview.activities().stream().filter((a) -> overview.cell(student, a).toGrade()).count();
	}

	private static ResultKey resultKey(Cell cell) {
		if (!cell.graded() || cell.verdict() == null) {
			return new ResultKey(Verdict.values().length, BigDecimal.ZERO);
		}
		// ONVOLDOENDE, VOLDOENDE, GOED in declaration order; ungraded after them
		return new ResultKey(cell.verdict().ordinal(), (cell.cijfer() != null) ? cell.cijfer() : BigDecimal.ZERO);
	}

	private record ResultKey(int verdict, BigDecimal cijfer) implements Comparable<ResultKey> {

		@Override
		public int compareTo(ResultKey other) {
			int byVerdict = Integer.compare(this.verdict, other.verdict);
			return (byVerdict != 0) ? byVerdict : this.cijfer.compareTo(other.cijfer);
		}

	}

}
