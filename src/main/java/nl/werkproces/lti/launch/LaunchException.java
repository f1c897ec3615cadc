package nl.werkproces.lti.launch;

/**
 * A refused login initiation or launch. Carries the reason, a detail for the log (never a token) and, for a
 * launch whose state cookie did not come back, the login to restart in a new window.
 */
public class LaunchException extends RuntimeException {

	private final LaunchFailure failure;

	private final Long platformId;

	public LaunchException(LaunchFailure failure, String detail) {
		this(failure, detail, null);
	}

	LaunchException(LaunchFailure failure, String detail, Long platformId) {
		super(failure.name() + ": " + detail, null, false, false);
		this.failure = failure;
		this.platformId = platformId;
	}

	public LaunchFailure failure() {
		return this.failure;
	}

	/** The platform of the refused login, or {@code null} when it is not known. */
	Long platformId() {
		return this.platformId;
	}

}
