package nl.werkproces.lti.ags;

/**
 * What became of a posted score.
 *
 * @param outcome delivered, already newer, rejected or temporarily failing
 * @param status the platform's HTTP status, 0 when it did not answer
 * @param detail plain words for the teacher's status column: the platform's own text when it rejected the score
 */
public record ScoreResult(Outcome outcome, int status, String detail) {

	public enum Outcome {

		/** The platform stored the score (2xx). */
		DELIVERED,
		/** The platform holds a score with the same or a newer timestamp (409): nothing left to do. */
		ALREADY_NEWER,
		/** The platform refused the score (4xx), for example Moodle's "Incorrect score received". */
		REJECTED,
		/** No answer, a timeout or a server error (5xx): try again later. */
		TEMPORARILY_FAILING

	}

	static ScoreResult delivered(int status) {
		return new ScoreResult(Outcome.DELIVERED, status, null);
	}

}
