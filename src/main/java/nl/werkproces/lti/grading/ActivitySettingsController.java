package nl.werkproces.lti.grading;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.rubric.CriterionKind;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricChanges;
import nl.werkproces.lti.rubric.RubricEditor;
import nl.werkproces.lti.rubric.RubricException;
import nl.werkproces.lti.rubric.RubricOwner;
import nl.werkproces.lti.rubric.RubricScale;
import nl.werkproces.lti.rubric.RubricVersions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Activity settings, two forms saved separately: the second assessor on or off, and the rubric as a whole (text,
 * kritisch, order and removal of every criterion, new criteria, scale) as long as no grading has started; after that
 * the rubric is shown read-only. A rubric form with a problem is shown again with every value as typed and nothing
 * stored.
 */
@Controller
class ActivitySettingsController {

	private static final Logger log = LoggerFactory.getLogger(ActivitySettingsController.class);

	private final CurrentActivity current;

	private final AssessmentSettings settings;

	private final ActivityRubrics rubrics;

	private final RubricVersions versions;

	private final GradingRecords gradings;

	private final RubricEditor editor;

	private final MessageSource messages;

	ActivitySettingsController(CurrentActivity current, AssessmentSettings settings, ActivityRubrics rubrics,
			RubricVersions versions, GradingRecords gradings, Clock clock, MessageSource messages) {
		this.current = current;
		this.settings = settings;
		this.rubrics = rubrics;
		this.versions = versions;
		this.gradings = gradings;
		this.editor = new RubricEditor(clock);
		this.messages = messages;
	}

	@GetMapping("/app/teacher/settings")
	String show(@AuthenticationPrincipal LaunchSession launch, Model model, Locale locale) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		return page(activity, RubricForm.of(this.rubrics.current(activity)), model, locale);
	}

	@PostMapping("/app/teacher/settings/second-assessor")
	String saveSecondAssessor(@AuthenticationPrincipal LaunchSession launch,
			@RequestParam MultiValueMap<String, String> form) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		this.settings.requireSecondAssessor(activity.id(), form.containsKey("secondAssessor"));
		return LaunchSessionCookie.redirect("/app/teacher/settings?saved=assessor");
	}

	@PostMapping("/app/teacher/settings/rubric")
	String saveRubric(@AuthenticationPrincipal LaunchSession launch, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		if (this.gradings.anyFor(activity.id())) {
			log.info("Rubric of activity {} not changed: rubric-locked (grading has started)", activity.id());
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
		Rubric rubric = this.rubrics.current(activity);
		RubricForm typed = RubricForm.read(rubric, form);
		String base = form.getFirst("base");
		if (base != null && !base.equals(rubric.id().toString())) {
			// a colleague saved the rubric after this form was opened: its criteria may differ from what was typed
			log.info("Rubric of activity {} not changed: rubric-changed-meanwhile (now version {})", activity.id(),
					rubric.version().number());
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("formError", this.messages.getMessage("settings.error.changedMeanwhile",
					new Object[] { rubric.version().number() }, locale));
			return page(activity, typed, model, locale);
		}
		if (form.containsKey("addRow")) {
			return page(activity, typed.withNewRow(), model, locale);
		}
		if (typed.hasProblems()) {
			log.info("Rubric of activity {} not changed: rubric-form-invalid ({})", activity.id(),
					typed.problems().stream().map(RubricForm.Problem::code).distinct().toList());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(activity, typed, model, locale);
		}
		RubricChanges changes = typed.changes();
		if (!changes.isEmpty()) {
			try {
				this.versions.save(this.editor.apply(rubric, changes), new RubricOwner(launch.platformId(),
						activity.resourceLinkId(), launch.user().displayName()));
			}
			catch (RubricException ex) {
				log.info("Rubric of activity {} not changed: rubric-change-refused ({})", activity.id(), ex.reason());
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("formError", this.messages.getMessage("settings.error.refused", null, locale));
				return page(activity, typed, model, locale);
			}
		}
		return LaunchSessionCookie.redirect("/app/teacher/settings?saved=rubric");
	}

	/**
	 * The one form of earlier pages: a post with {@code rubric} saves the rubric only, any other the second assessor
	 * only, so that neither overwrites the other.
	 */
	@PostMapping("/app/teacher/settings")
	String save(@AuthenticationPrincipal LaunchSession launch, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		return form.containsKey("rubric") ? saveRubric(launch, form, model, response, locale)
				: saveSecondAssessor(launch, form);
	}

	private String page(Activity activity, RubricForm form, Model model, Locale locale) {
		model.addAttribute("activity", activity);
		model.addAttribute("rubric", this.rubrics.current(activity));
		model.addAttribute("form", form);
		model.addAttribute("problems", messages(form, locale));
		model.addAttribute("secondAssessor", this.settings.secondAssessorRequired(activity.id()));
		model.addAttribute("locked", this.gradings.anyFor(activity.id()));
		model.addAttribute("scales", RubricScale.values());
		model.addAttribute("kinds", CriterionKind.values());
		return "teacher/settings";
	}

	/** Each problem as a sentence that names its criterion by number and text, with the field it is about. */
	private List<ProblemMessage> messages(RubricForm form, Locale locale) {
		List<ProblemMessage> sentences = new ArrayList<>();
		for (RubricForm.Problem problem : form.problems()) {
			RubricForm.Row row = problem.row();
			if (row == null) {
				sentences.add(new ProblemMessage(null, null, this.messages.getMessage(problem.code(), problem.args(), locale)));
				continue;
			}
			Object[] args = new Object[problem.args().length + 1];
			args[0] = name(form, row, locale);
			System.arraycopy(problem.args(), 0, args, 1, problem.args().length);
			sentences.add(new ProblemMessage(row, row.textId(), this.messages.getMessage(problem.code(), args, locale)));
		}
		return sentences;
	}

	/** "criterium 3 (“Werkt ordelijk en systematisch”)", with the stored text when the typed one is empty. */
	private String name(RubricForm form, RubricForm.Row row, Locale locale) {
		String quoted = row.quoted().isEmpty() ? form.storedQuoted(row) : row.quoted();
		String code = row.isNew() ? "settings.error.newCriterionName" : "settings.error.criterionName";
		return this.messages.getMessage(code, new Object[] { row.number(), quoted }, locale);
	}

	/**
	 * A problem as shown.
	 * @param row the criterion it is about, {@code null} for the whole rubric
	 * @param fieldId the id of the field to correct, {@code null} for the whole rubric
	 * @param text the sentence
	 */
	public record ProblemMessage(RubricForm.Row row, String fieldId, String text) {
	}

}
