package nl.werkproces.lti.submission;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricVersions;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The model of the student's assignment page: werkproces, rubric, due date and instructions, the student's
 * hand-in, status and (once final) the grading; with a refusal message after a hand-in that was not accepted.
 */
@Component
class StudentPage {

	private static final Logger log = LoggerFactory.getLogger(StudentPage.class);

	static final String VIEW = "submission/student";

	private final CurrentActivity current;

	private final DossierCatalog catalog;

	private final RubricVersions rubrics;

	private final Submissions submissions;

	private final GradingResults gradings;

	private final SubmissionProperties limits;

	private final Clock clock;

	private final MessageSource messages;

	StudentPage(CurrentActivity current, DossierCatalog catalog, RubricVersions rubrics, Submissions submissions,
			GradingResults gradings, SubmissionProperties limits, Clock clock,
			MessageSource messages) {
		this.current = current;
		this.catalog = catalog;
		this.rubrics = rubrics;
		this.submissions = submissions;
		this.gradings = gradings;
		this.limits = limits;
		this.clock = clock;
		this.messages = messages;
	}

	ModelAndView render(LaunchSession launch, String lsid, Locale locale) {
		return new ModelAndView(VIEW, model(launch, lsid, locale), HttpStatus.OK);
	}

	ModelAndView refused(LaunchSession launch, String lsid, Locale locale, HandInRefusal refusal, String text) {
		log.atWarn()
			.addKeyValue("lti.event", "lti.handin")
			.addKeyValue("outcome", "refused")
			.addKeyValue("reason", refusal.reason().name())
			.addKeyValue("platform_id", launch.platformId())
			.log("Hand-in refused [{}]: user {} on platform {}", refusal.reason().name(), launch.user().id(),
					launch.platformId());
		Map<String, Object> model = model(launch, lsid, locale);
		model.put("refusal",
				this.messages.getMessage(refusal.reason().messageKey(), refusal.arguments(), locale));
		model.put("keptText", text);
		return new ModelAndView(VIEW, model, refusal.reason().status());
	}

	private Map<String, Object> model(LaunchSession launch, String lsid, Locale locale) {
		Activity activity = this.current.require(launch);
		CatalogWerkproces werkproces = this.catalog.werkproces(activity.dossierId(), activity.werkprocesCode(),
				activity.profiel());
		Submission submission = this.submissions.find(activity.id(), launch.platformId(), launch.user().id())
			.orElse(null);
		GradingResult grading = this.gradings.find(activity.id(), launch.platformId(), launch.user().id())
			.orElse(null);
		Rubric rubric = this.rubrics.latestFor(activity.resourceLinkId())
			.orElseGet(() -> this.rubrics.template(activity.dossierId(), activity.werkprocesCode(), activity.profiel()));
		Map<String, Object> model = new HashMap<>();
		model.put("lsid", lsid);
		model.put("launch", launch);
		model.put("activity", activity);
		model.put("chosen", werkproces);
		model.put("rubric", rubric);
		model.put("submission", submission);
		model.put("status", StudentStatus.of(submission, grading));
		model.put("limits", this.limits);
		model.put("afterDue", activity.isLateAt(this.clock.instant()));
		if (grading != null && grading.isFinal()) {
			model.put("grading", grading);
			model.put("gradedRubric", this.rubrics.find(grading.rubricVersionId()).orElse(rubric));
		}
		return model;
	}

}
