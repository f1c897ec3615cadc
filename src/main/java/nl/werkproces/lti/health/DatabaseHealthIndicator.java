package nl.werkproces.lti.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database, for readiness ({@code management.endpoint.health.group.readiness}): a connection is taken and
 * validated on a thread of its own, and the check counts as down when that takes longer than
 * {@code lti.health.database-timeout}. So readiness answers 503 at once while the database hangs, instead of after the
 * connection pool's timeout. At most one check runs at a time; a hanging one is waited for by the next calls.
 * Liveness never includes it.
 */
@Component("database")
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

	private final DataSource dataSource;

	private final HealthProperties properties;

	private final ExecutorService checks = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "database-health");
		thread.setDaemon(true);
		return thread;
	});

	private Future<Health> running;

	DatabaseHealthIndicator(DataSource dataSource, HealthProperties properties) {
		this.dataSource = dataSource;
		this.properties = properties;
	}

	@Override
	public Health health() {
		try {
			return check().get(this.properties.databaseTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("reason", "timeout").build();
		}
		catch (ExecutionException ex) {
			return Health.down().withDetail("reason", "unavailable").build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("reason", "interrupted").build();
		}
	}

	private synchronized Future<Health> check() {
		if (this.running == null || this.running.isDone()) {
			this.running = this.checks.submit(this::validate);
		}
		return this.running;
	}

	private Health validate() throws SQLException {
		int seconds = (int) Math.max(1, this.properties.databaseTimeout().toSeconds());
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(seconds) ? Health.up().build()
					: Health.down().withDetail("reason", "invalid-connection").build();
		}
	}

	@Override
	public void destroy() {
		this.checks.shutdownNow();
	}

}
