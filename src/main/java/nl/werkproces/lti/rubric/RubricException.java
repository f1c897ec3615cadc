package nl.werkproces.lti.rubric;

/**
 * A rubric could not be scored or changed as asked. The {@link Reason} says why, so that a caller can show a
 * precise message; the message names the criteria involved.
 */
public class RubricException extends RuntimeException {

	private final Reason reason;

	RubricException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Why the rubric could not be used.
	 * @return the reason code
	 */
	public Reason reason() {
		return this.reason;
	}

	/** Why a rubric could not be scored or changed. */
	public enum Reason {

		/** The rubric has no criteria (a werkproces known by title only, before a teacher writes criteria). */
		NO_CRITERIA,

		/** Not every criterion has a chosen level. */
		INCOMPLETE_SCORES,

		/** A level was chosen for, or a change refers to, a criterion the rubric does not have. */
		UNKNOWN_CRITERION,

		/** A chosen or edited score is not on the rubric's scale. */
		LEVEL_NOT_ON_SCALE,

		/** A change cannot be applied, for example a reorder that does not list every criterion once. */
		INVALID_CHANGE

	}

}
