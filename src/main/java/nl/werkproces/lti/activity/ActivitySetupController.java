package nl.werkproces.lti.activity;

import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** A resource link made by hand (no werkproces in its custom values): the teacher chooses the werkproces once. */
@Controller
class ActivitySetupController {

	private final WerkprocesChoices choices;

	private final DossierCatalog catalog;

	private final Activities activities;

	private final CurrentActivity current;

	private final SchoolClock clock;

	ActivitySetupController(WerkprocesChoices choices, DossierCatalog catalog, Activities activities,
			CurrentActivity current, SchoolClock clock) {
		this.clock = clock;
		this.choices = choices;
		this.catalog = catalog;
		this.activities = activities;
		this.current = current;
	}

	@GetMapping("/app/setup")
	ModelAndView picker(@AuthenticationPrincipal LaunchSession launch,
			@RequestParam(required = false) Long dossier, @RequestParam(required = false) String profiel,
			@RequestParam(required = false) String q) {
		if (check(launch)) {
			return new ModelAndView(LaunchSessionCookie.redirect("/app/teacher"));
		}
		return page(dossier, profiel, q, null, HttpStatus.OK);
	}

	@PostMapping("/app/setup")
	ModelAndView choose(@AuthenticationPrincipal LaunchSession launch,
			@ModelAttribute ActivitySetupForm form) {
		if (check(launch)) {
			return new ModelAndView(LaunchSessionCookie.redirect("/app/teacher"));
		}
		String problem = form.problem(false);
		if (problem == null) {
			try {
				this.catalog.werkproces(form.dossier(), form.werkproces().get(0), form.profiel());
			}
			catch (RuntimeException ex) {
				problem = "picker.error.unknown";
			}
		}
		if (problem != null) {
			ModelAndView page = page(form.dossier(), form.profiel(), null, problem, HttpStatus.BAD_REQUEST);
			page.addObject("chosen", form);
			page.addObject("pickerErrorWerkproces",
					"picker.error.unknown".equals(problem) ? form.werkproces().get(0) : null);
			return page;
		}
		this.activities.createFor(launch.platformId(), launch.resourceLink().id(), form.setup(form.werkproces().get(0), this.clock),
				launch.user().id());
		return new ModelAndView(LaunchSessionCookie.redirect("/app/teacher"));
	}

	/** Staff of a resource link only; {@code true} when the activity is set up already. */
	private boolean check(LaunchSession launch) {
		if (!launch.isStaff() || launch.resourceLink() == null) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return this.current.of(launch).isPresent();
	}

	private ModelAndView page(Long dossier, String profiel, String q, String error, HttpStatus status) {
		ModelAndView page = new ModelAndView("activity/setup");
		page.addObject("choices", this.choices.choices(dossier, profiel, q));
		page.addObject("pickerError", error);
		page.setStatus(status);
		return page;
	}

}
