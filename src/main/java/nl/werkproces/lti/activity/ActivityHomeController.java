package nl.werkproces.lti.activity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.spec.MessageType;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a launch arrives: sends the user to the page for their message type and role. Deep Linking →
 * the teacher's picker; a set-up activity → the student's or teacher's page; an activity not set up yet → the
 * teacher chooses its werkproces, students see that it is not ready.
 */
@Controller
class ActivityHomeController {

	private final CurrentActivity current;

	ActivityHomeController(CurrentActivity current) {
		this.current = current;
	}

	@GetMapping("/app")
	String home(@AuthenticationPrincipal LaunchSession launch, Model model,
			HttpServletResponse response) {
		if (launch.messageType() == MessageType.DEEP_LINKING) {
			if (!launch.isStaff()) {
				response.setStatus(HttpStatus.FORBIDDEN.value());
				model.addAttribute("introKey", "home.deepLinkingRefused");
				return page("activity/not-ready", launch, model);
			}
			return LaunchSessionCookie.redirect("/app/deep-linking");
		}
		Optional<Activity> activity = this.current.of(launch);
		if (activity.isEmpty()) {
			if (launch.resourceLink() != null && launch.isStaff()) {
				return LaunchSessionCookie.redirect("/app/setup");
			}
			model.addAttribute("introKey", "home.notReady");
			return page("activity/not-ready", launch, model);
		}
		return LaunchSessionCookie.redirect(launch.isStaff() ? "/app/teacher" : "/app/student");
	}

	private static String page(String view, LaunchSession launch, Model model) {
		model.addAttribute("launch", launch);
		model.addAttribute("roles", launch.roles().stream().map(Enum::name).toList());
		return view;
	}

}
