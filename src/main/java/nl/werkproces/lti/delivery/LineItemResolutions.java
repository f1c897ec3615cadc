package nl.werkproces.lti.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which worker finds or creates a line item in a platform's container ({@code line_item_resolution}, V28): the
 * first to insert the row (or to take over an expired claim) does it, every other worker on any replica waits for
 * the URL it records. So a gradebook column is created once however many grades for it are sent at once.
 */
@Component
class LineItemResolutions {

	private final JdbcClient jdbc;

	LineItemResolutions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The line item's URL once some worker found or created it. */
	Optional<String> url(String lineItemKey) {
		return this.jdbc.sql("SELECT line_item_url FROM line_item_resolution WHERE line_item_key = ?")
			.param(lineItemKey)
			.query((rs, row) -> rs.getString(1))
			.optional()
			.filter((url) -> url != null);
	}

	/** Reserves the finding or creating for this worker; false while another worker's claim holds. */
	boolean claim(String lineItemKey, String worker, Instant now, Instant until) {
		try {
			this.jdbc.sql("""
					INSERT INTO line_item_resolution (line_item_key, claimed_by, claimed_until, updated_at)
					VALUES (?, ?, ?, ?)""")
				.params(lineItemKey, worker, Timestamp.from(until), Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return this.jdbc.sql("""
					UPDATE line_item_resolution SET claimed_by = ?, claimed_until = ?, updated_at = ?
					WHERE line_item_key = ? AND line_item_url IS NULL AND (claimed_until IS NULL OR claimed_until < ?)""")
				.params(worker, Timestamp.from(until), Timestamp.from(now), lineItemKey, Timestamp.from(now))
				.update() == 1;
		}
	}

	/** Gives back the worker's claims on line items it has not found or created (it stops). */
	int releaseClaims(String worker, Instant now) {
		return this.jdbc.sql("""
				UPDATE line_item_resolution SET claimed_by = NULL, claimed_until = NULL, updated_at = ?
				WHERE claimed_by = ? AND line_item_url IS NULL""")
			.params(Timestamp.from(now), worker)
			.update();
	}

	void resolve(String lineItemKey, String url, Instant now) {
		this.jdbc.sql("""
				UPDATE line_item_resolution SET line_item_url = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ?
				WHERE line_item_key = ? AND line_item_url IS NULL""")
			.params(url, Timestamp.from(now), lineItemKey)
			.update();
	}

}
