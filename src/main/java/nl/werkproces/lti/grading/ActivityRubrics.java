package nl.werkproces.lti.grading;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricVersions;

import org.springframework.stereotype.Component;

/** The rubric an activity grades with now: its latest own version, else the dossier-derived template. */
@Component
public class ActivityRubrics {

	private final RubricVersions versions;

	ActivityRubrics(RubricVersions versions) {
		this.versions = versions;
	}

	public Rubric current(Activity activity) {
		return this.versions.latestFor(activity.resourceLinkId())
			.orElseGet(() -> this.versions.template(activity.dossierId(), activity.werkprocesCode(), activity.profiel()));
	}

}
