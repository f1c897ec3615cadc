package nl.werkproces.lti.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grades on their way to the platforms' gradebooks. A grade is stored here in the same transaction that finalizes
 * it; the {@link GradeDeliveryWorker} sends it, retrying with backoff, so a platform that is down loses nothing.
 * Everything lives in the database: restarts and several replicas are fine.
 * <p>
 * Timestamps are strictly increasing per student and line item at one-second resolution, because Moodle answers
 * 409 to a score that is not strictly newer than the one it holds.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#score-publish-service">AGS 2.0 §3.4</a>
 */
@Service
public class GradeOutbox {

	private static final Logger log = LoggerFactory.getLogger(GradeOutbox.class);

	private static final int MAX_TIMESTAMP_ATTEMPTS = 5;

	private final GradeOutboxTable table;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	GradeOutbox(GradeOutboxTable table, Clock clock, ApplicationEventPublisher events) {
		this.table = table;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Stores the grade for delivery and returns its outbox id. Joins the caller's transaction: call it in the
	 * transaction that finalizes the grading, so the grade is sent exactly when the grading is committed. A waiting
	 * older grade for the same student and line item is superseded.
	 * <p>
	 * Moodle clears a published grade on any score that is not {@code FullyGraded}: check
	 * {@link #hasPublishedGrade} before enqueuing a status-only score.
	 */
	@Transactional
	public long enqueue(GradeTarget target, Grade grade) {
		String key = target.key();
		Instant now = this.clock.instant();
		Instant timestamp = now.truncatedTo(ChronoUnit.MILLIS);
		Optional<Long> latest = this.table.latestSecond(key, grade.userSub());
		if (latest.isPresent() && timestamp.getEpochSecond() <= latest.get()) {
			timestamp = Instant.ofEpochSecond(latest.get() + 1);
		}
		for (int attempt = 1;; attempt++) {
			try {
				long id = this.table.insert(target, grade, timestamp, now);
				int superseded = this.table.supersedeOlder(key, grade.userSub(), id, now);
				log.debug("Queued grade {} for platform {} ({} older superseded)", id, target.platformId(), superseded);
				this.events.publishEvent(new GradeQueued(id, target.platformId()));
				return id;
			}
			catch (DuplicateKeyException ex) {
				// another transaction queued a grade for this student and line item in the same second
				if (attempt == MAX_TIMESTAMP_ATTEMPTS) {
					throw ex;
				}
				timestamp = Instant.ofEpochSecond(timestamp.getEpochSecond() + 1);
			}
		}
	}

	/** Whether a fully graded score for the student is delivered or on its way (a status-only score would clear it). */
	public boolean hasPublishedGrade(GradeTarget target, String userSub) {
		return this.table.hasFullyGraded(target.key(), userSub);
	}

	/** The newest grade of the student for the line item and whether it reached the gradebook. */
	public Optional<GradeDeliveryStatus> status(GradeTarget target, String userSub) {
		return this.table.latest(target.key(), userSub).map(GradeOutboxTable.OutboxEntry::status);
	}

	/** Per student (by {@code sub}): the newest grade for the line item and whether it reached the gradebook. */
	public Map<String, GradeDeliveryStatus> statuses(GradeTarget target) {
		Map<String, GradeDeliveryStatus> statuses = new LinkedHashMap<>();
		this.table.latestPerUser(target.key())
			.forEach((entry) -> statuses.put(entry.grade().userSub(), entry.status()));
		return statuses;
	}

	/** Makes a waiting or failed grade due now. False when the grade is delivered, superseded or unknown. */
	public boolean retryNow(long id) {
		boolean due = this.table.retryNow(id, this.clock.instant());
		if (due) {
			log.info("Grade {} will be sent again now", id);
			this.events.publishEvent(new GradeQueued(id, 0));
		}
		return due;
	}

}
