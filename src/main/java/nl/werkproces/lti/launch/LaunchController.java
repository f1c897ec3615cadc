package nl.werkproces.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.web.BrowserCookies;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The redirect URI: receives the platform's form_post with {@code id_token} and {@code state}, and on success
 * sends the browser on to the tool's page with the launch session in its cookie. When the login's state cookie came
 * back here, the browser sends the tool's cookies in this window, so the session cookie set now will come back too:
 * the 303 goes to plain {@code /app}. Only a launch whose state did not travel in a cookie (platform storage) gets
 * a short-lived link token ({@link LaunchLinkTokens}) in the URL; never the session id.
 */
@Controller
class LaunchController {

	private final Launches launches;

	private final ToolUrls urls;

	private final LaunchProperties properties;

	private final LaunchSessions sessions;

	private final LaunchLinkTokens linkTokens;

	LaunchController(Launches launches, ToolUrls urls, LaunchProperties properties, LaunchSessions sessions,
			LaunchLinkTokens linkTokens) {
		this.launches = launches;
		this.urls = urls;
		this.properties = properties;
		this.sessions = sessions;
		this.linkTokens = linkTokens;
	}

	@PostMapping("/lti/launch")
	ResponseEntity<Void> launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(name = "state", required = false) String state,
			@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			HttpServletRequest request, HttpServletResponse response) {
		if (error != null && idToken == null) {
			throw new LaunchException(LaunchFailure.PLATFORM_ERROR,
					"platform answered " + limit(error) + ": " + limit(errorDescription));
		}
		String browserId = BrowserCookies.get(request, LoginInitiationController.BROWSER_COOKIE).orElse(null);
		String sessionId = this.launches.accept(idToken, state, browserId, this.urls.baseUrl(request));
		BrowserCookies.set(request, response, LaunchSessionCookie.NAME, sessionId, this.properties.sessionLifetime());
		String page = "/app";
		if (browserId == null) {
			page += "?" + LaunchSessionCookie.PARAMETER + "="
					+ this.linkTokens.issue(this.sessions.find(sessionId).orElseThrow());
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.header(HttpHeaders.LOCATION, this.urls.url(request, page))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}

	private static String limit(String text) {
		if (text == null) {
			return "";
		}
		String clean = text.replaceAll("[\\r\\n\\t]", " ");
		return (clean.length() > 200) ? clean.substring(0, 200) : clean;
	}

}
