package nl.werkproces.lti.submission;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A hand-in that is not accepted: nothing of it is stored and the earlier hand-in stays as it was. The reason names
 * the HTTP status and the message ({@code student.refused.<REASON>}, with {@link #arguments()}).
 */
public class HandInRefusal extends RuntimeException {

	/** Why a hand-in was refused. */
	public enum Reason {

		EMPTY(HttpStatus.BAD_REQUEST), EMPTY_FILE(HttpStatus.BAD_REQUEST), TEXT_TOO_LONG(HttpStatus.PAYLOAD_TOO_LARGE),
		TOO_MANY_FILES(HttpStatus.PAYLOAD_TOO_LARGE), FILE_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
		TOTAL_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE), UPLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
		TYPE_NOT_ALLOWED(HttpStatus.BAD_REQUEST), CONTENT_MISMATCH(HttpStatus.BAD_REQUEST),
		EXECUTABLE(HttpStatus.BAD_REQUEST), FILE_NAME_INVALID(HttpStatus.BAD_REQUEST),
		FILE_NAME_TOO_LONG(HttpStatus.BAD_REQUEST), UPLOAD_MALFORMED(HttpStatus.BAD_REQUEST),
		GRADING_STARTED(HttpStatus.CONFLICT), STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		public HttpStatus status() {
			return this.status;
		}

		public String messageKey() {
			return "student.refused." + name();
		}

	}

	private final Reason reason;

	private final List<Object> arguments;

	public HandInRefusal(Reason reason, Object... arguments) {
		super(reason.name());
		this.reason = reason;
		this.arguments = List.of(arguments);
	}

	public Reason reason() {
		return this.reason;
	}

	public Object[] arguments() {
		return this.arguments.toArray();
	}

}
