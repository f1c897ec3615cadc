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
		INVITE_INVALID(HttpStatus.FORBIDDEN), ISSUER_NOT_ALLOWED(HttpStatus.FORBIDDEN, true),
		CONFIGURATION_URL_INVALID(HttpStatus.BAD_REQUEST), CONFIGURATION_URL_NOT_HTTPS(HttpStatus.BAD_REQUEST),
		CONFIGURATION_UNAVAILABLE(HttpStatus.BAD_GATEWAY), CONFIGURATION_INVALID(HttpStatus.BAD_REQUEST),
		ISSUER_MISMATCH(HttpStatus.BAD_REQUEST, true), PLATFORM_EXISTS(HttpStatus.CONFLICT, true),
		REREGISTRATION_MISMATCH(HttpStatus.FORBIDDEN, true), REGISTRATION_REFUSED(HttpStatus.BAD_GATEWAY),
		REGISTRATION_RESPONSE_INVALID(HttpStatus.BAD_GATEWAY);

		private final HttpStatus status;

		private final boolean takeoverAttempt;

		Reason(HttpStatus status) {
			this(status, false);
		}

		Reason(HttpStatus status, boolean takeoverAttempt) {
			this.status = status;
			this.takeoverAttempt = takeoverAttempt;
		}

		public HttpStatus status() {
			return this.status;
		}

		/**
		 * Whether the refusal may be an attempt to register as, or over, another platform: audited when it
		 * happens with a registration link or an allow-listed configuration URL.
		 */
		public boolean takeoverAttempt() {
			return this.takeoverAttempt;
		}

	}

}
