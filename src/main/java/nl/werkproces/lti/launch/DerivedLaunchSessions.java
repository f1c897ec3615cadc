package nl.werkproces.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.web.BrowserCookies;

import org.springframework.stereotype.Component;

/**
 * Opens a session derived from the current one ({@link LaunchSessions#derive}) in the browser, under the same rule as
 * every other page of a launch: when the browser's cookie carries the current session, the cookie now carries the
 * derived one and the path stays plain (nothing for proxy logs and history to keep), as a launch of that activity
 * in another tab would; without the cookie, the path carries a link token of the derived session.
 */
@Component
public class DerivedLaunchSessions {

	private final LaunchLinkTokens tokens;

	private final LaunchProperties properties;

	DerivedLaunchSessions(LaunchLinkTokens tokens, LaunchProperties properties) {
		this.tokens = tokens;
		this.properties = properties;
	}

	/** The path to redirect to, on the derived session. */
	public String open(HttpServletRequest request, HttpServletResponse response, LaunchSessions.Derived derived,
			String path) {
		if (LaunchSessionCookie.fromCookie()) {
			BrowserCookies.set(request, response, LaunchSessionCookie.NAME, derived.id(),
					this.properties.sessionLifetime());
			return path;
		}
		return LaunchSessionCookie.withToken(path, this.tokens.issue(derived.session()));
	}

}
