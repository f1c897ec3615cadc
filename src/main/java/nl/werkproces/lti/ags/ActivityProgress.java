package nl.werkproces.lti.ags;

/**
 * The student's progress with the activity, as a score reports it.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#activityprogress">AGS 2.0 §3.4.6</a>
 */
public enum ActivityProgress {

	Initialized, Started, InProgress, Submitted, Completed

}
