package nl.werkproces.lti.launch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.web.FrameAncestorsFilter;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.web.ToolLocaleResolver;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a refused login or launch into a page in the user's language that says what failed and what an admin
 * can check, with the reason code; logs one line and counts {@code lti.launch.rejected} per reason. When the
 * state cookie did not come back (third-party cookies blocked) the page offers to launch again in a new window.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LaunchFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(LaunchFailureHandler.class);

	private final MeterRegistry meters;

	private final PlatformRegistrations registrations;

	private final JsonMapper json;

	private final MessageSource messages;

	private final RejectedLaunches rejections;

	private final LaunchProperties properties;

	private final FrameAncestorsFilter policies;

	LaunchFailureHandler(MeterRegistry meters, PlatformRegistrations registrations, FrameAncestorsFilter policies,
			JsonMapper json, MessageSource messages, RejectedLaunches rejections, LaunchProperties properties) {
		this.policies = policies;
		this.properties = properties;
		this.rejections = rejections;
		this.meters = meters;
		this.registrations = registrations;
		this.json = json;
		this.messages = messages;
	}

	@ExceptionHandler(LaunchException.class)
	ModelAndView rejected(LaunchException ex, HttpServletRequest request, HttpServletResponse response) {
		LaunchFailure failure = ex.failure();
		String detail = ex.getMessage().substring(failure.name().length() + 2);
		log.atWarn()
			.addKeyValue("lti.event", "lti.launch")
			.addKeyValue("outcome", "rejected")
			.addKeyValue("reason", failure.name())
			.log("Launch rejected [{}]: {}", failure.name(), detail);
		if (failure.status() != HttpStatus.TOO_MANY_REQUESTS) {
			// a flood refused for its rate is not written down either
			try {
				this.rejections.record(failure, detail);
			}
			catch (RuntimeException recordingFailed) {
				log.warn("Could not record the rejected launch: {}", recordingFailed.getClass().getSimpleName());
			}
		}
		this.meters.counter("lti.launch.rejected", "reason", failure.name()).increment();
		Locale locale = (failure == LaunchFailure.FORM_TOO_LARGE) ? new ToolLocaleResolver().resolveLocale(request)
				: locale(request);
		request.setAttribute(ToolLocaleResolver.ATTRIBUTE, locale);
		String[] text = this.messages.getMessage(failure.messageKey(), null, failure.name(), locale).split("\\|", 2);
		response.setHeader("Cache-Control", "no-store");
		if (failure.status() == HttpStatus.TOO_MANY_REQUESTS) {
			response.setHeader("Retry-After", String.valueOf(Math.max(1, this.properties.loginRateWindow().toSeconds())));
		}
		ModelAndView page = new ModelAndView("launch/rejected");
		page.setStatus(failure.status());
		page.addObject("reason", failure.name());
		page.addObject("what", text[0]);
		page.addObject("hint", (text.length > 1) ? text[1] : "");
		if (ex.relaunch() != null) {
			page.addObject("relaunch", relaunchForm(ex.relaunch()));
			this.policies.allowOnlyPlatform(response, ex.relaunch().platformId());
		}
		return page;
	}

	private Map<String, String> relaunchForm(LoginState login) {
		Map<String, String> fields = new LinkedHashMap<>();
		this.registrations.findById(login.platformId()).ifPresent((platform) -> {
			fields.put("iss", platform.issuer());
			fields.put("client_id", platform.clientId());
		});
		fields.put("login_hint", login.loginHint());
		fields.put("target_link_uri", login.targetLinkUri());
		if (login.ltiMessageHint() != null) {
			fields.put("lti_message_hint", login.ltiMessageHint());
		}
		if (login.deploymentId() != null) {
			fields.put("lti_deployment_id", login.deploymentId());
		}
		return fields;
	}

	/**
	 * The language for the page: the (unverified) id_token's launch locale, which is safe to use for choosing a
	 * language only, else the browser's.
	 */
	private Locale locale(HttpServletRequest request) {
		String idToken = request.getParameter("id_token");
		if (idToken != null && idToken.length() < 32 * 1024) {
			String[] parts = idToken.split("\\.");
			if (parts.length == 3) {
				try {
					Map<?, ?> claims = this.json.readValue(
							new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), Map.class);
					if (claims != null && claims.get(LtiClaims.LAUNCH_PRESENTATION) instanceof Map<?, ?> presentation
							&& presentation.get("locale") instanceof String locale) {
						return SupportedLocales.of(locale);
					}
					if (claims != null && claims.get("locale") instanceof String locale) {
						return SupportedLocales.of(locale);
					}
				}
				catch (RuntimeException ex) {
					// not readable: fall back to the browser's language
				}
			}
		}
		return new ToolLocaleResolver().resolveLocale(request);
	}

}
