package nl.werkproces.lti.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed admin sign-ins per user name and client address (on this replica) and locks further attempts
 * after {@code lti.admin.max-failed-logins} failures within {@code lti.admin.lockout}.
 */
@Component
class LoginAttempts {

	private final ConcurrentMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final AdminProperties properties;

	private final Clock clock;

	LoginAttempts(AdminProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	boolean isLocked(String username, String address) {
		Deque<Instant> recent = this.failures.get(key(username, address));
		if (recent == null) {
			return false;
		}
		synchronized (recent) {
			prune(recent);
			return recent.size() >= this.properties.maxFailedLogins();
		}
	}

	void failed(String username, String address) {
		Deque<Instant> recent = this.failures.computeIfAbsent(key(username, address), (k) -> new ArrayDeque<>());
		synchronized (recent) {
			prune(recent);
			recent.addLast(this.clock.instant());
		}
	}

	void succeeded(String username, String address) {
		this.failures.remove(key(username, address));
	}

	private void prune(Deque<Instant> recent) {
		Instant horizon = this.clock.instant().minus(this.properties.lockout());
		while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
			recent.removeFirst();
		}
	}

	private static String key(String username, String address) {
		return String.valueOf(username).trim().toLowerCase(Locale.ROOT) + "|" + address;
	}

}
