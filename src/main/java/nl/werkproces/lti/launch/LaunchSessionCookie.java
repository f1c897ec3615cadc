package nl.werkproces.lti.launch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Names under which a launch session travels: cookie (the session id), header (the session id, for scripts) and
 * request parameter (only a short-lived {@link LaunchLinkTokens link token}, only when the cookie does not carry
 * the session); and the redirect between a launch's pages that follows the same rule.
 */
public final class LaunchSessionCookie {

	public static final String NAME = "lti_session";

	public static final String PARAMETER = "lsid";

	public static final String HEADER = "X-LTI-Session";

	private LaunchSessionCookie() {
	}

	/**
	 * {@code redirect:} to a page of the current launch: the plain path when the browser's cookie carries the session
	 * (nothing for proxy logs and history to keep), otherwise with a fresh link token.
	 */
	public static String redirect(String path) {
		return "redirect:" + withLinkToken(path);
	}

	/** The path, plus the link token of the current request when its session did not come from the cookie. */
	public static String withLinkToken(String path) {
		String token = linkToken();
		return (token == null) ? path : withToken(path, token);
	}

	/** The path with this link token (for a browser whose cookie does not carry the token's session). */
	static String withToken(String path, String token) {
		return path + (path.contains("?") ? "&" : "?") + PARAMETER + "="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

	/**
	 * The current request's fresh link token for links and redirects; {@code null} when the browser's cookie carries
	 * the session or the request has none.
	 */
	public static String linkToken() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof LaunchAuthentication launch) ? launch.linkToken() : null;
	}

	/** The current request's fresh link token for the hidden {@code lsid} field of forms (cookie or not). */
	public static String formToken() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof LaunchAuthentication launch) ? launch.formToken() : null;
	}

	/** Whether the current request's session came with the browser's cookie. */
	public static boolean fromCookie() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof LaunchAuthentication launch && launch.fromCookie();
	}

}
