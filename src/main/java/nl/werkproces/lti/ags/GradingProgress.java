package nl.werkproces.lti.ags;

/**
 * The status of the grading, as a score reports it. Moodle clears the grade on anything but {@link #FullyGraded}.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#gradingprogress">AGS 2.0 §3.4.7</a>
 */
public enum GradingProgress {

	FullyGraded, Pending, PendingManual, Failed, NotReady

}
