package nl.werkproces.lti.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import nl.werkproces.lti.ags.LineItem;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The activities of the demo course, in memory: one made by hand from the start (no custom values, so the teacher
 * chooses its werkproces on first launch) and those the tool creates through Deep Linking, each with its gradebook
 * column.
 */
@Component
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoActivities {

	private final List<DemoActivity> activities = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger(1);

	private final DemoGradebook gradebook;

	DemoActivities(DemoGradebook gradebook) {
		this.gradebook = gradebook;
		this.activities.add(new DemoActivity(DemoPlatform.RESOURCE_LINK_ID, "Werkproces B1-K1-W1 (demo)", Map.of(),
				DemoGradebook.ACTIVITY_LINE_ITEM));
	}

	List<DemoActivity> all() {
		return List.copyOf(this.activities);
	}

	Optional<DemoActivity> find(String resourceLinkId) {
		return this.activities.stream().filter((a) -> a.resourceLinkId().equals(resourceLinkId)).findFirst();
	}

	/** Adds a deep-linked resource link with its line item, as Moodle does when the teacher saves the activity. */
	DemoActivity add(String title, Map<String, String> custom, Double scoreMaximum, String label, String resourceId,
			String tag) {
		String resourceLinkId = "demo-activity-" + this.ids.incrementAndGet();
		int lineItemId = this.gradebook
			.create(new LineItem(null, (label != null) ? label : title, (scoreMaximum != null) ? scoreMaximum : 100.0,
					resourceId, tag, resourceLinkId))
			.id();
		DemoActivity activity = new DemoActivity(resourceLinkId, title, Map.copyOf(custom), lineItemId);
		this.activities.add(activity);
		return activity;
	}

	/** A resource link of the demo course. */
	record DemoActivity(String resourceLinkId, String title, Map<String, String> custom, int lineItemId) {

	}

}
