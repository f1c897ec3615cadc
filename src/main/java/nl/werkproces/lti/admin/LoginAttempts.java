package nl.werkproces.lti.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Throttles failed admin sign-ins on this replica in three ways (see {@link AdminProperties}): a user name is locked
 * for one address after {@code max-failed-logins} failures within {@code lockout}; an address is locked after
 * {@code max-failed-logins-per-address} failures whatever the user name; and a user name, whatever the address,
 * waits a delay after {@code account-delay-after} failures that doubles with every further failure up to
 * {@code account-max-delay}. Changing the address therefore gains an attacker nothing, while the admin is at worst
 * slowed down, never locked out for good. An account's failures are forgotten after {@code lockout} without one.
 */
@Component
class LoginAttempts {

	/** Above this many remembered keys, expired ones are swept out at the next failure. */
	private static final int SWEEP_SIZE = 10_000;

	private static final int MAX_KEY_LENGTH = 256;

	private final ConcurrentMap<String, Deque<Instant>> byUserAndAddress = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, AccountFailures> byAccount = new ConcurrentHashMap<>();

	private final AdminProperties properties;

	private final Clock clock;

	LoginAttempts(AdminProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The lock that keeps this user name from signing in from this address now, if any. */
	Optional<Lock> lock(String username, String address) {
		Instant now = this.clock.instant();
		AccountFailures account = this.byAccount.get(account(username));
		if (account != null && now.isBefore(account.waitUntil(this.properties))) {
			return Optional.of(Lock.ACCOUNT);
		}
		if (count(this.byUserAndAddress, key(username, address), now) >= this.properties.maxFailedLogins()) {
			return Optional.of(Lock.USER_AT_ADDRESS);
		}
		if (count(this.byAddress, address, now) >= this.properties.maxFailedLoginsPerAddress()) {
			return Optional.of(Lock.ADDRESS);
		}
		return Optional.empty();
	}

	/** Records a wrong password and answers the lock it leads to, if any. */
	Optional<Lock> failed(String username, String address) {
		Instant now = this.clock.instant();
		sweepIfLarge(now);
		add(this.byUserAndAddress, key(username, address), now);
		add(this.byAddress, address, now);
		AccountFailures account = this.byAccount.compute(account(username),
				(key, previous) -> (previous == null || previous.isForgotten(now, this.properties))
						? new AccountFailures(1, now) : new AccountFailures(previous.count() + 1, now));
		if (now.isBefore(account.waitUntil(this.properties))) {
			return Optional.of(Lock.ACCOUNT);
		}
		return lock(username, address);
	}

	/** How long the user name has to wait before its next attempt (zero when it need not wait). */
	Duration accountWait(String username) {
		AccountFailures account = this.byAccount.get(account(username));
		if (account == null) {
			return Duration.ZERO;
		}
		Duration wait = Duration.between(this.clock.instant(), account.waitUntil(this.properties));
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	void succeeded(String username, String address) {
		this.byUserAndAddress.remove(key(username, address));
		this.byAccount.remove(account(username));
	}

	private int count(ConcurrentMap<String, Deque<Instant>> failures, String key, Instant now) {
		Deque<Instant> recent = failures.get(key);
		if (recent == null) {
			return 0;
		}
		synchronized (recent) {
			prune(recent, now);
			return recent.size();
		}
	}

	private void add(ConcurrentMap<String, Deque<Instant>> failures, String key, Instant now) {
		Deque<Instant> recent = failures.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (recent) {
			prune(recent, now);
			recent.addLast(now);
		}
	}

	private void prune(Deque<Instant> recent, Instant now) {
		Instant horizon = now.minus(this.properties.lockout());
		while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
			recent.removeFirst();
		}
	}

	private void sweepIfLarge(Instant now) {
		Instant horizon = now.minus(this.properties.lockout());
		if (this.byUserAndAddress.size() + this.byAddress.size() > SWEEP_SIZE) {
			sweep(this.byUserAndAddress, horizon);
			sweep(this.byAddress, horizon);
		}
		if (this.byAccount.size() > SWEEP_SIZE) {
			this.byAccount.values().removeIf((account) -> account.isForgotten(now, this.properties));
		}
	}

	private static void sweep(ConcurrentMap<String, Deque<Instant>> failures, Instant horizon) {
		failures.values().removeIf((recent) -> {
			synchronized (recent) {
				return recent.isEmpty() || recent.peekLast().isBefore(horizon);
			}
		});
	}

	private static String account(String username) {
		String name = String.valueOf(username).trim().toLowerCase(Locale.ROOT);
		return (name.length() > MAX_KEY_LENGTH) ? name.substring(0, MAX_KEY_LENGTH) : name;
	}

	private static String key(String username, String address) {
		return account(username) + "|" + address;
	}

	/** What keeps a sign-in from being tried. */
	enum Lock {

		/** Too many failures of this user name from this address. */
		USER_AT_ADDRESS,
		/** Too many failures from this address, whatever the user name. */
		ADDRESS,
		/** The user name waits out its growing delay, whatever the address. */
		ACCOUNT

	}

	/** Consecutive failures of one user name and when the last one was. */
	private record AccountFailures(int count, Instant last) {

		Instant waitUntil(AdminProperties properties) {
			int beyond = this.count - properties.accountDelayAfter();
			if (beyond < 0) {
				return this.last;
			}
			Duration max = properties.accountMaxDelay();
			Duration delay = properties.accountInitialDelay().multipliedBy(1L << Math.min(beyond, 30));
			return this.last.plus((delay.compareTo(max) > 0) ? max : delay);
		}

		boolean isForgotten(Instant now, AdminProperties properties) {
			return this.last.plus(properties.lockout()).isBefore(now);
		}

	}

}
