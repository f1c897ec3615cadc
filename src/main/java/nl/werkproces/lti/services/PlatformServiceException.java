package nl.werkproces.lti.services;

/**
 * A call to a platform service (token endpoint, AGS, NRPS) that did not succeed. The message names the reason,
 * the platform and what happened in plain words; it never contains a token or an assertion.
 */
public class PlatformServiceException extends RuntimeException {

	private final ServiceFailure failure;

	private final int status;

	private final String platformMessage;

	public PlatformServiceException(ServiceFailure failure, String detail) {
		this(failure, 0, null, detail);
	}

	public PlatformServiceException(ServiceFailure failure, int status, String platformMessage, String detail) {
		super(failure.name() + ": " + detail, null, false, false);
		this.failure = failure;
		this.status = status;
		this.platformMessage = platformMessage;
	}

	public ServiceFailure failure() {
		return this.failure;
	}

	/** The HTTP status of the platform's answer, 0 when there was none. */
	public int status() {
		return this.status;
	}

	/** What the platform said (its error text), or {@code null}. */
	public String platformMessage() {
		return this.platformMessage;
	}

	public boolean temporary() {
		return this.failure.temporary();
	}

}
