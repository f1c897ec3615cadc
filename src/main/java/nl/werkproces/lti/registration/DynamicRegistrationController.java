package nl.werkproces.lti.registration;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.web.FrameAncestorsFilter;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The registration URL a Moodle admin pastes into "Manage tools": Moodle opens it (in a dialog) with
 * {@code openid_configuration} and {@code registration_token}; the tool registers itself and closes the dialog
 * with the {@code org.imsglobal.lti.close} message.
 */
@Controller
class DynamicRegistrationController {

	private static final Logger log = LoggerFactory.getLogger(DynamicRegistrationController.class);

	private final DynamicRegistrations registrations;

	private final ToolUrls urls;

	private final MeterRegistry meters;

	DynamicRegistrationController(DynamicRegistrations registrations, ToolUrls urls, MeterRegistry meters) {
		this.registrations = registrations;
		this.urls = urls;
		this.meters = meters;
	}

	@GetMapping("/lti/register")
	String register(@RequestParam(name = "openid_configuration", required = false) String configuration,
			@RequestParam(name = "registration_token", required = false) String registrationToken,
			@RequestParam(name = "invite", required = false) String invite, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		allowFramingBy(configuration, response);
		Platform platform = this.registrations.register(configuration, registrationToken, invite,
				this.urls.baseUrl(request).toString());
		this.meters.counter("lti.registration.completed").increment();
		model.addAttribute("platformName", platform.name());
		model.addAttribute("issuer", platform.issuer());
		return "registration/done";
	}

	@ExceptionHandler(DynamicRegistrationException.class)
	ModelAndView refused(DynamicRegistrationException ex, HttpServletRequest request, HttpServletResponse response) {
		log.warn("Dynamic registration refused [{}]: {}", ex.reason().name(),
				ex.getMessage().substring(ex.reason().name().length() + 2));
		this.meters.counter("lti.registration.refused", "reason", ex.reason().name()).increment();
		allowFramingBy(request.getParameter("openid_configuration"), response);
		ModelAndView page = new ModelAndView("registration/failed");
		page.setStatus(ex.reason().status());
		page.addObject("reason", ex.reason().name());
		page.addObject("platformMessage", ex.platformMessage());
		return page;
	}

	/**
	 * Moodle shows the registration page in a dialog of its own origin, before it is a registered platform: the
	 * page may be framed by the configuration URL's origin (scheme, host and port, nothing of its path or user
	 * info) when that is a {@linkplain PlatformUrls#secure secure} URL. Only the {@code frame-ancestors}
	 * directive changes; the rest of the policy stays.
	 */
	static void allowFramingBy(String configurationUrl, HttpServletResponse response) {
		PlatformUrls.secure(configurationUrl)
			.ifPresent((uri) -> FrameAncestorsFilter.allowFramingOnlyBy(response, PlatformUrls.origin(uri)));
	}

}
