package nl.werkproces.lti.launch;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.web.FrameAncestorsFilter;
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
 * can check, with the reason code; logs one line and counts {@code lti.launch.rejected} per reason. The page
 * offers only the remedy that works for the cause; it never posts a login again after the platform answered (a
 * platform such as Moodle accepts its {@code lti_message_hint} once).
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
		String detail = RejectionDetail.safe(ex.getMessage().substring(failure.name().length() + 2));
		log.atWarn()
			.addKeyValue("lti.event", "lti.launch")
			.addKeyValue("outcome", "rejected")
			.addKeyValue("reason", failure.name())
			.log("Launch rejected [{}]: {}", failure.name(), detail);
		if (failure.status() != HttpStatus.TOO_MANY_REQUESTS) {
			// a flood refused for its rate is not written down either
			try {
				if (!this.rejections.record(failure, detail)) {
					this.meters.counter("lti.launch.rejected.unrecorded", "reason", failure.name()).increment();
				}
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
		page.addObject("remedy", remedy(failure));
		if (ex.platformId() != null) {
			this.policies.allowOnlyPlatform(response, ex.platformId());
		}
		return page;
	}

	/** What the person in front of the page can do about this refusal (only what works for its cause). */
	private static String remedy(LaunchFailure failure) {
		return switch (failure) {
			case STATE_COOKIE_MISSING, CROSS_SITE_WITHOUT_TLS, STATE_EXPIRED, STATE_USED ->
				"launch.remedy." + failure.name();
			default -> "launch.rejected.retry";
		};
	}

	/**
	 * The language for the page: the (unverified) id_token's launch locale, which is safe to use for choosing a
	 * language only, else the browser's.
	 */
	private Locale locale(HttpServletRequest request) {
		return UnverifiedClaims.of(request.getParameter("id_token"), this.json)
			.locale()
			.map(SupportedLocales::of)
			.orElseGet(() -> new ToolLocaleResolver().resolveLocale(request));
	}

}
