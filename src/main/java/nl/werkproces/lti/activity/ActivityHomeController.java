package nl.werkproces.lti.activity;

import nl.werkproces.lti.launch.LaunchSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page a launch arrives at: who the user is, in which role, course and activity. */
@Controller
class ActivityHomeController {

	@GetMapping("/app")
	String home(@AuthenticationPrincipal LaunchSession launch, Model model) {
		model.addAttribute("launch", launch);
		model.addAttribute("roles", launch.roles().stream().map(Enum::name).toList());
		return "activity/home";
	}

}
