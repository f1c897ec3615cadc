package nl.werkproces.lti.grading;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A grading step that cannot be done, with the reason the teacher is told and the HTTP status it maps to. */
public class GradingException extends RuntimeException {

	/** Why a grading step was refused. */
	public enum Reason {

		INCOMPLETE(HttpStatus.BAD_REQUEST), INVALID_LEVEL(HttpStatus.BAD_REQUEST), NOT_EDITABLE(HttpStatus.CONFLICT),
		NOT_AWAITING_CONFIRMATION(HttpStatus.CONFLICT), SAME_ASSESSOR(HttpStatus.FORBIDDEN),
		NOT_REOPENABLE(HttpStatus.CONFLICT), NO_CRITERIA(HttpStatus.CONFLICT);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		public HttpStatus status() {
			return this.status;
		}

		/** The message key of the explanation for the teacher. */
		public String messageKey() {
			return "grading.error." + name();
		}

	}

	private final Reason reason;

	private final List<String> criteria;

	public GradingException(Reason reason, List<String> criteria) {
		super(reason + (criteria.isEmpty() ? "" : " " + criteria));
		this.reason = reason;
		this.criteria = List.copyOf(criteria);
	}

	public GradingException(Reason reason) {
		this(reason, List.of());
	}

	public Reason reason() {
		return this.reason;
	}

	/** The criterion keys concerned (missing levels, unknown criteria). */
	public List<String> criteria() {
		return this.criteria;
	}

}
