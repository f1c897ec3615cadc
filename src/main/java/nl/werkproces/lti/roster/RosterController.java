package nl.werkproces.lti.roster;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.grading.ActivityRubrics;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.grading.GradingRecords;
import nl.werkproces.lti.grading.StaffOnly;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.rubric.Rubric;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The teacher's start page of an activity: the roster with filters, and "try again now" for a grade. */
@Controller
class RosterController {

	private final CurrentActivity current;

	private final ActivityRubrics rubrics;

	private final Roster roster;

	private final GradingRecords gradings;

	private final GradeOutbox outbox;

	RosterController(CurrentActivity current, ActivityRubrics rubrics, Roster roster, GradingRecords gradings,
			GradeOutbox outbox) {
		this.current = current;
		this.rubrics = rubrics;
		this.roster = roster;
		this.gradings = gradings;
		this.outbox = outbox;
	}

	@GetMapping("/app/teacher")
	String roster(@AuthenticationPrincipal LaunchSession launch,
			@RequestParam(defaultValue = "ALL") RosterFilter filter, Model model) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		Rubric rubric = this.rubrics.current(activity);
		Roster.View view = this.roster.of(launch, activity, rubric);
		model.addAttribute("launch", launch);
		model.addAttribute("activity", activity);
		model.addAttribute("rubric", rubric);
		model.addAttribute("filter", filter);
		model.addAttribute("filters", RosterFilter.values());
		model.addAttribute("entries", view.entries().stream().filter((entry) -> entry.matches(filter)).toList());
		model.addAttribute("membersUnavailable", view.membersUnavailable());
		model.addAttribute("total", view.entries().size());
		model.addAttribute("handedIn", view.entries().stream().filter(RosterEntry::handedIn).count());
		model.addAttribute("graded", view.entries().stream().filter(RosterEntry::graded).count());
		return "teacher/roster";
	}

	@PostMapping("/app/teacher/grades/{outboxId}/retry")
	String retry(@AuthenticationPrincipal LaunchSession launch, @PathVariable long outboxId) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		if (!this.gradings.ownsOutboxEntry(activity.id(), outboxId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.outbox.retryNow(outboxId);
		return LaunchSessionCookie.redirect("/app/teacher?retried=" + outboxId);
	}

}
