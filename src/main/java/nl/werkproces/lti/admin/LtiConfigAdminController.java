package nl.werkproces.lti.admin;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import nl.werkproces.lti.registration.DynamicRegistrationProperties;
import nl.werkproces.lti.registration.ToolRegistration;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The values for Moodle's manual "Add tool" form, with this tool's real base URL filled in, to copy, and what a
 * Moodle 4.5 admin and teacher must do besides: let Moodle reach the tool (cURL blocked hosts and allowed ports,
 * the TLS certificate), show the tool in the activity chooser, and the real path to add an activity.
 */
@Controller
class LtiConfigAdminController {

	private final ToolUrls urls;

	private final DynamicRegistrationProperties registration;

	LtiConfigAdminController(ToolUrls urls, DynamicRegistrationProperties registration) {
		this.urls = urls;
		this.registration = registration;
	}

	@GetMapping("/admin/lti-config")
	String config(HttpServletRequest request, Model model) {
		URI base = this.urls.baseUrl(request);
		model.addAttribute("base", base.toString());
		model.addAttribute("toolName", ToolRegistration.clientName(this.registration.toolName(), base));
		// as text: a number would be formatted for the page's language (8.443)
		model.addAttribute("port", String.valueOf((base.getPort() != -1) ? base.getPort()
				: "http".equals(base.getScheme()) ? 80 : 443));
		return "admin/lti-config";
	}

}
