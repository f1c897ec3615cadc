package nl.werkproces.lti.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.storage.HandInFileStorage;
import nl.werkproces.lti.web.SchoolClock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job: for every platform with a period set ({@link RetentionSettings}), purges each course whose last
 * activity ({@link CourseActivity}) lies longer than that period ago (in calendar months on the school's clock), one
 * course per transaction ({@link CoursePurge}), and logs per course what it removed or why it kept it. Safe on
 * every replica: each course's purge holds the replica lock {@code retention}.
 */
@Component
class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final RetentionSettings settings;

	private final CourseActivity courses;

	private final CoursePurge purge;

	private final HandInFileStorage storage;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SchoolClock school;

	private final PrivacyProperties properties;

	RetentionPurge(RetentionSettings settings, CourseActivity courses, CoursePurge purge, HandInFileStorage storage,
			TransactionTemplate transactions, Clock clock, SchoolClock school, PrivacyProperties properties) {
		this.settings = settings;
		this.courses = courses;
		this.purge = purge;
		this.storage = storage;
		this.transactions = transactions;
		this.clock = clock;
		this.school = school;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "${lti.privacy.purge-interval:6h}")
	void scheduled() {
		if (this.properties.purgeScheduled()) {
			purgeDue();
		}
	}

	/** Purges every course past its platform's period; returns what it did per course it looked at. */
	List<CoursePurge.Outcome> purgeDue() {
		Instant now = this.clock.instant();
		List<CoursePurge.Outcome> outcomes = new ArrayList<>();
		for (RetentionSettings.PlatformRetention platform : this.settings.configured()) {
			Instant cutoff = now.atZone(this.school.zone()).minusMonths(platform.months()).toInstant();
			for (Map.Entry<Long, Instant> course : this.courses.lastActivity(platform.platformId()).entrySet()) {
				if (course.getValue().isBefore(cutoff)) {
					outcomes.add(purgeOne(platform, course.getKey(), cutoff));
				}
			}
		}
		return outcomes;
	}

	private CoursePurge.Outcome purgeOne(RetentionSettings.PlatformRetention platform, long contextId,
			Instant cutoff) {
		CoursePurge.Outcome outcome = this.transactions
			.execute((status) -> this.purge.purge(platform.platformId(), contextId, platform.months(), cutoff));
		if (outcome.purged()) {
			outcome.objects().forEach(this.storage::discard);
			log.info("retention purge reason={} platform={} context={} lastActivity={} months={} removed={}",
					outcome.reason(), outcome.platformId(), outcome.contextId(), outcome.lastActivity(),
					platform.months(), outcome.counts());
		}
		else {
			log.warn("retention purge skipped reason={} platform={} context={} lastActivity={} {}", outcome.reason(),
					outcome.platformId(), outcome.contextId(), outcome.lastActivity(), outcome.counts());
		}
		return outcome;
	}

}
