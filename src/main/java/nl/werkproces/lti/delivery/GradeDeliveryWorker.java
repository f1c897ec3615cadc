package nl.werkproces.lti.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.ags.AgsClient;
import nl.werkproces.lti.ags.Score;
import nl.werkproces.lti.ags.ScoreResult;
import nl.werkproces.lti.delivery.GradeOutboxTable.OutboxEntry;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.services.PlatformServiceException;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the due grades of the {@link GradeOutbox}: claims each row atomically (so replicas never send the same
 * grade at once), posts the score and records the outcome: delivered (also on 409, the platform has a newer
 * score), waiting for the next attempt with exponential backoff and jitter, or failed with the platform's answer.
 * Runs every {@code lti.grades.poll-interval} unless {@code lti.grades.scheduled} is false.
 */
@Component
public class GradeDeliveryWorker implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(GradeDeliveryWorker.class);

	private final String id = "worker-" + UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, Object> lineItemLocks = new ConcurrentHashMap<>();

	private final GradeOutboxTable table;

	private final AgsClient ags;

	private final PlatformRegistrations platforms;

	private final GradeDeliveryProperties properties;

	private final Clock clock;

	GradeDeliveryWorker(GradeOutboxTable table, AgsClient ags, PlatformRegistrations platforms,
			GradeDeliveryProperties properties, Clock clock) {
		this.table = table;
		this.ags = ags;
		this.platforms = platforms;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.properties.scheduled()) {
			registrar.addFixedDelayTask(this::deliverDueSafely, this.properties.pollInterval());
		}
	}

	/** One round: claims up to a batch of due grades and delivers them. Returns how many it handled. */
	public int deliverDue() {
		int handled = 0;
		for (long entryId : this.table.dueIds(this.clock.instant(), this.properties.batchSize())) {
			Instant now = this.clock.instant();
			if (!this.table.claim(entryId, this.id, now, now.plus(this.properties.claimTimeout()))) {
				continue;
			}
			OutboxEntry entry = this.table.find(entryId).orElse(null);
			if (entry != null) {
				deliver(entry);
				handled++;
			}
		}
		return handled;
	}

	private void deliverDueSafely() {
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			log.error("Grade delivery round failed; the next round tries again", ex);
		}
	}

	private void deliver(OutboxEntry entry) {
		Platform platform = this.platforms.findById(entry.platformId()).orElse(null);
		if (platform == null) {
			this.table.failed(entry.id(), this.id, DeliveryProblem.PLATFORM_GONE, "the platform is no longer registered",
					this.clock.instant());
			return;
		}
		if (!platform.enabled()) {
			retryLater(entry, platform, DeliveryProblem.PLATFORM_DISABLED, "the platform is switched off in the tool");
			return;
		}
		try {
			String lineItemUrl = (entry.lineItemUrl() != null) ? entry.lineItemUrl() : resolveLineItem(entry, platform);
			Score score = Score.of(entry.grade().userSub(), entry.grade().scoreGiven(), entry.grade().scoreMaximum(),
					entry.grade().comment(), entry.scoreTimestamp(), entry.grade().activityProgress(),
					entry.grade().gradingProgress());
			record(entry, platform, this.ags.postScore(platform, lineItemUrl, score));
		}
		catch (PlatformServiceException ex) {
			String reason = describe(ex);
			if (ex.temporary()) {
				retryLater(entry, platform, problem(ex), reason);
			}
			else {
				fail(entry, platform, problem(ex), reason);
			}
		}
		catch (RuntimeException ex) {
			log.error("Grade {} for platform '{}': unexpected error", entry.id(), platform.name(), ex);
			retryLater(entry, platform, DeliveryProblem.TOOL_ERROR,
					"unexpected error in the tool (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private String resolveLineItem(OutboxEntry entry, Platform platform) {
		String key = GradeTarget.findOrCreate(entry.platformId(), entry.lineItemsUrl(), entry.lineItem()).key();
		synchronized (this.lineItemLocks.computeIfAbsent(key, (k) -> new Object())) {
			String url = this.table.find(entry.id()).map(OutboxEntry::lineItemUrl).orElse(null);
			if (url == null) {
				url = this.ags.findOrCreateLineItem(platform, entry.lineItemsUrl(), entry.lineItem()).id();
				this.table.resolveLineItem(key, url, this.clock.instant());
			}
			return url;
		}
	}

	private void record(OutboxEntry entry, Platform platform, ScoreResult result) {
		switch (result.outcome()) {
			case DELIVERED, ALREADY_NEWER -> {
				this.table.delivered(entry.id(), this.id, this.clock.instant());
				log.info("Grade {} delivered to platform '{}'{}", entry.id(), platform.name(),
						(result.outcome() == ScoreResult.Outcome.ALREADY_NEWER) ? " (the platform had a newer score)"
								: "");
			}
			case REJECTED -> fail(entry, platform, DeliveryProblem.GRADE_REFUSED, "the platform refused the grade (HTTP " + result.status() + "): "
					+ result.detail());
			case TEMPORARILY_FAILING -> retryLater(entry, platform, DeliveryProblem.UNAVAILABLE, result.detail());
		}
	}

	private void fail(OutboxEntry entry, Platform platform, DeliveryProblem problem, String reason) {
		this.table.failed(entry.id(), this.id, problem, reason, this.clock.instant());
		log.warn("Grade {} for platform '{}' failed: {}", entry.id(), platform.name(), reason);
	}

	private void retryLater(OutboxEntry entry, Platform platform, DeliveryProblem problem, String reason) {
		Instant now = this.clock.instant();
		Instant next = now.plus(backoff(entry.attempts() + 1));
		this.table.waiting(entry.id(), this.id, next, problem, reason, now);
		log.warn("Grade {} for platform '{}' not delivered (attempt {}): {}; next attempt at {}", entry.id(),
				platform.name(), entry.attempts() + 1, reason, next);
	}

	/** initial · 2^(attempt-1), at most the maximum, then a random part of up to half of it taken off. */
	Duration backoff(int attempt) {
		Duration max = this.properties.maxBackoff();
		Duration delay = this.properties.initialBackoff();
		for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		if (delay.compareTo(max) > 0) {
			delay = max;
		}
		long millis = delay.toMillis();
		return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}

	private static DeliveryProblem problem(PlatformServiceException ex) {
		return switch (ex.failure()) {
			case TOKEN_REFUSED -> DeliveryProblem.TOKEN_REFUSED;
			case TOKEN_UNAVAILABLE -> DeliveryProblem.TOKEN_UNAVAILABLE;
			case UNAUTHORIZED -> DeliveryProblem.UNAUTHORIZED;
			case REJECTED -> DeliveryProblem.REQUEST_REFUSED;
			case UNAVAILABLE -> DeliveryProblem.UNAVAILABLE;
			case INVALID_RESPONSE -> DeliveryProblem.INVALID_RESPONSE;
		};
	}

	private static String describe(PlatformServiceException ex) {
		String detail = ex.getMessage().replaceFirst("^[A-Z_]+: ", "");
		return switch (ex.failure()) {
			case TOKEN_REFUSED -> "the platform refused the tool's access token request: "
					+ ((ex.platformMessage() != null) ? ex.platformMessage() : detail);
			case TOKEN_UNAVAILABLE -> "the platform's token endpoint is not available: " + detail;
			case UNAUTHORIZED -> "the platform refused the tool's access token: " + detail;
			case REJECTED -> "the platform refused the request: "
					+ ((ex.platformMessage() != null) ? ex.platformMessage() : detail);
			case UNAVAILABLE -> "the platform did not answer: " + detail;
			case INVALID_RESPONSE -> "the platform's answer was not understood: " + detail;
		};
	}

}
