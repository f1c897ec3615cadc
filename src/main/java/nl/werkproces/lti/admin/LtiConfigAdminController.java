package nl.werkproces.lti.admin;

import jakarta.servlet.http.HttpServletRequest;

import nl.werkproces.lti.web.ToolUrls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The values for Moodle's manual "Add tool" form, with this tool's real base URL filled in, to copy. */
@Controller
class LtiConfigAdminController {

	private final ToolUrls urls;

	LtiConfigAdminController(ToolUrls urls) {
		this.urls = urls;
	}

	@GetMapping("/admin/lti-config")
	String config(HttpServletRequest request, Model model) {
		model.addAttribute("base", this.urls.baseUrl(request).toString());
		return "admin/lti-config";
	}

}
