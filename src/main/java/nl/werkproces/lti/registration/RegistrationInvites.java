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
 * by the registration they allow. A link creates a new platform named after the link, or, when the admin made it
 * for one platform, re-registers that platform and nothing else. Only the SHA-256 of the token is stored.
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

	/** Makes a link for a new platform; returns the token (shown once, in the registration link). */
	public String create(String label, String createdBy) {
		return insert(label, null, createdBy);
	}

	/** Makes a link that re-registers the given platform only; returns the token. */
	public String createReregistration(long platformId, String label, String createdBy) {
		return insert(label, platformId, createdBy);
	}

	private String insert(String label, Long reregisterPlatformId, String createdBy) {
		String token = SecureTokens.next();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO registration_invite (token_hash, label, created_by, created_at, expires_at,
					reregister_platform_id)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(SecureTokens.sha256(token), label, createdBy, Timestamp.from(now),
					Timestamp.from(now.plus(this.properties.inviteLifetime())), reregisterPlatformId)
			.update();
		return token;
	}

	/** The invite when the token is valid: known, unused, unexpired. */
	Optional<OpenInvite> valid(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT label, reregister_platform_id FROM registration_invite
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(SecureTokens.sha256(token), Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new OpenInvite(rs.getString(1), rs.getObject(2, Long.class)))
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
				SELECT label, created_by, created_at, expires_at, used_at, used_issuer, platform_id,
					reregister_platform_id
				FROM registration_invite ORDER BY created_at DESC LIMIT 50""")
			.query((rs, row) -> new Invite(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant(),
					Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant).orElse(null), rs.getString(6),
					rs.getObject(7, Long.class), rs.getObject(8, Long.class)))
			.list();
	}

	/**
	 * A valid invite as a registration uses it.
	 * @param label the name the admin gave the link, which the created platform gets
	 * @param reregisterPlatformId the platform the link re-registers, or {@code null} for a new platform
	 */
	record OpenInvite(String label, Long reregisterPlatformId) {

	}

	/**
	 * An invite as the admin page lists it (never with its token).
	 * @param platformId the platform its registration created or re-registered, once used
	 * @param reregisterPlatformId the platform it re-registers, or {@code null} for a new platform
	 */
	public record Invite(String label, String createdBy, Instant createdAt, Instant expiresAt, Instant usedAt,
			String usedIssuer, Long platformId, Long reregisterPlatformId) {

		public boolean used() {
			return this.usedAt != null;
		}

	}

}
