package nl.werkproces.lti.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import nl.werkproces.lti.registration.Platform;

import org.springframework.stereotype.Component;

/**
 * What became of one delivery attempt: counted as {@code lti.grade.deliveries} by outcome, platform (issuer) and
 * reason, and logged as one line with the same fields as key-value pairs (structured logs show them as JSON fields).
 * Never the student, the score or the platform's token.
 */
@Component
class DeliveryOutcomes {

	/** Outcome of a delivered grade, of one whose newer score the platform has, of a retry and of a failure. */
	static final String DELIVERED = "delivered";

	static final String ALREADY_NEWER = "already_newer";

	static final String RETRY = "retry";

	static final String FAILED = "failed";

	static final String POSTPONED = "postponed";

	private static final Logger log = LoggerFactory.getLogger(GradeDelivery.class);

	private final MeterRegistry meters;

	DeliveryOutcomes(MeterRegistry meters) {
		this.meters = meters;
	}

	void delivered(long entryId, Platform platform, boolean alreadyNewer) {
		String outcome = alreadyNewer ? ALREADY_NEWER : DELIVERED;
		count(outcome, platform, "none");
		line(Level.INFO, outcome, platform, null).log("Grade {} delivered to platform '{}'{}", entryId, platform.name(),
				alreadyNewer ? " (the platform had a newer score)" : "");
	}

	void postponed(long entryId, Platform platform) {
		count(POSTPONED, platform, "LINE_ITEM_PENDING");
		line(Level.DEBUG, POSTPONED, platform, "LINE_ITEM_PENDING")
			.log("Grade {} waits while another worker creates its line item", entryId);
	}

	void retry(long entryId, Platform platform, int attempt, DeliveryProblem problem, String reason, Object next) {
		count(RETRY, platform, problem.name());
		line(Level.WARN, RETRY, platform, problem.name()).log(
				"Grade {} for platform '{}' not delivered (attempt {}) [{}]: {}; next attempt at {}", entryId,
				platform.name(), attempt, problem, reason, next);
	}

	void failed(long entryId, Platform platform, DeliveryProblem problem, String reason) {
		count(FAILED, platform, problem.name());
		line(Level.WARN, FAILED, platform, problem.name()).log("Grade {} for platform '{}' failed [{}]: {}", entryId,
				(platform != null) ? platform.name() : "?", problem, reason);
	}

	private void count(String outcome, Platform platform, String reason) {
		Counter.builder("lti.grade.deliveries")
			.description("Grade delivery attempts by outcome, platform (issuer) and reason")
			.tag("outcome", outcome)
			.tag("platform", issuer(platform))
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

	private static LoggingEventBuilder line(Level level, String outcome, Platform platform, String reason) {
		LoggingEventBuilder line = log.atLevel(level)
			.addKeyValue("lti.event", "lti.grade.delivery")
			.addKeyValue("outcome", outcome)
			.addKeyValue("platform", issuer(platform));
		return (reason != null) ? line.addKeyValue("reason", reason) : line;
	}

	private static String issuer(Platform platform) {
		return (platform != null) ? platform.issuer() : "unknown";
	}

}
