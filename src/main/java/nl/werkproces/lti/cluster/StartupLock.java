package nl.werkproces.lti.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes replicas run their start-up tasks one at a time: the row {@code startup} of {@code replica_lock} (V33) is
 * locked with {@code SELECT ... FOR UPDATE} on a connection of its own from before the first start-up task until
 * after the last ({@link StartupLockRunners}). Two replicas that start at once against an empty database therefore
 * never both create the first key pair, the bootstrap admin or the platforms of the platforms file; the second
 * finds what the first made. Flyway's migrations have a lock of their own.
 */
@Component
public class StartupLock implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

	/** How long a replica waits for another replica's start-up tasks before it gives up starting. */
	static final Duration WAIT = Duration.ofMinutes(5);

	private final DataSource dataSource;

	private Connection held;

	StartupLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Waits until no other replica runs its start-up tasks, then holds the lock. */
	synchronized void acquire() {
		if (this.held != null) {
			return;
		}
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Connection connection = null;
			try {
				connection = this.dataSource.getConnection();
				connection.setAutoCommit(false);
				try (PreparedStatement lock = connection
					.prepareStatement("SELECT name FROM replica_lock WHERE name = 'startup' FOR UPDATE")) {
					lock.executeQuery().close();
				}
				this.held = connection;
				return;
			}
			catch (SQLException ex) {
				close(connection);
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("another replica held the start-up lock for more than " + WAIT, ex);
				}
				// a lock wait timeout: the other replica is still busy
				log.info("Waiting for another replica's start-up tasks [STARTUP_LOCK_WAIT]: {}", ex.getMessage());
			}
		}
	}

	/** Lets the next replica run its start-up tasks (also called by a long-running command before it starts). */
	public synchronized void release() {
		Connection connection = this.held;
		this.held = null;
		close(connection);
	}

	@Override
	public void destroy() {
		release();
	}

	private static void close(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// closing gives the lock back too
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// the server drops the lock with the connection
		}
	}

}
