package nl.werkproces.lti.roster;

/** Where a student's grade is, as the roster says it: in the gradebook, on its way, or not sent. */
public enum GradebookState {

	/** Nothing sent for this student (or the activity has no gradebook column). */
	NONE,
	/** The hand-in notice (Submitted, no score) is queued. */
	HAND_IN_REPORTING,
	/** The gradebook shows the student as handed in, without a grade. */
	HAND_IN_REPORTED,
	/** A grade is queued: not sent yet, or waiting for the next try. Never a failure. */
	QUEUED,
	/** The gradebook has the grade. */
	IN_GRADEBOOK,
	/** The platform refused; a person must act (try again). */
	FAILED,
	/** The grading was reopened: the gradebook still shows the grade delivered before. */
	REOPENED

}
