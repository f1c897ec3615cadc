package nl.werkproces.lti.launch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.web.BrowserCookies;
import nl.werkproces.lti.web.FrameAncestorsFilter;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * Step 1 of the launch: the platform's third-party initiated login (GET or POST). Checks the platform, keeps
 * state and nonce server-side, binds them to this browser with a cookie and sends the browser to the platform's
 * authorization endpoint.
 * <p>
 * In a frame of another site (fetch metadata) the browser may refuse the tool's cookies, and the platform's single
 * use {@code lti_message_hint} (Moodle) allows no second try once the platform answered. There the login first
 * answers with a small page ({@code launch/check}) that asks the tool, from the frame, whether its cookie came back:
 * if so it goes on to the platform at once; if not it stores state and nonce in the platform's storage when the
 * platform offered it ({@code lti_storage_target}), else it offers to start this login again in a new window. A
 * top-level login and a client without fetch metadata are sent to the platform at once.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#step-2-authentication-request">Security Framework
 * §5.1.1.2</a>
 */
@Controller
class LoginInitiationController {

	static final String BROWSER_COOKIE = "lti_browser";

	private static final Logger log = LoggerFactory.getLogger(LoginInitiationController.class);

	private final PlatformRegistrations registrations;

	private final LoginStates states;

	private final ToolUrls urls;

	private final LoginRateLimit rateLimit;

	private final LaunchProperties properties;

	private final FrameAncestorsFilter policies;

	LoginInitiationController(PlatformRegistrations registrations, LoginStates states, ToolUrls urls,
			LoginRateLimit rateLimit, LaunchProperties properties, FrameAncestorsFilter policies) {
		this.policies = policies;
		this.registrations = registrations;
		this.states = states;
		this.urls = urls;
		this.rateLimit = rateLimit;
		this.properties = properties;
	}

	@RequestMapping(path = "/lti/login", method = { RequestMethod.GET, RequestMethod.POST })
	ModelAndView login(@RequestParam Map<String, String> parameters, HttpServletRequest request,
			HttpServletResponse response) {
		LoginInitiation login = LoginInitiation.from(parameters);
		String missing = login.missingParameter();
		if (missing != null) {
			throw new LaunchException(LaunchFailure.LOGIN_PARAMETER_MISSING, "parameter " + missing);
		}
		String tooLong = login.tooLongHint(this.properties.maxHintLength());
		if (tooLong != null) {
			throw new LaunchException(LaunchFailure.LOGIN_HINT_TOO_LONG,
					tooLong + " longer than " + this.properties.maxHintLength() + " bytes");
		}
		Platform platform = this.registrations.find(login.issuer(), login.clientId())
			.orElseThrow(() -> new LaunchException(LaunchFailure.LOGIN_PLATFORM_UNKNOWN,
					"iss " + login.issuer() + ", client_id " + login.clientId()));
		if (!platform.enabled()) {
			throw new LaunchException(LaunchFailure.PLATFORM_DISABLED, "platform " + platform.issuer());
		}
		// a refusal from here on is shown in this platform's iframe
		this.policies.allowOnlyPlatform(response, platform.id());
		URI toolBase = this.urls.baseUrl(request);
		if (!IdTokenRules.pointsAtTool(login.targetLinkUri(), toolBase)) {
			throw new LaunchException(LaunchFailure.LOGIN_TARGET_LINK_URI_FOREIGN,
					"target_link_uri " + login.targetLinkUri());
		}
		this.rateLimit.acquire(request.getRemoteAddr());
		boolean check = FetchMetadata.crossSiteFrame(request);
		String storageTarget = check ? login.storageTarget() : null;
		if (check && storageTarget == null && !BrowserCookies.crossSiteCapable(request)) {
			throw new LaunchException(LaunchFailure.CROSS_SITE_WITHOUT_TLS,
					"cross-site frame over plain http on host " + limit(request.getServerName()), platform.id());
		}
		String browserId = BrowserCookies.get(request, BROWSER_COOKIE).orElseGet(SecureTokens::next);
		BrowserCookies.set(request, response, BROWSER_COOKIE, browserId, Duration.ofDays(1));
		String storageSecret = (storageTarget != null) ? SecureTokens.next() : null;
		LoginState state = this.states.create(platform.id(), login, SecureTokens.sha256(browserId),
				(storageSecret != null) ? SecureTokens.sha256(storageSecret) : null);
		String authorization = authorizationUrl(platform, login, state, request);
		log.debug("Login initiated for platform {} (client {}){}", platform.issuer(), platform.clientId(),
				check ? ", checking cookies in its frame first" : "");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (!check) {
			response.setStatus(HttpStatus.FOUND.value());
			response.setHeader(HttpHeaders.LOCATION, authorization);
			return null;
		}
		ModelAndView page = new ModelAndView("launch/check");
		page.addObject("authorization", authorization);
		page.addObject("cookieCheck", this.urls.url(request, "/lti/login/cookie-check?state=" + state.state()));
		page.addObject("restart", login.restartParameters(platform.issuer(), login.clientId()));
		// a plain action: a th:action form would get a CSRF field, and with it an HTTP session per login
		page.addObject("newWindowAction", this.urls.url(request, "/lti/login"));
		if (storageSecret != null) {
			page.addObject("storageTarget", storageTarget);
			page.addObject("platformOrigin", origin(platform.authorizationEndpoint()));
			page.addObject("stateKey", state.storageStateKey());
			page.addObject("stateValue", storageSecret);
			page.addObject("nonceKey", state.storageNonceKey());
			page.addObject("nonceValue", state.nonce());
		}
		return page;
	}

	/**
	 * Answers the login check page's same-origin request: whether the browser cookie set with that page came back in
	 * this context (a browser that blocks the tool's cookies in the platform's frame sends none).
	 */
	@GetMapping(path = "/lti/login/cookie-check", produces = "application/json")
	@ResponseBody
	ResponseEntity<Map<String, Boolean>> cookieCheck(@RequestParam(required = false) String state,
			HttpServletRequest request) {
		String browserId = BrowserCookies.get(request, BROWSER_COOKIE).orElse(null);
		boolean cookie = browserId != null && state != null && state.length() <= 64 && this.states.find(state)
			.filter((login) -> SecureTokens.same(SecureTokens.sha256(browserId), login.browserHash()))
			.isPresent();
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(Map.of("cookie", cookie));
	}

	private String authorizationUrl(Platform platform, LoginInitiation login, LoginState state,
			HttpServletRequest request) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("scope", "openid");
		query.put("response_type", "id_token");
		query.put("response_mode", "form_post");
		query.put("prompt", "none");
		query.put("client_id", platform.clientId());
		query.put("redirect_uri", this.urls.url(request, "/lti/launch"));
		query.put("login_hint", login.loginHint());
		query.put("state", state.state());
		query.put("nonce", state.nonce());
		if (login.ltiMessageHint() != null) {
			query.put("lti_message_hint", login.ltiMessageHint());
		}
		return withQuery(platform.authorizationEndpoint(), query);
	}

	/** The origin ({@code scheme://host[:port]}) of a URL, the target of the platform-storage messages. */
	static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	private static String limit(String text) {
		return (text == null) ? "" : text.substring(0, Math.min(text.length(), 100)).replaceAll("[\\r\\n\\t]", " ");
	}

	private static String withQuery(String url, Map<String, String> query) {
		StringBuilder result = new StringBuilder(url);
		char separator = url.contains("?") ? '&' : '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			result.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return result.toString();
	}

}
