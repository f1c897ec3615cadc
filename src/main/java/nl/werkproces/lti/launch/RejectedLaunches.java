package nl.werkproces.lti.launch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recent rejected launches with their reason codes, for the admin's activity page; kept 30 days. */
@Repository
public class RejectedLaunches {

	private static final Duration KEEP = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	/** At most this many rejections per minute and instance are stored; the rest is only logged and counted. */
	static final int STORED_PER_MINUTE = 120;

	private final RejectionRecordingBudget budget;

	RejectedLaunches(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.budget = new RejectionRecordingBudget(clock, STORED_PER_MINUTE, Duration.ofMinutes(1));
	}

	/** Stores the rejection unless this minute's budget is used up; says whether it was stored. */
	boolean record(LaunchFailure failure, String detail) {
		if (!this.budget.tryTake()) {
			return false;
		}
		String text = RejectionDetail.safe(detail);
		this.jdbc.sql("INSERT INTO rejected_launch (occurred_at, reason, detail) VALUES (?, ?, ?)")
			.params(Timestamp.from(this.clock.instant()), failure.name(), text)
			.update();
		return true;
	}

	public List<Rejection> recent(int limit) {
		return this.jdbc.sql("SELECT occurred_at, reason, detail FROM rejected_launch ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, row) -> new Rejection(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list();
	}

	int purgeOld() {
		return this.jdbc.sql("DELETE FROM rejected_launch WHERE occurred_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(KEEP)))
			.update();
	}

	/** A rejected launch as the admin sees it. */
	public record Rejection(Instant occurredAt, String reason, String detail) {

	}

}
