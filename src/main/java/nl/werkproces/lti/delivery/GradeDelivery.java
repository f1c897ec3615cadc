package nl.werkproces.lti.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.ags.AgsClient;
import nl.werkproces.lti.ags.Score;
import nl.werkproces.lti.ags.ScoreResult;
import nl.werkproces.lti.delivery.GradeOutboxTable.OutboxEntry;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.services.PlatformServiceException;

/**
 * Sends one claimed grade and records the outcome: delivered (also on 409, the platform has a newer score),
 * waiting for the next attempt with exponential backoff and jitter, or failed with the platform's answer.
 * Every record is conditional on the worker's claim.
 */
class GradeDelivery {

	private static final Logger log = LoggerFactory.getLogger(GradeDelivery.class);

	/** How long a grade waits while another replica creates its line item. */
	static final Duration LINE_ITEM_WAIT = Duration.ofSeconds(2);

	private final Map<String, Object> lineItemLocks = new ConcurrentHashMap<>();

	private final String workerId;

	private final GradeOutboxTable table;

	private final LineItemResolutions resolutions;

	private final AgsClient ags;

	private final PlatformRegistrations platforms;

	private final GradeDeliveryProperties properties;

	private final Clock clock;

	private final DeliveryOutcomes outcomes;

	private final BooleanSupplier stopping;

	GradeDelivery(String workerId, GradeOutboxTable table, LineItemResolutions resolutions, AgsClient ags,
			PlatformRegistrations platforms, GradeDeliveryProperties properties, Clock clock, DeliveryOutcomes outcomes,
			BooleanSupplier stopping) {
		this.outcomes = outcomes;
		this.stopping = stopping;
		this.workerId = workerId;
		this.table = table;
		this.resolutions = resolutions;
		this.ags = ags;
		this.platforms = platforms;
		this.properties = properties;
		this.clock = clock;
	}

	void deliver(OutboxEntry entry) {
		Platform platform = this.platforms.findById(entry.platformId()).orElse(null);
		if (platform == null) {
			this.table.failed(entry.id(), this.workerId, DeliveryProblem.PLATFORM_GONE,
					"the platform is no longer registered", this.clock.instant());
			this.outcomes.failed(entry.id(), null, DeliveryProblem.PLATFORM_GONE, "the platform is no longer registered");
			return;
		}
		if (!platform.enabled()) {
			retryLater(entry, platform, DeliveryProblem.PLATFORM_DISABLED, "the platform is switched off in the tool");
			return;
		}
		try {
			String lineItemUrl = (entry.lineItemUrl() != null) ? entry.lineItemUrl() : resolveLineItem(entry, platform);
			if (lineItemUrl == null) {
				Instant now = this.clock.instant();
				this.table.postpone(entry.id(), this.workerId, now.plus(LINE_ITEM_WAIT), now);
				this.outcomes.postponed(entry.id(), platform);
				return;
			}
			if (this.stopping.getAsBoolean()) {
				release(entry);
				return;
			}
			Score score = Score.of(entry.grade().userSub(), entry.grade().scoreGiven(), entry.grade().scoreMaximum(),
					entry.grade().comment(), entry.scoreTimestamp(), entry.grade().activityProgress(),
					entry.grade().gradingProgress());
			record(entry, platform, this.ags.postScore(platform, lineItemUrl, score));
		}
		catch (PlatformServiceException ex) {
			if (this.stopping.getAsBoolean()) {
				// cut off by the shutdown (or failed meanwhile): another replica tries at once
				release(entry);
				return;
			}
			String reason = describe(ex);
			if (ex.temporary()) {
				retryLater(entry, platform, problem(ex), reason);
			}
			else {
				fail(entry, platform, problem(ex), reason);
			}
		}
		catch (RuntimeException ex) {
			if (this.stopping.getAsBoolean()) {
				release(entry);
				return;
			}
			log.error("Grade {} for platform '{}': unexpected error", entry.id(), platform.name(), ex);
			retryLater(entry, platform, DeliveryProblem.TOOL_ERROR,
					"unexpected error in the tool (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** This replica stops: the grade goes back to the outbox, due now, without counting an attempt. */
	private void release(OutboxEntry entry) {
		Instant now = this.clock.instant();
		this.table.postpone(entry.id(), this.workerId, now, now);
		log.info("Grade {} given back to the outbox: this replica stops", entry.id());
	}

	/**
	 * The URL of the entry's line item, found in the container or created there, exactly once across threads
	 * (a lock per line item) and replicas (a claim in the database). {@code null} when another replica is creating
	 * it right now.
	 */
	private String resolveLineItem(OutboxEntry entry, Platform platform) {
		String key = GradeTarget.findOrCreate(entry.platformId(), entry.lineItemsUrl(), entry.lineItem()).key();
		synchronized (this.lineItemLocks.computeIfAbsent(key, (k) -> new Object())) {
			String url = this.resolutions.url(key).orElse(null);
			if (url == null) {
				Instant now = this.clock.instant();
				if (!this.resolutions.claim(key, this.workerId, now, now.plus(this.properties.claimTimeout()))) {
					log.debug("Line item {} is being created by another worker", key);
					return null;
				}
				url = this.ags.findOrCreateLineItem(platform, entry.lineItemsUrl(), entry.lineItem()).id();
				this.resolutions.resolve(key, url, this.clock.instant());
			}
			this.table.resolveLineItem(key, url, this.clock.instant());
			return url;
		}
	}

	private void record(OutboxEntry entry, Platform platform, ScoreResult result) {
		switch (result.outcome()) {
			case DELIVERED, ALREADY_NEWER -> {
				this.table.delivered(entry.id(), this.workerId, this.clock.instant());
				this.outcomes.delivered(entry.id(), platform, result.outcome() == ScoreResult.Outcome.ALREADY_NEWER);
			}
			case REJECTED -> fail(entry, platform, DeliveryProblem.GRADE_REFUSED,
					"the platform refused the grade (HTTP " + result.status() + "): " + result.detail());
			case TEMPORARILY_FAILING -> retryLater(entry, platform, DeliveryProblem.UNAVAILABLE, result.detail());
		}
	}

	private void fail(OutboxEntry entry, Platform platform, DeliveryProblem problem, String reason) {
		this.table.failed(entry.id(), this.workerId, problem, reason, this.clock.instant());
		this.outcomes.failed(entry.id(), platform, problem, reason);
	}

	private void retryLater(OutboxEntry entry, Platform platform, DeliveryProblem problem, String reason) {
		Instant now = this.clock.instant();
		Instant next = now.plus(backoff(entry.attempts() + 1));
		this.table.waiting(entry.id(), this.workerId, next, problem, reason, now);
		this.outcomes.retry(entry.id(), platform, entry.attempts() + 1, problem, reason, next);
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
