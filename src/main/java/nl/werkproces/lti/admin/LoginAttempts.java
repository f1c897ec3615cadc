package nl.werkproces.lti.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Throttles failed admin sign-ins in three ways, counted in the database ({@code admin_sign_in_failure},
 * {@code admin_account_failures}, V33_2) so that all replicas throttle together (see {@link AdminProperties}): a user name is locked
 * for one address after {@code max-failed-logins} failures within {@code lockout}; an address is locked after
 * {@code max-failed-logins-per-address} failures whatever the user name; and a user name, whatever the address,
 * waits a delay after {@code account-delay-after} failures that doubles with every further failure up to
 * {@code account-max-delay}. Changing the address therefore gains an attacker nothing, while the admin is at worst
 * slowed down, never locked out for good. An account's failures are forgotten after {@code lockout} without one.
 */
@Component
class LoginAttempts {

	private static final int MAX_KEY_LENGTH = 256;

	private static final int MAX_ADDRESS_LENGTH = 64;

	private final JdbcClient jdbc;

	private final AdminProperties properties;

	private final Clock clock;

	LoginAttempts(JdbcClient jdbc, AdminProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The lock that keeps this user name from signing in from this address now, if any. */
	Optional<Lock> lock(String username, String address) {
		Instant now = this.clock.instant();
		Optional<AccountFailures> account = accountFailures(account(username));
		if (account.isPresent() && !account.get().isForgotten(now, this.properties)
				&& now.isBefore(account.get().waitUntil(this.properties))) {
			return Optional.of(Lock.ACCOUNT);
		}
		Timestamp horizon = Timestamp.from(now.minus(this.properties.lockout()));
		long atAddress = this.jdbc.sql("""
				SELECT COUNT(*) FROM admin_sign_in_failure
				WHERE account = ? AND address = ? AND failed_at >= ? AND counts = TRUE""")
			.params(account(username), address(address), horizon)
			.query(Long.class)
			.single();
		if (atAddress >= this.properties.maxFailedLogins()) {
			return Optional.of(Lock.USER_AT_ADDRESS);
		}
		long fromAddress = this.jdbc
			.sql("SELECT COUNT(*) FROM admin_sign_in_failure WHERE address = ? AND failed_at >= ?")
			.params(address(address), horizon)
			.query(Long.class)
			.single();
		if (fromAddress >= this.properties.maxFailedLoginsPerAddress()) {
			return Optional.of(Lock.ADDRESS);
		}
		return Optional.empty();
	}

	/** Records a wrong password and answers the lock it leads to, if any. */
	Optional<Lock> failed(String username, String address) {
		Instant now = this.clock.instant();
		Timestamp at = Timestamp.from(now);
		Timestamp horizon = Timestamp.from(now.minus(this.properties.lockout()));
		try {
			this.jdbc.sql("DELETE FROM admin_sign_in_failure WHERE failed_at < ?").param(horizon).update();
		}
		catch (DataAccessException ex) {
			// only tidying up: another replica's clean-up or sign-in got in the way; the next failure tries again
		}
		this.jdbc.sql("""
				INSERT INTO admin_sign_in_failure (account, address, failed_at, counts) VALUES (?, ?, ?, TRUE)""")
			.params(account(username), address(address), at)
			.update();
		countAccountFailure(account(username), at, horizon);
		AccountFailures account = accountFailures(account(username)).orElseThrow();
		if (now.isBefore(account.waitUntil(this.properties))) {
			return Optional.of(Lock.ACCOUNT);
		}
		return lock(username, address);
	}

	/** How long the user name has to wait before its next attempt (zero when it need not wait). */
	Duration accountWait(String username) {
		Optional<AccountFailures> account = accountFailures(account(username));
		if (account.isEmpty()) {
			return Duration.ZERO;
		}
		Duration wait = Duration.between(this.clock.instant(), account.get().waitUntil(this.properties));
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	void succeeded(String username, String address) {
		this.jdbc.sql("UPDATE admin_sign_in_failure SET counts = FALSE WHERE account = ? AND address = ?")
			.params(account(username), address(address))
			.update();
		this.jdbc.sql("DELETE FROM admin_account_failures WHERE account = ?").param(account(username)).update();
	}

	/** One more consecutive failure, or the first after the earlier ones were forgotten; atomic across replicas. */
	private void countAccountFailure(String account, Timestamp at, Timestamp horizon) {
		for (int attempt = 0; attempt < 3; attempt++) {
			int updated = this.jdbc.sql("""
					UPDATE admin_account_failures
					SET failures = CASE WHEN last_failed_at < ? THEN 1 ELSE failures + 1 END, last_failed_at = ?
					WHERE account = ?""")
				.params(horizon, at, account)
				.update();
			if (updated == 1) {
				return;
			}
			try {
				this.jdbc.sql("INSERT INTO admin_account_failures (account, failures, last_failed_at) VALUES (?, 1, ?)")
					.params(account, at)
					.update();
				return;
			}
			catch (DuplicateKeyException ex) {
				// another replica counted the first failure at the same moment: count on top of it
			}
		}
	}

	private Optional<AccountFailures> accountFailures(String account) {
		return this.jdbc.sql("SELECT failures, last_failed_at FROM admin_account_failures WHERE account = ?")
			.param(account)
			.query((rs, row) -> new AccountFailures(rs.getInt(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	private static String account(String username) {
		String name = String.valueOf(username).trim().toLowerCase(Locale.ROOT);
		return (name.length() > MAX_KEY_LENGTH) ? name.substring(0, MAX_KEY_LENGTH) : name;
	}

	private static String address(String address) {
		String value = String.valueOf(address);
		return (value.length() > MAX_ADDRESS_LENGTH) ? value.substring(0, MAX_ADDRESS_LENGTH) : value;
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
