package nl.werkproces.lti.services;

/**
 * Why a call to a platform service failed. {@link #temporary()} failures are worth retrying later; the others
 * need someone to change something (the registration, the enrolment, the request).
 */
public enum ServiceFailure {

	/** The token endpoint refused the client assertion or the scopes ({@code invalid_client}, ...). */
	TOKEN_REFUSED(true),
	/** The token endpoint could not be reached or answered with a server error or nonsense. */
	TOKEN_UNAVAILABLE(true),
	/** The service refused the access token, also after a fresh one. */
	UNAUTHORIZED(true),
	/** The service refused the request (4xx): the platform's answer says why. */
	REJECTED(false),
	/** The service could not be reached, timed out or answered with a server error (5xx). */
	UNAVAILABLE(true),
	/** The service answered something that is not what the specification describes. */
	INVALID_RESPONSE(true);

	private final boolean temporary;

	ServiceFailure(boolean temporary) {
		this.temporary = temporary;
	}

	public boolean temporary() {
		return this.temporary;
	}

}
