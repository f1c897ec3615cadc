package nl.werkproces.lti.delivery;

import nl.werkproces.lti.ags.ActivityProgress;
import nl.werkproces.lti.ags.GradingProgress;

/**
 * A grade for one student to send to the gradebook; the outbox adds the timestamp.
 *
 * @param userSub the student's {@code sub} (the AGS {@code userId})
 * @param scoreGiven the cijfer or points, {@code null} for a status-only score
 * @param scoreMaximum the maximum of {@code scoreGiven}
 * @param comment what the teacher reads in the gradebook (Moodle: feedback)
 */
public record Grade(String userSub, Double scoreGiven, Double scoreMaximum, String comment,
		ActivityProgress activityProgress, GradingProgress gradingProgress) {

	/** A finished grading: {@code Completed} and {@code FullyGraded}. */
	public static Grade finished(String userSub, double scoreGiven, double scoreMaximum, String comment) {
		return new Grade(userSub, scoreGiven, scoreMaximum, comment, ActivityProgress.Completed,
				GradingProgress.FullyGraded);
	}

	public boolean fullyGraded() {
		return this.gradingProgress == GradingProgress.FullyGraded;
	}

}
