package nl.werkproces.lti.launch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Logins in progress and used nonces, in the database so that any replica can finish a login started on
 * another. States are single use; both expire and are purged.
 */
@Repository
class LoginStates {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LaunchProperties properties;

	LoginStates(JdbcClient jdbc, Clock clock, LaunchProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	LoginState create(long platformId, LoginInitiation login, String browserHash) {
		return create(platformId, login, browserHash, null);
	}

	/**
	 * A new login bound to the browser cookie ({@code browserHash}) and, when the platform offered its storage, to
	 * the secret the login page puts there ({@code storageHash}, with the login's storage target).
	 */
	LoginState create(long platformId, LoginInitiation login, String browserHash, String storageHash) {
		Instant now = this.clock.instant();
		String storageTarget = (storageHash != null) ? login.storageTarget() : null;
		LoginState state = new LoginState(SecureTokens.next(), SecureTokens.next(), platformId, browserHash,
				login.targetLinkUri(), login.loginHint(), login.ltiMessageHint(), login.deploymentId(),
				now.plus(this.properties.loginTimeout()), storageTarget, (storageTarget != null) ? storageHash : null);
		this.jdbc.sql("""
				INSERT INTO login_state (state, nonce, platform_id, browser_hash, target_link_uri, login_hint,
				                         lti_message_hint, deployment_id, created_at, expires_at, storage_target,
				                         storage_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(state.state(), state.nonce(), platformId, browserHash, state.targetLinkUri(), state.loginHint(),
					state.ltiMessageHint(), state.deploymentId(), Timestamp.from(now), Timestamp.from(state.expiresAt()),
					state.storageTarget(), state.storageHash())
			.update();
		return state;
	}

	/** The login with this state, unless it expired or was used. */
	Optional<LoginState> find(String state) {
		return findEvenExpired(state).filter((login) -> login.expiresAt().isAfter(this.clock.instant()));
	}

	/**
	 * The login with this state, also when it expired (expired logins are kept for one more login timeout, so that
	 * a late launch is told it took too long), unless it was used.
	 */
	Optional<LoginState> findEvenExpired(String state) {
		return this.jdbc.sql("""
				SELECT state, nonce, platform_id, browser_hash, target_link_uri, login_hint, lti_message_hint,
				       deployment_id, expires_at, storage_target, storage_hash
				FROM login_state WHERE state = ?""")
			.param(state)
			.query((rs, row) -> new LoginState(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
					rs.getString(10), rs.getString(11)))
			.optional();
	}

	/** Whether this nonce belongs to a launch that was accepted (its state is used up). */
	boolean nonceUsed(String nonce) {
		return this.jdbc.sql("SELECT COUNT(*) FROM used_nonce WHERE nonce = ?").param(nonce).query(Long.class).single() > 0;
	}

	/** Uses up the state; {@code false} when another request used it first. */
	boolean consume(String state) {
		return this.jdbc.sql("DELETE FROM login_state WHERE state = ?").param(state).update() == 1;
	}

	/** Records the nonce as used; {@code false} when it was used before. */
	boolean claimNonce(String nonce, Instant keepUntil) {
		try {
			this.jdbc.sql("INSERT INTO used_nonce (nonce, expires_at) VALUES (?, ?)")
				.params(nonce, Timestamp.from(keepUntil))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Logins in progress (not expired). */
	long countStored() {
		return this.jdbc.sql("SELECT COUNT(*) FROM login_state WHERE expires_at > ?")
			.param(Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	/** Removes used nonces that expired and logins that expired more than one login timeout ago. */
	int purgeExpired() {
		Instant now = this.clock.instant();
		return this.jdbc.sql("DELETE FROM login_state WHERE expires_at <= ?")
			.param(Timestamp.from(now.minus(this.properties.loginTimeout())))
			.update() + this.jdbc.sql("DELETE FROM used_nonce WHERE expires_at <= ?").param(Timestamp.from(now)).update();
	}

}
