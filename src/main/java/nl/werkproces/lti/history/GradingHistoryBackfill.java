package nl.werkproces.lti.history;

import java.util.List;

import nl.werkproces.lti.grading.GradingRecords;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up task (under the replica {@code StartupLock}, taken by the first runner): every final grading without a
 * version gets its first one, so gradings made before V35 are in the chain too. Runs on every start and finds
 * nothing once done; the hash is computed in Java, as for new versions, so it is the same on H2 and MariaDB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class GradingHistoryBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GradingHistoryBackfill.class);

	private final JdbcClient jdbc;

	private final GradingRecords gradings;

	private final GradingHistory history;

	private final TransactionTemplate transactions;

	GradingHistoryBackfill(JdbcClient jdbc, GradingRecords gradings, GradingHistory history,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.gradings = gradings;
		this.history = history;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<long[]> missing = this.jdbc.sql("""
				SELECT g.activity_id, g.student_user_id FROM grading g
				WHERE g.status = 'FINAL' AND g.finalized_at IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM grading_version v WHERE v.grading_id = g.id)
				ORDER BY g.activity_id, g.finalized_at, g.id""")
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		for (long[] key : missing) {
			this.transactions.executeWithoutResult((status) -> this.gradings.find(key[0], key[1])
				.filter((g) -> g.isFinal())
				.ifPresent(this.history::recordFinal));
		}
		if (!missing.isEmpty()) {
			log.info("grading history backfilled reason=GRADING_HISTORY_BACKFILL versions={}", missing.size());
		}
	}

}
