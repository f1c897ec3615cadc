package nl.werkproces.lti.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.werkproces.lti.launch.SecureTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time registration links: made by a tool admin, valid for {@code lti.registration.invite-lifetime}, used up
 * by the registration they allow. Only the SHA-256 of the token is stored.
 */
@Repository
public class RegistrationInvites {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DynamicRegistrationProperties properties;

	RegistrationInvites(JdbcClient jdbc, Clock clock, DynamicRegistrationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** Makes a new invite; returns the token (shown once, in the registration link). */
	public String create(String label, String createdBy) {
		String token = SecureTokens.next();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO registration_invite (token_hash, label, created_by, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(SecureTokens.sha256(token), label, createdBy, Timestamp.from(now),
					Timestamp.from(now.plus(this.properties.inviteLifetime())))
			.update();
		return token;
	}

	/** The invite's label when the token is valid: known, unused, unexpired. */
	Optional<String> validLabel(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT label FROM registration_invite
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(SecureTokens.sha256(token), Timestamp.from(this.clock.instant()))
			.query(String.class)
			.optional();
	}

	/** Uses the invite up for the registered platform; {@code false} when it was used or expired meanwhile. */
	boolean consume(String token, String issuer, long platformId) {
		return this.jdbc.sql("""
				UPDATE registration_invite SET used_at = ?, used_issuer = ?, platform_id = ?
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(Timestamp.from(this.clock.instant()), issuer, platformId, SecureTokens.sha256(token),
					Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	public List<Invite> recent() {
		return this.jdbc.sql("""
				SELECT label, created_by, created_at, expires_at, used_at, used_issuer FROM registration_invite
				ORDER BY created_at DESC LIMIT 50""")
			.query((rs, row) -> new Invite(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant(), Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant).orElse(null),
					rs.getString(6)))
			.list();
	}

	/** An invite as the admin page lists it (never with its token). */
	public record Invite(String label, String createdBy, Instant createdAt, Instant expiresAt, Instant usedAt,
			String usedIssuer) {

		public boolean used() {
			return this.usedAt != null;
		}

	}

}
