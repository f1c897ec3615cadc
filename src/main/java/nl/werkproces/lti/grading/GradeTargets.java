package nl.werkproces.lti.grading;

import java.util.Optional;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.ags.LineItem;
import nl.werkproces.lti.delivery.GradeTarget;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.rubric.Rubric;

/**
 * The gradebook column of an activity, from the launch's AGS claim: its line item, else the line item in the
 * container with the werkproces code as {@code resourceId} (created when missing). Empty without AGS.
 */
public final class GradeTargets {

	private GradeTargets() {
	}

	public static Optional<GradeTarget> of(LaunchSession launch, Activity activity, Rubric rubric) {
		LaunchSession.Services services = launch.services();
		if (services == null) {
			return Optional.empty();
		}
		if (services.lineItem() != null) {
			return Optional.of(GradeTarget.lineItem(launch.platformId(), services.lineItem()));
		}
		if (services.lineItems() != null) {
			return Optional.of(GradeTarget.findOrCreate(launch.platformId(), services.lineItems(),
					LineItem.of(rubric.origin().werkprocesTitle(), scoreMaximum(activity, rubric),
							activity.werkprocesCode(), "werkproces")));
		}
		return Optional.empty();
	}

	static double scoreMaximum(Activity activity, Rubric rubric) {
		return (activity.gradeMode() == GradeMode.POINTS) ? rubric.maximum() : 10;
	}

}
