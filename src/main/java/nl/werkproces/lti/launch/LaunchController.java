package nl.werkproces.lti.launch;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.web.BrowserCookies;
import nl.werkproces.lti.web.FrameAncestorsFilter;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The redirect URI: receives the platform's form_post with {@code id_token} and {@code state}, and on success
 * sends the browser on to the tool's page with the launch session in its cookie. When the login's state cookie came
 * back here, the browser sends the tool's cookies in this window, so the session cookie set now will come back too:
 * the 303 goes to plain {@code /app}. Only a launch whose state did not travel in a cookie (platform storage) gets
 * a short-lived link token ({@link LaunchLinkTokens}) in the URL; never the session id. When the login kept its
 * state in the platform's storage and no cookie came back, it first answers with a page that reads that storage and
 * posts the launch again.
 */
@Controller
class LaunchController {

	private final Launches launches;

	private final ToolUrls urls;

	private final LaunchProperties properties;

	private final PlatformRegistrations registrations;

	private final FrameAncestorsFilter policies;

	private final LaunchSessions sessions;

	private final LaunchLinkTokens linkTokens;

	LaunchController(Launches launches, ToolUrls urls, LaunchProperties properties,
			PlatformRegistrations registrations, FrameAncestorsFilter policies, LaunchSessions sessions,
			LaunchLinkTokens linkTokens) {
		this.registrations = registrations;
		this.policies = policies;
		this.launches = launches;
		this.urls = urls;
		this.properties = properties;
		this.sessions = sessions;
		this.linkTokens = linkTokens;
	}

	@PostMapping("/lti/launch")
	ModelAndView launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(name = "state", required = false) String state,
			@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			@RequestParam(name = "lti_storage_secret", required = false) String storageSecret,
			@RequestParam(name = "lti_storage_nonce", required = false) String storageNonce,
			HttpServletRequest request, HttpServletResponse response) {
		if (error != null && idToken == null) {
			throw new LaunchException(LaunchFailure.PLATFORM_ERROR,
					"platform answered " + limit(error) + ": " + limit(errorDescription));
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String browserId = BrowserCookies.get(request, LoginInitiationController.BROWSER_COOKIE).orElse(null);
		URI toolBase = this.urls.baseUrl(request);
		boolean ownPage = storageSecret != null && !storageSecret.isBlank()
				&& FetchMetadata.fromOwnPage(request, LoginInitiationController.origin(toolBase.toString()));
		if (browserId == null && !ownPage && idToken != null && !idToken.isBlank()) {
			Optional<LoginState> stored = this.launches.awaitingPlatformStorage(state);
			Optional<Platform> platform = stored.flatMap((login) -> this.registrations.findById(login.platformId()));
			if (stored.isPresent() && platform.isPresent()) {
				return storagePage(idToken, stored.get(), platform.get(), request, response);
			}
		}
		BrowserBinding binding = new BrowserBinding(browserId, ownPage ? storageSecret : null,
				ownPage ? storageNonce : null, FetchMetadata.whenNoCookie(request));
		String sessionId = this.launches.accept(idToken, state, binding, toolBase);
		BrowserCookies.set(request, response, LaunchSessionCookie.NAME, sessionId, this.properties.sessionLifetime());
		String page = "/app";
		if (browserId == null) {
			// no cookie came back in this window (platform storage): a short-lived link token, never the session id
			page += "?" + LaunchSessionCookie.PARAMETER + "="
					+ this.linkTokens.issue(this.sessions.find(sessionId).orElseThrow());
		}
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, this.urls.url(request, page));
		return null;
	}

	/**
	 * The tool's page that asks the platform's frame for the secret and nonce the login page stored there, and
	 * posts the launch again with them (same origin, so a cross-site form cannot do the same).
	 */
	private ModelAndView storagePage(String idToken, LoginState login, Platform platform, HttpServletRequest request,
			HttpServletResponse response) {
		this.policies.allowOnlyPlatform(response, platform.id());
		ModelAndView page = new ModelAndView("launch/storage");
		page.addObject("launchAction", this.urls.url(request, "/lti/launch"));
		page.addObject("idToken", idToken);
		page.addObject("state", login.state());
		page.addObject("storageTarget", login.storageTarget());
		page.addObject("platformOrigin", LoginInitiationController.origin(platform.authorizationEndpoint()));
		page.addObject("stateKey", login.storageStateKey());
		page.addObject("nonceKey", login.storageNonceKey());
		return page;
	}

	private static String limit(String text) {
		if (text == null) {
			return "";
		}
		String clean = text.replaceAll("[\\r\\n\\t]", " ");
		return (clean.length() > 200) ? clean.substring(0, 200) : clean;
	}

}
