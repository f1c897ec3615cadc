package nl.werkproces.lti.demo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import nl.werkproces.lti.ags.GradingProgress;
import nl.werkproces.lti.ags.LineItem;
import nl.werkproces.lti.ags.Score;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo course's gradebook, in memory: line items (one for the demo activity from the start) and per student
 * the last score, with Moodle's rules: a score that is not strictly newer (1-second resolution) is refused with
 * 409, one that is not {@code FullyGraded} clears the grade (the comment stays), only learners can be graded.
 */
@Component
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoGradebook {

	static final int ACTIVITY_LINE_ITEM = 1;

	private final List<DemoLineItem> lineItems = new CopyOnWriteArrayList<>();

	private final Map<String, DemoGrade> grades = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger(ACTIVITY_LINE_ITEM);

	DemoGradebook() {
		this.lineItems.add(new DemoLineItem(ACTIVITY_LINE_ITEM, "Werkproces B1-K1-W1 (demo)", 10.0, "B1-K1-W1",
				"werkproces", DemoPlatform.RESOURCE_LINK_ID));
	}

	List<DemoLineItem> lineItems() {
		return List.copyOf(this.lineItems);
	}

	Optional<DemoLineItem> lineItem(int id) {
		return this.lineItems.stream().filter((item) -> item.id() == id).findFirst();
	}

	DemoLineItem create(LineItem wanted) {
		DemoLineItem created = new DemoLineItem(this.ids.incrementAndGet(), wanted.label(),
				(wanted.scoreMaximum() != null) ? wanted.scoreMaximum() : 1.0, wanted.resourceId(), wanted.tag(),
				wanted.resourceLinkId());
		this.lineItems.add(created);
		return created;
	}

	Optional<DemoGrade> grade(int lineItemId, String userId) {
		return Optional.ofNullable(this.grades.get(lineItemId + "/" + userId));
	}

	/** Stores the score like Moodle does; the HTTP status Moodle would answer. */
	synchronized ScoreAnswer record(int lineItemId, Score score) {
		Instant timestamp;
		try {
			timestamp = (score.timestamp() != null) ? OffsetDateTime.parse(score.timestamp()).toInstant() : null;
		}
		catch (DateTimeParseException ex) {
			timestamp = null;
		}
		boolean learner = DemoUser.bySubject(String.valueOf(score.userId())).map(DemoUser::learner).orElse(false);
		if (timestamp == null || !learner) {
			return ScoreAnswer.INCORRECT;
		}
		String key = lineItemId + "/" + score.userId();
		DemoGrade stored = this.grades.get(key);
		if (stored != null && timestamp.getEpochSecond() <= stored.timestamp().getEpochSecond()) {
			return ScoreAnswer.NOT_NEWER;
		}
		boolean graded = score.gradingProgress() == GradingProgress.FullyGraded;
		this.grades.put(key, new DemoGrade(graded ? score.scoreGiven() : null,
				(score.scoreMaximum() != null) ? score.scoreMaximum() : columnMaximum(lineItemId), score.comment(), timestamp,
				String.valueOf(score.gradingProgress())));
		return ScoreAnswer.STORED;
	}

	/** Moodle keeps the column's maximum for a score without one (a hand-in notice), never 1. */
	private double columnMaximum(int lineItemId) {
		return lineItem(lineItemId).map(DemoLineItem::scoreMaximum).orElse(10.0);
	}

	enum ScoreAnswer {

		STORED, NOT_NEWER, INCORRECT

	}

	record DemoLineItem(int id, String label, double scoreMaximum, String resourceId, String tag,
			String resourceLinkId) {

	}

	record DemoGrade(Double scoreGiven, double scoreMaximum, String comment, Instant timestamp,
			String gradingProgress) {

	}

}
