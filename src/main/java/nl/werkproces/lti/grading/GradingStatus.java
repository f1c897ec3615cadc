package nl.werkproces.lti.grading;

/** Where a teacher's grading of one student is. */
public enum GradingStatus {

	/** Levels and remarks saved, not final; the student's hand-in is locked. */
	DRAFT,
	/** Finalized by the first assessor; a different instructor must confirm. */
	AWAITING_CONFIRMATION,
	/** Final: the grade is in the outbox. */
	FINAL

}
