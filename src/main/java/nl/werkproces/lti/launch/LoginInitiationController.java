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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step 1 of the launch: the platform's third-party initiated login (GET or POST). Checks the platform, keeps
 * state and nonce server-side, binds them to this browser with a cookie and sends the browser to the platform's
 * authorization endpoint.
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
	ResponseEntity<Void> login(@RequestParam Map<String, String> parameters, HttpServletRequest request,
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
		String browserId = BrowserCookies.get(request, BROWSER_COOKIE).orElseGet(SecureTokens::next);
		BrowserCookies.set(request, response, BROWSER_COOKIE, browserId, Duration.ofDays(1));
		LoginState state = this.states.create(platform.id(), login, SecureTokens.sha256(browserId));
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
		String authorization = withQuery(platform.authorizationEndpoint(), query);
		log.debug("Login initiated for platform {} (client {})", platform.issuer(), platform.clientId());
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, authorization)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
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
