package nl.werkproces.lti.admin;

import java.util.Comparator;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The tool admin's pages: sign-in and the overview of registered platforms. */
@Controller
class AdminController {

	private final PlatformRegistrations registrations;

	AdminController(PlatformRegistrations registrations) {
		this.registrations = registrations;
	}

	@GetMapping("/admin/login")
	String login() {
		return "admin/login";
	}

	@GetMapping("/admin")
	String overview(Model model) {
		model.addAttribute("platforms",
				this.registrations.findAll().stream().sorted(Comparator.comparing(Platform::name)).toList());
		return "admin/overview";
	}

}
