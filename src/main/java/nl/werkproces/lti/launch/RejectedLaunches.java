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

	RejectedLaunches(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(LaunchFailure failure, String detail) {
		String text = (detail.length() > 512) ? detail.substring(0, 512) : detail;
		this.jdbc.sql("INSERT INTO rejected_launch (occurred_at, reason, detail) VALUES (?, ?, ?)")
			.params(Timestamp.from(this.clock.instant()), failure.name(), text)
			.update();
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
