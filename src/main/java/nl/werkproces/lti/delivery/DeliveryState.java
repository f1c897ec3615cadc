package nl.werkproces.lti.delivery;

/** Where a grade is on its way to the platform's gradebook. */
public enum DeliveryState {

	/** Not delivered yet: due now or after a failed attempt (see the last error). */
	WAITING,
	/** The platform has this grade, or a newer one (409). */
	DELIVERED,
	/** The platform refused the grade; its answer is the last error. Needs a person; {@code retryNow} sends again. */
	FAILED,
	/** A newer grade for the same student and line item replaced this one before it was delivered. */
	SUPERSEDED

}
