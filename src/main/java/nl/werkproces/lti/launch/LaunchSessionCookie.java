package nl.werkproces.lti.launch;

/** Names under which a launch session id travels: cookie, request parameter (links and forms) and header. */
public final class LaunchSessionCookie {

	public static final String NAME = "lti_session";

	public static final String PARAMETER = "lsid";

	public static final String HEADER = "X-LTI-Session";

	private LaunchSessionCookie() {
	}

}
