package nl.werkproces.lti.privacy;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How long a platform (a school) keeps a course's hand-ins and gradings after the course's last activity
 * ({@code platform.retention_months}, V41); empty keeps them (the default).
 */
@Repository
public class RetentionSettings {

	/** The longest period one can set: 100 years. */
	public static final int MAX_MONTHS = 1200;

	private final JdbcClient jdbc;

	RetentionSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The platform's period in months; empty when it keeps everything (templates: {@code @retentionSettings}). */
	public Optional<Integer> months(long platformId) {
		return this.jdbc.sql("SELECT retention_months FROM platform WHERE id = ?")
			.param(platformId)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Integer.class)))
			.optional()
			.flatMap((months) -> months);
	}

	void set(long platformId, Integer months) {
		this.jdbc.sql("UPDATE platform SET retention_months = ? WHERE id = ?").params(months, platformId).update();
	}

	/** Platforms with a period set. */
	List<PlatformRetention> configured() {
		return this.jdbc.sql("SELECT id, retention_months FROM platform WHERE retention_months IS NOT NULL ORDER BY id")
			.query((rs, row) -> new PlatformRetention(rs.getLong(1), rs.getInt(2)))
			.list();
	}

	record PlatformRetention(long platformId, int months) {
	}

}
