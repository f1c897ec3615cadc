package nl.werkproces.lti.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every admin action: who, what, when, on what, and the state before and after. Append-only: there is no way to
 * change or delete an entry through the application.
 */
@Repository
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records an action; before and after are any value Jackson can write (records, maps), or {@code null}.
	 * Call it inside the transaction of the action so that both are stored or neither.
	 */
	public void record(String actor, String action, String target, Object before, Object after) {
		this.jdbc.sql("""
				INSERT INTO audit_event (occurred_at, actor, action, target, before_json, after_json)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(this.clock.instant()), limit(actor, 100), limit(action, 64), limit(target, 255),
					(before != null) ? this.json.writeValueAsString(before) : null,
					(after != null) ? this.json.writeValueAsString(after) : null)
			.update();
	}

	public List<AuditEvent> recent(int limit) {
		return this.jdbc.sql("""
				SELECT occurred_at, actor, action, target, before_json, after_json FROM audit_event
				ORDER BY id DESC LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new AuditEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	private static String limit(String value, int max) {
		return (value.length() > max) ? value.substring(0, max) : value;
	}

	/** One recorded action. */
	public record AuditEvent(Instant occurredAt, String actor, String action, String target, String before,
			String after) {

	}

}
