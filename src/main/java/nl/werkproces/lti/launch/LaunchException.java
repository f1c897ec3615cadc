package nl.werkproces.lti.launch;

/**
 * A refused login initiation or launch. Carries the reason, a detail for the log (never a token) and, for a
 * launch whose state cookie did not come back, the login to restart in a new window.
 */
public class LaunchException extends RuntimeException {

	private final LaunchFailure failure;

	private final transient LoginState relaunch;

	public LaunchException(LaunchFailure failure, String detail) {
		this(failure, detail, null);
	}

	LaunchException(LaunchFailure failure, String detail, LoginState relaunch) {
		super(failure.name() + ": " + detail, null, false, false);
		this.failure = failure;
		this.relaunch = relaunch;
	}

	public LaunchFailure failure() {
		return this.failure;
	}

	LoginState relaunch() {
		return this.relaunch;
	}

}
