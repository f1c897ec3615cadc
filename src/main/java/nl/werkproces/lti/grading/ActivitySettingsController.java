package nl.werkproces.lti.grading;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.CriterionKind;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricChanges;
import nl.werkproces.lti.rubric.RubricEditor;
import nl.werkproces.lti.rubric.RubricException;
import nl.werkproces.lti.rubric.RubricOwner;
import nl.werkproces.lti.rubric.RubricScale;
import nl.werkproces.lti.rubric.RubricVersions;

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
 * Activity settings: second assessor on or off, and tuning the rubric (text, kritisch, order, removal, new
 * criteria, scale) as long as no grading has started; after that the rubric is shown read-only.
 */
@Controller
class ActivitySettingsController {

	private final CurrentActivity current;

	private final AssessmentSettings settings;

	private final ActivityRubrics rubrics;

	private final RubricVersions versions;

	private final GradingRecords gradings;

	private final RubricEditor editor;

	ActivitySettingsController(CurrentActivity current, AssessmentSettings settings, ActivityRubrics rubrics,
			RubricVersions versions, GradingRecords gradings, Clock clock) {
		this.current = current;
		this.settings = settings;
		this.rubrics = rubrics;
		this.versions = versions;
		this.gradings = gradings;
		this.editor = new RubricEditor(clock);
	}

	@GetMapping("/app/teacher/settings")
	String show(@AuthenticationPrincipal LaunchSession launch, Model model) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		return page(activity, null, model);
	}

	@PostMapping("/app/teacher/settings")
	String save(@AuthenticationPrincipal LaunchSession launch, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		this.settings.requireSecondAssessor(activity.id(), form.containsKey("secondAssessor"));
		if (form.containsKey("rubric")) {
			if (this.gradings.anyFor(activity.id())) {
				throw new ResponseStatusException(HttpStatus.CONFLICT);
			}
			Rubric rubric = this.rubrics.current(activity);
			try {
				RubricChanges changes = changes(rubric, form);
				if (!changes.isEmpty()) {
					this.versions.save(this.editor.apply(rubric, changes), new RubricOwner(launch.platformId(),
							activity.resourceLinkId(), launch.user().displayName()));
				}
			}
			catch (RubricException ex) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				return page(activity, ex.getMessage(), model);
			}
		}
		return LaunchSessionCookie.redirect("/app/teacher/settings?saved");
	}

	private String page(Activity activity, String error, Model model) {
		model.addAttribute("activity", activity);
		model.addAttribute("rubric", this.rubrics.current(activity));
		model.addAttribute("secondAssessor", this.settings.secondAssessorRequired(activity.id()));
		model.addAttribute("locked", this.gradings.anyFor(activity.id()));
		model.addAttribute("scales", RubricScale.values());
		model.addAttribute("kinds", CriterionKind.values());
		model.addAttribute("error", error);
		return "teacher/settings";
	}

	/** The form's fields per criterion ({@code text.k}, {@code kritisch.k}, {@code remove.k}, {@code position.k}). */
	private static RubricChanges changes(Rubric rubric, MultiValueMap<String, String> form) {
		RubricChanges changes = RubricChanges.create();
		List<Criterion> kept = new ArrayList<>();
		for (Criterion criterion : rubric.criteria()) {
			String key = criterion.key();
			if (form.containsKey("remove." + key)) {
				changes.remove(key);
				continue;
			}
			kept.add(criterion);
			String text = form.getFirst("text." + key);
			if (text != null && !text.strip().equals(criterion.text())) {
				changes.editText(key, text);
			}
			boolean kritisch = form.containsKey("kritisch." + key);
			if (kritisch != criterion.kritisch()) {
				changes.setKritisch(key, kritisch);
			}
		}
		List<String> order = kept.stream()
			.sorted(Comparator.comparingInt((Criterion c) -> position(form, c, kept)))
			.map(Criterion::key)
			.toList();
		if (!order.equals(kept.stream().map(Criterion::key).toList())) {
			changes.reorder(order);
		}
		String added = form.getFirst("newText");
		if (added != null && !added.isBlank()) {
			String kind = form.getFirst("newKind");
			changes.add((kind != null) ? CriterionKind.valueOf(kind) : CriterionKind.PROCESS, added,
					form.containsKey("newKritisch"));
		}
		String scale = form.getFirst("scale");
		if (scale != null && RubricScale.valueOf(scale) != rubric.scale()) {
			changes.changeScale(RubricScale.valueOf(scale));
		}
		return changes;
	}

	/**
	 * Sort key from the wanted position (1-based): a criterion moved to a position comes before the one that was
	 * there, which keeps its place relative to the others.
	 */
	private static int position(MultiValueMap<String, String> form, Criterion criterion, List<Criterion> kept) {
		int current = kept.indexOf(criterion) + 1;
		String value = form.getFirst("position." + criterion.key());
		try {
			int wanted = (value != null && !value.isBlank()) ? Integer.parseInt(value.strip()) : current;
			return (wanted == current) ? wanted * 2 : wanted * 2 - ((wanted < current) ? 1 : -1);
		}
		catch (NumberFormatException ex) {
			return current * 2;
		}
	}

}
