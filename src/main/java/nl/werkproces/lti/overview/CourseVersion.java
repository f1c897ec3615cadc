package nl.werkproces.lti.overview;

import java.math.BigDecimal;
import java.time.Instant;

import nl.werkproces.lti.rubric.Verdict;

/**
 * One final version of a student's grading in a course's activity, as the exports list it (the grading history).
 *
 * @param assessor the assessor's name (or platform user id), {@code null} when the user is gone
 * @param queued whether this version queued a grade for the gradebook
 * @param deliveryState the state of that grade ({@code DELIVERED}: it reached the platform), or {@code null}
 */
record CourseVersion(long activityId, long studentUserId, int versionNo, Instant finalizedAt, String assessor,
		String secondAssessor, Verdict verdict, BigDecimal cijfer, Integer points, Integer maximum, boolean queued,
		String deliveryState, String contentHash) {

	/** The {@code grading.history.delivery.*} state: where this version's grade went. */
	String delivery() {
		if (!this.queued) {
			return "NONE";
		}
		return switch (String.valueOf(this.deliveryState)) {
			case "DELIVERED", "FAILED", "SUPERSEDED" -> this.deliveryState;
			default -> "WAITING";
		};
	}

}
