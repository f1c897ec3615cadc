package nl.werkproces.lti.launch;

import jakarta.servlet.http.HttpServletRequest;

import nl.werkproces.lti.web.BrowserCookies;

/** Names under which a launch session id travels: cookie, request parameter (links and forms) and header. */
public final class LaunchSessionCookie {

	public static final String NAME = "lti_session";

	public static final String PARAMETER = "lsid";

	public static final String HEADER = "X-LTI-Session";

	private LaunchSessionCookie() {
	}

	/**
	 * A redirect to a page of the launch: the session id goes into the URL (where proxy logs and history keep it)
	 * only when this browser's cookie does not carry it, as in an iframe that blocks third-party cookies.
	 */
	public static String redirect(HttpServletRequest request, String path, String lsid) {
		boolean cookieCarriesIt = lsid != null
				&& BrowserCookies.get(request, NAME).filter(lsid::equals).isPresent();
		if (cookieCarriesIt || lsid == null || lsid.isBlank()) {
			return "redirect:" + path;
		}
		return "redirect:" + path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + lsid;
	}

}
