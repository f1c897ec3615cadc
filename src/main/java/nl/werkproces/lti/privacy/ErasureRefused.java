package nl.werkproces.lti.privacy;

import org.springframework.http.HttpStatus;

/** An erasure that was not done (nothing was erased), with its reason code and HTTP status. */
class ErasureRefused extends RuntimeException {

	private final Reason reason;

	ErasureRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

	enum Reason {

		/** No user with that id on that platform (also: a user of another platform). */
		ERASURE_USER_NOT_FOUND(HttpStatus.NOT_FOUND),

		/** No reason given, or a reason longer than 1000 characters. */
		ERASURE_REASON_INVALID(HttpStatus.BAD_REQUEST),

		/**
		 * A grading history chain the user is in is broken: erasing would hide that, so the admin looks into it
		 * first.
		 */
		ERASURE_CHAIN_BROKEN(HttpStatus.CONFLICT);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		HttpStatus status() {
			return this.status;
		}

	}

}
