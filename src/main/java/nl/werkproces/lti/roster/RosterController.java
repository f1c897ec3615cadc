package nl.werkproces.lti.roster;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.grading.ActivityRubrics;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.grading.GradingFlow;
import nl.werkproces.lti.grading.GradingRecords;
import nl.werkproces.lti.grading.Students;
import nl.werkproces.lti.nrps.Membership;
import nl.werkproces.lti.grading.StaffOnly;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.rubric.Rubric;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(RosterController.class);

	private final CurrentActivity current;

	private final ActivityRubrics rubrics;

	private final Roster roster;

	private final GradingRecords gradings;

	private final GradeOutbox outbox;

	private final Students students;

	private final GradingFlow flow;

	RosterController(CurrentActivity current, ActivityRubrics rubrics, Roster roster, GradingRecords gradings,
			GradeOutbox outbox, Students students, GradingFlow flow) {
		this.current = current;
		this.rubrics = rubrics;
		this.roster = roster;
		this.gradings = gradings;
		this.outbox = outbox;
		this.students = students;
		this.flow = flow;
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
		model.addAttribute("keptOld", this.current.newerSetupKept(launch, activity).orElse(null));
		model.addAttribute("total", view.entries().size());
		model.addAttribute("handedIn", view.entries().stream().filter(RosterEntry::handedIn).count());
		model.addAttribute("graded", view.entries().stream().filter(RosterEntry::graded).count());
		return "teacher/roster";
	}

	/**
	 * Grading a course member who never opened the activity (workplace observation, work on paper): the member must
	 * be an active learner in Names and Roles; the tool keeps them as a user of the platform (their NRPS
	 * {@code user_id} is the gradebook's user id), starts an empty draft and opens the grading screen.
	 */
	@PostMapping("/app/teacher/members/grade")
	String gradeMember(@AuthenticationPrincipal LaunchSession launch, @RequestParam String member) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		Membership learner = this.roster.learner(launch, member).orElseThrow(() -> {
			log.info("Grading refused [member-not-in-course]: platform {} has no active learner {}", launch.platformId(),
					member);
			return new ResponseStatusException(HttpStatus.NOT_FOUND);
		});
		if (this.rubrics.current(activity).criteria().isEmpty()) {
			log.info("Grading refused [NO_CRITERIA]: activity {} has no criteria yet", activity.id());
			return LaunchSessionCookie.redirect("/app/teacher");
		}
		long userId = this.students.ofMember(activity, learner);
		this.flow.start(launch, activity, userId);
		return LaunchSessionCookie.redirect("/app/teacher/students/" + userId);
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
