package nl.werkproces.lti.launch;

import org.springframework.http.HttpStatus;

/**
 * Why a login initiation or a launch was refused. The code appears in the log, in the metric
 * {@code lti.launch.rejected} and on the page; the message key {@code launch.failure.<code>} explains it.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#authentication-response-validation">Security
 * Framework §5.1.3</a>
 */
public enum LaunchFailure {

	LOGIN_PARAMETER_MISSING(HttpStatus.BAD_REQUEST),
	LOGIN_PLATFORM_UNKNOWN(HttpStatus.BAD_REQUEST),
	LOGIN_TARGET_LINK_URI_FOREIGN(HttpStatus.BAD_REQUEST),
	LOGIN_HINT_TOO_LONG(HttpStatus.BAD_REQUEST),
	LOGIN_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
	LOGINS_PENDING_LIMIT(HttpStatus.TOO_MANY_REQUESTS),
	PLATFORM_DISABLED(HttpStatus.FORBIDDEN),
	FORM_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
	PLATFORM_ERROR(HttpStatus.BAD_REQUEST),
	ID_TOKEN_MISSING(HttpStatus.BAD_REQUEST),
	STATE_MISSING(HttpStatus.BAD_REQUEST),
	STATE_UNKNOWN(HttpStatus.BAD_REQUEST),
	STATE_EXPIRED(HttpStatus.BAD_REQUEST),
	STATE_USED(HttpStatus.BAD_REQUEST),
	STATE_COOKIE_MISSING(HttpStatus.UNAUTHORIZED),
	CROSS_SITE_WITHOUT_TLS(HttpStatus.BAD_REQUEST),
	STATE_BROWSER_MISMATCH(HttpStatus.UNAUTHORIZED),
	JWT_MALFORMED(HttpStatus.BAD_REQUEST),
	JWT_ALGORITHM_NOT_ALLOWED(HttpStatus.UNAUTHORIZED),
	JWT_KID_MISSING(HttpStatus.UNAUTHORIZED),
	JWT_KID_UNKNOWN(HttpStatus.UNAUTHORIZED),
	JWT_SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED),
	PLATFORM_KEYS_UNAVAILABLE(HttpStatus.BAD_GATEWAY),
	TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED),
	TOKEN_NOT_YET_VALID(HttpStatus.UNAUTHORIZED),
	ISSUED_AT_MISSING(HttpStatus.UNAUTHORIZED),
	ISSUED_AT_IN_FUTURE(HttpStatus.UNAUTHORIZED),
	ISSUED_AT_TOO_OLD(HttpStatus.UNAUTHORIZED),
	TOKEN_LIFETIME_TOO_LONG(HttpStatus.UNAUTHORIZED),
	TIME_CLAIM_MALFORMED(HttpStatus.BAD_REQUEST),
	ISSUER_MISMATCH(HttpStatus.UNAUTHORIZED),
	AUDIENCE_MISMATCH(HttpStatus.UNAUTHORIZED),
	AZP_MISSING(HttpStatus.UNAUTHORIZED),
	AZP_MISMATCH(HttpStatus.UNAUTHORIZED),
	NONCE_MISSING(HttpStatus.UNAUTHORIZED),
	NONCE_REPLAYED(HttpStatus.UNAUTHORIZED),
	NONCE_MISMATCH(HttpStatus.UNAUTHORIZED),
	DEPLOYMENT_MISSING(HttpStatus.BAD_REQUEST),
	DEPLOYMENT_UNKNOWN(HttpStatus.FORBIDDEN),
	MESSAGE_TYPE_UNSUPPORTED(HttpStatus.BAD_REQUEST),
	VERSION_UNSUPPORTED(HttpStatus.BAD_REQUEST),
	TARGET_LINK_URI_FOREIGN(HttpStatus.BAD_REQUEST),
	RESOURCE_LINK_ID_MISSING(HttpStatus.BAD_REQUEST),
	ROLES_MISSING(HttpStatus.BAD_REQUEST),
	SUBJECT_MISSING(HttpStatus.BAD_REQUEST),
	CLAIM_MALFORMED(HttpStatus.BAD_REQUEST);

	private final HttpStatus status;

	LaunchFailure(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String messageKey() {
		return "launch.failure." + name();
	}

}
