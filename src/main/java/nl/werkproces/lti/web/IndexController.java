package nl.werkproces.lti.web;

import nl.werkproces.lti.demo.DemoProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The tool's front page: what it is and where to try it. */
@Controller
class IndexController {

	private final DemoProperties demo;

	IndexController(DemoProperties demo) {
		this.demo = demo;
	}

	@GetMapping("/")
	String index(Model model) {
		model.addAttribute("demoEnabled", this.demo.enabled());
		return "index";
	}

	/** Browsers and other clients that ask for the classic address get the tool's SVG icon. */
	@GetMapping("/favicon.ico")
	String favicon() {
		return "redirect:/img/favicon.svg";
	}

}
