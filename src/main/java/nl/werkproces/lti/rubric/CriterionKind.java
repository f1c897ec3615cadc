package nl.werkproces.lti.rubric;

/** Whether a criterion judges how the student works or what the student delivers. */
public enum CriterionKind {

	/** Derived from a gedrag bullet: how the work is done. */
	PROCESS,

	/** Derived from the resultaat: what the work delivers. */
	PRODUCT

}
