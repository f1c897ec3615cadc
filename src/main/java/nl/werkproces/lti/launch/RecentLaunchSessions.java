package nl.werkproces.lti.launch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The launch sessions this replica opened in the last {@link #TIME_TO_LIVE}, so that the first page after a launch
 * does not read back the rows the launch has just written. Only a shortcut: a session opened on another replica,
 * evicted or older is read from the database, and the caller still checks expiry and the platform. Entries are
 * added when the launch's transaction commits, never for a launch that rolled back.
 */
@Component
class RecentLaunchSessions {

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

	static final int MAX_ENTRIES = 10_000;

	private static final long TTL_NANOS = TIME_TO_LIVE.toNanos();

	private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicInteger puts = new AtomicInteger();

	/** Remembers the session once the current transaction commits (at once without one). */
	void addAfterCommit(LaunchSession session) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			add(session);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				add(session);
			}
		});
	}

	/** The session with this id hash if this replica opened it less than {@link #TIME_TO_LIVE} ago. */
	LaunchSession get(String idHash) {
		Entry entry = this.entries.get(idHash);
		if (entry == null) {
			return null;
		}
		if (System.nanoTime() - entry.addedAt > TTL_NANOS) {
			this.entries.remove(idHash, entry);
			return null;
		}
		return entry.session;
	}

	/** Forgets every session (as a replica that did not open them). */
	void clear() {
		this.entries.clear();
	}

	private void add(LaunchSession session) {
		if (this.puts.incrementAndGet() % 256 == 0 || this.entries.size() >= MAX_ENTRIES) {
			long now = System.nanoTime();
			this.entries.values().removeIf((entry) -> now - entry.addedAt > TTL_NANOS);
		}
		if (this.entries.size() < MAX_ENTRIES) {
			this.entries.put(session.idHash(), new Entry(session, System.nanoTime()));
		}
	}

	private record Entry(LaunchSession session, long addedAt) {

	}

}
