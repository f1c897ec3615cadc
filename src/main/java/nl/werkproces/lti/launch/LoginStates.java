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
		Instant now = this.clock.instant();
		LoginState state = new LoginState(SecureTokens.next(), SecureTokens.next(), platformId, browserHash,
				login.targetLinkUri(), login.loginHint(), login.ltiMessageHint(), login.deploymentId(),
				now.plus(this.properties.loginTimeout()));
		this.jdbc.sql("""
				INSERT INTO login_state (state, nonce, platform_id, browser_hash, target_link_uri, login_hint,
				                         lti_message_hint, deployment_id, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(state.state(), state.nonce(), platformId, browserHash, state.targetLinkUri(), state.loginHint(),
					state.ltiMessageHint(), state.deploymentId(), Timestamp.from(now), Timestamp.from(state.expiresAt()))
			.update();
		return state;
	}

	/** The login with this state, unless it expired or was used. */
	Optional<LoginState> find(String state) {
		return this.jdbc.sql("""
				SELECT state, nonce, platform_id, browser_hash, target_link_uri, login_hint, lti_message_hint,
				       deployment_id, expires_at
				FROM login_state WHERE state = ? AND expires_at > ?""")
			.params(state, Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new LoginState(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.optional();
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

	/** Logins stored, expired ones not yet purged included. */
	long countStored() {
		return this.jdbc.sql("SELECT COUNT(*) FROM login_state").query(Long.class).single();
	}

	int purgeExpired() {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("DELETE FROM login_state WHERE expires_at <= ?").param(now).update()
				+ this.jdbc.sql("DELETE FROM used_nonce WHERE expires_at <= ?").param(now).update();
	}

}
