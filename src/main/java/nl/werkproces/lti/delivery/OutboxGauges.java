package nl.werkproces.lti.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of the grade outbox for alerting: {@code lti.outbox.depth} (grades waiting, due or not),
 * {@code lti.outbox.due} (waiting and due now), {@code lti.outbox.oldest.due.age} (seconds the longest-due grade has
 * been due; 0 when none is) and {@code lti.outbox.failed} (grades the platforms refused: they need a person).
 * One query on the {@code (status, next_attempt_at)} index per {@value #CACHE_SECONDS} seconds at most, whatever
 * the number of scrapes and replicas' scrapers; NaN while the database cannot answer.
 */
@Component
class OutboxGauges {

	static final int CACHE_SECONDS = 15;

	private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Snapshot snapshot;

	OutboxGauges(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("lti.outbox.depth", this, (gauges) -> gauges.current().waiting())
			.description("Grades in the outbox that are not delivered yet")
			.register(meters);
		Gauge.builder("lti.outbox.due", this, (gauges) -> gauges.current().due())
			.description("Grades in the outbox that are due now")
			.register(meters);
		Gauge.builder("lti.outbox.oldest.due.age", this, (gauges) -> gauges.current().oldestDueAgeSeconds())
			.description("How long the longest-due grade has been waiting since it became due")
			.baseUnit("seconds")
			.register(meters);
		Gauge.builder("lti.outbox.failed", this, (gauges) -> gauges.current().failed())
			.description("Grades the platforms refused, waiting for a person")
			.register(meters);
	}

	private Snapshot current() {
		// the cache's age on the monotonic clock; what is due by the application's clock
		long nanos = System.nanoTime();
		Snapshot seen = this.snapshot;
		if (seen != null && nanos - seen.takenAt() < Duration.ofSeconds(CACHE_SECONDS).toNanos()) {
			return seen;
		}
		Snapshot fresh = query(this.clock.instant(), nanos);
		this.snapshot = fresh;
		return fresh;
	}

	private Snapshot query(Instant now, long nanos) {
		try {
			return this.jdbc.sql("""
					SELECT SUM(CASE WHEN status = 'WAITING' THEN 1 ELSE 0 END),
					       SUM(CASE WHEN status = 'WAITING' AND next_attempt_at <= ? THEN 1 ELSE 0 END),
					       MIN(CASE WHEN status = 'WAITING' THEN next_attempt_at END),
					       SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END)
					FROM grade_outbox WHERE status IN ('WAITING', 'FAILED')""")
				.param(Timestamp.from(now))
				.query((rs, row) -> {
					Timestamp oldest = rs.getTimestamp(3);
					double age = (oldest != null && !oldest.toInstant().isAfter(now))
							? Duration.between(oldest.toInstant(), now).toMillis() / 1000.0 : 0;
					return new Snapshot(nanos, rs.getLong(1), rs.getLong(2), age, rs.getLong(4));
				})
				.single();
		}
		catch (RuntimeException ex) {
			log.debug("Outbox gauges not read: {}", ex.getClass().getSimpleName());
			return new Snapshot(nanos, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
	}

	private record Snapshot(long takenAt, double waiting, double due, double oldestDueAgeSeconds, double failed) {

	}

}
