package nl.werkproces.lti.submission;

/** Where the student's work stands, as the assignment page shows it. */
public enum StudentStatus {

	NOT_HANDED_IN, HANDED_IN, BEING_GRADED, GRADED;

	static StudentStatus of(Submission submission, GradingResult grading) {
		if (grading != null) {
			return grading.isFinal() ? GRADED : BEING_GRADED;
		}
		return (submission != null) ? HANDED_IN : NOT_HANDED_IN;
	}

	public boolean locked() {
		return this == BEING_GRADED || this == GRADED;
	}

}
