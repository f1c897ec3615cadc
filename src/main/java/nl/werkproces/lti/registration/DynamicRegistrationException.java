package nl.werkproces.lti.registration;

import org.springframework.http.HttpStatus;

/** A refused or failed dynamic registration, with a reason code and, when the platform said why, its words. */
public class DynamicRegistrationException extends RuntimeException {

	private final Reason reason;

	private final String platformMessage;

	DynamicRegistrationException(Reason reason, String detail) {
		this(reason, detail, null);
	}

	DynamicRegistrationException(Reason reason, String detail, String platformMessage) {
		super(reason.name() + ": " + detail, null, false, false);
		this.reason = reason;
		this.platformMessage = platformMessage;
	}

	public Reason reason() {
		return this.reason;
	}

	public String platformMessage() {
		return this.platformMessage;
	}

	/**
	 * Why a registration did not happen.
	 *
	 * @see <a href="https://www.imsglobal.org/spec/lti-dr/v1p0">LTI Dynamic Registration 1.0</a>
	 */
	public enum Reason {

		PARAMETERS_MISSING(HttpStatus.BAD_REQUEST), INVITE_MISSING(HttpStatus.FORBIDDEN),
		INVITE_INVALID(HttpStatus.FORBIDDEN), ISSUER_NOT_ALLOWED(HttpStatus.FORBIDDEN),
		CONFIGURATION_URL_INVALID(HttpStatus.BAD_REQUEST), CONFIGURATION_UNAVAILABLE(HttpStatus.BAD_GATEWAY),
		CONFIGURATION_INVALID(HttpStatus.BAD_REQUEST), ISSUER_MISMATCH(HttpStatus.BAD_REQUEST),
		REGISTRATION_REFUSED(HttpStatus.BAD_GATEWAY), REGISTRATION_RESPONSE_INVALID(HttpStatus.BAD_GATEWAY);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		public HttpStatus status() {
			return this.status;
		}

	}

}
