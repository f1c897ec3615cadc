package nl.werkproces.lti.launch;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Bounds what login initiation stores: at most {@code lti.launch.logins-per-address} logins per client address in
 * each {@code lti.launch.login-rate-window} (counted on this replica), and at most
 * {@code lti.launch.max-pending-logins} stored logins for everybody together (counted in the database, so for all
 * replicas). The client address is {@code request.getRemoteAddr()}, which the server sets from forwarded headers of
 * trusted proxies only.
 */
@Component
class LoginRateLimit {

	/** Addresses tracked at most; beyond this the windows that have passed are dropped, then all. */
	private static final int MAX_TRACKED_ADDRESSES = 100_000;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final LaunchProperties properties;

	private final LoginStates states;

	private final Clock clock;

	LoginRateLimit(LaunchProperties properties, LoginStates states, Clock clock) {
		this.properties = properties;
		this.states = states;
		this.clock = clock;
	}

	/** Counts one login for the address, or refuses it with 429 when the address or the tool is at its limit. */
	void acquire(String address) {
		Instant now = this.clock.instant();
		if (this.windows.size() >= MAX_TRACKED_ADDRESSES) {
			this.windows.values().removeIf((window) -> window.passed(now));
			if (this.windows.size() >= MAX_TRACKED_ADDRESSES) {
				this.windows.clear();
			}
		}
		Window window = this.windows.compute(String.valueOf(address),
				(key, current) -> (current == null || current.passed(now))
						? new Window(now.plus(this.properties.loginRateWindow()), 1) : current.next());
		if (window.count() > this.properties.loginsPerAddress()) {
			throw new LaunchException(LaunchFailure.LOGIN_RATE_LIMITED,
					"more than " + this.properties.loginsPerAddress() + " logins from one address");
		}
		if (this.states.countStored() >= this.properties.maxPendingLogins()) {
			throw new LaunchException(LaunchFailure.LOGINS_PENDING_LIMIT,
					this.properties.maxPendingLogins() + " logins stored");
		}
	}

	private record Window(Instant end, int count) {

		boolean passed(Instant now) {
			return !now.isBefore(this.end);
		}

		Window next() {
			return new Window(this.end, this.count + 1);
		}

	}

}
