package nl.werkproces.lti.launch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.spec.LtiRole;
import nl.werkproces.lti.spec.MessageType;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launch sessions: created by an accepted launch together with the platform-scoped user, context and resource
 * link (all or nothing), found again by their opaque id. Only the SHA-256 of the id is stored.
 */
@Repository
public class LaunchSessions {

	private static final int KEY_LENGTH = 255;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final LaunchProperties properties;

	LaunchSessions(JdbcClient jdbc, JsonMapper json, Clock clock, LaunchProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/** Opens a session for the launch; returns the opaque session id (shown only here). */
	@Transactional
	String start(IdToken token, Platform platform) {
		Instant now = this.clock.instant();
		long userId = upsertUser(token, platform.id(), now);
		Map<String, Object> context = token.object(LtiClaims.CONTEXT);
		Long contextId = contextId(context, platform.id(), now);
		Map<String, Object> link = token.object(LtiClaims.RESOURCE_LINK);
		Long linkId = resourceLinkId(link, platform.id(), contextId, now);
		List<String> roleClaims = token.strings(LtiClaims.ROLES).orElse(List.of());
		Set<LtiRole> roles = LtiRole.fromClaims(roleClaims);
		Map<String, Object> presentation = token.object(LtiClaims.LAUNCH_PRESENTATION);
		Map<String, Object> ags = token.object(LtiClaims.AGS_ENDPOINT);
		Map<String, Object> nrps = token.object(LtiClaims.NRPS);
		Map<String, Object> deepLinking = token.object(LtiClaims.DEEP_LINKING_SETTINGS);
		Map<String, Object> custom = token.object(LtiClaims.CUSTOM);
		String sessionId = SecureTokens.next();
		this.jdbc.sql("""
				INSERT INTO launch_session (id_hash, platform_id, deployment_id, user_id, context_id, resource_link_id,
				    message_type, roles, role_claims, locale, document_target, return_url, ags_lineitems, ags_lineitem,
				    ags_scopes, nrps_url, deep_linking, custom, csrf_token, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(SecureTokens.sha256(sessionId), platform.id(), token.string(LtiClaims.DEPLOYMENT_ID).orElseThrow(),
					userId, contextId, linkId, token.string(LtiClaims.MESSAGE_TYPE).orElseThrow(),
					String.join(",", roles.stream().map(Enum::name).toList()),
					limit(String.join(" ", roleClaims.stream().filter((r) -> r != null && !r.isBlank()).toList()), 4000),
					limit(locale(token, presentation), 35), limit(IdToken.member(presentation, "document_target"), 16),
					url(IdToken.member(presentation, "return_url"), 2048), url(IdToken.member(ags, "lineitems"), 1024),
					url(IdToken.member(ags, "lineitem"), 1024), limit(scopes(ags), 1024),
					url(IdToken.member(nrps, "context_memberships_url"), 1024), jsonOrNull(deepLinking),
					jsonOrNull(custom), SecureTokens.next(), Timestamp.from(now),
					Timestamp.from(now.plus(this.properties.sessionLifetime())))
			.update();
		return sessionId;
	}

	/** The session with this opaque id, unless it expired. */
	public Optional<LaunchSession> find(String sessionId) {
		if (sessionId == null || sessionId.isBlank() || sessionId.length() > 64) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT s.*, p.name AS platform_name, u.subject, u.name AS user_name, u.email,
				       c.context_key, c.label AS context_label, c.title AS context_title,
				       r.link_key, r.title AS link_title
				FROM launch_session s
				JOIN platform p ON p.id = s.platform_id
				JOIN lti_user u ON u.id = s.user_id AND u.platform_id = s.platform_id
				LEFT JOIN lti_context c ON c.id = s.context_id AND c.platform_id = s.platform_id
				LEFT JOIN resource_link r ON r.id = s.resource_link_id AND r.platform_id = s.platform_id
				WHERE s.id_hash = ? AND s.expires_at > ? AND p.enabled = TRUE""")
			.params(SecureTokens.sha256(sessionId), Timestamp.from(this.clock.instant()))
			.query(this::session)
			.optional();
	}

	int purgeExpired() {
		return this.jdbc.sql("DELETE FROM launch_session WHERE expires_at <= ?")
			.param(Timestamp.from(this.clock.instant()))
			.update();
	}

	private LaunchSession session(ResultSet rs, int row) throws SQLException {
		Set<LtiRole> roles = EnumSet.noneOf(LtiRole.class);
		Arrays.stream(rs.getString("roles").split(","))
			.filter((role) -> !role.isBlank())
			.forEach((role) -> roles.add(LtiRole.valueOf(role)));
		long contextId = rs.getLong("context_id");
		LaunchSession.Context context = rs.wasNull() ? null
				: new LaunchSession.Context(contextId, rs.getString("context_key"), rs.getString("context_label"),
						rs.getString("context_title"));
		long linkId = rs.getLong("resource_link_id");
		LaunchSession.ResourceLink link = rs.wasNull() ? null
				: new LaunchSession.ResourceLink(linkId, rs.getString("link_key"), rs.getString("link_title"));
		String scopes = rs.getString("ags_scopes");
		String roleClaims = rs.getString("role_claims");
		return new LaunchSession(rs.getString("id_hash"), rs.getLong("platform_id"), rs.getString("platform_name"),
				rs.getString("deployment_id"),
				new LaunchSession.User(rs.getLong("user_id"), rs.getString("subject"), rs.getString("user_name"),
						rs.getString("email")),
				context, link, MessageType.fromClaim(rs.getString("message_type")).orElseThrow(), roles,
				roleClaims.isEmpty() ? List.of() : List.of(roleClaims.split(" ")), SupportedLocales.of(rs.getString("locale")),
				rs.getString("document_target"), rs.getString("return_url"),
				new LaunchSession.Services(rs.getString("ags_lineitems"), rs.getString("ags_lineitem"),
						(scopes == null || scopes.isEmpty()) ? List.of() : List.of(scopes.split(" ")),
						rs.getString("nrps_url")),
				rs.getString("deep_linking"), rs.getString("custom"), rs.getString("csrf_token"),
				rs.getTimestamp("expires_at").toInstant());
	}

	private long upsertUser(IdToken token, long platformId, Instant now) {
		String subject = key(token.subject(), "sub");
		String name = limit(token.string("name").orElse(null), 255);
		String givenName = limit(token.string("given_name").orElse(null), 255);
		String familyName = limit(token.string("family_name").orElse(null), 255);
		String email = limit(token.string("email").orElse(null), 320);
		if (name == null && (givenName != null || familyName != null)) {
			name = limit(String.join(" ", Arrays.stream(new String[] { givenName, familyName })
				.filter((part) -> part != null && !part.isBlank())
				.toList()), 255);
		}
		Object[] values = { name, givenName, familyName, email, Timestamp.from(now), platformId, subject };
		return upsert("""
				UPDATE lti_user SET name = ?, given_name = ?, family_name = ?, email = ?, updated_at = ?
				WHERE platform_id = ? AND subject = ?""", values, """
				INSERT INTO lti_user (name, given_name, family_name, email, updated_at, platform_id, subject, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", "SELECT id FROM lti_user WHERE platform_id = ? AND subject = ?",
				platformId, subject, now);
	}

	private Long contextId(Map<String, Object> context, long platformId, Instant now) {
		String key = IdToken.member(context, "id");
		if (key == null || key.isBlank()) {
			return null;
		}
		key = key(key, "context.id");
		Object[] values = { limit(IdToken.member(context, "label"), 255), limit(IdToken.member(context, "title"), 1024),
				Timestamp.from(now), platformId, key };
		return upsert("""
				UPDATE lti_context SET label = ?, title = ?, updated_at = ? WHERE platform_id = ? AND context_key = ?""",
				values, """
						INSERT INTO lti_context (label, title, updated_at, platform_id, context_key, created_at)
						VALUES (?, ?, ?, ?, ?, ?)""",
				"SELECT id FROM lti_context WHERE platform_id = ? AND context_key = ?", platformId, key, now);
	}

	private Long resourceLinkId(Map<String, Object> link, long platformId, Long contextId, Instant now) {
		String key = IdToken.member(link, "id");
		if (key == null || key.isBlank()) {
			return null;
		}
		key = key(key, "resource_link.id");
		Object[] values = { contextId, limit(IdToken.member(link, "title"), 1024), Timestamp.from(now), platformId,
				key };
		return upsert("""
				UPDATE resource_link SET context_id = ?, title = ?, updated_at = ? WHERE platform_id = ? AND link_key = ?""",
				values, """
						INSERT INTO resource_link (context_id, title, updated_at, platform_id, link_key, created_at)
						VALUES (?, ?, ?, ?, ?, ?)""",
				"SELECT id FROM resource_link WHERE platform_id = ? AND link_key = ?", platformId, key, now);
	}

	/** Update, else insert (a concurrent insert of the same key is tolerated), then read the id. */
	private long upsert(String update, Object[] values, String insert, String select, long platformId, String key,
			Instant now) {
		if (this.jdbc.sql(update).params(values).update() == 0) {
			Object[] insertValues = Arrays.copyOf(values, values.length + 1);
			insertValues[values.length] = Timestamp.from(now);
			try {
				this.jdbc.sql(insert).params(insertValues).update();
			}
			catch (DuplicateKeyException ex) {
				this.jdbc.sql(update).params(values).update();
			}
		}
		return this.jdbc.sql(select).params(platformId, key).query(Long.class).single();
	}

	private String locale(IdToken token, Map<String, Object> presentation) {
		String locale = IdToken.member(presentation, "locale");
		return (locale != null) ? locale : token.string("locale").orElse(null);
	}

	private String jsonOrNull(Map<String, Object> claim) {
		if (claim.isEmpty()) {
			return null;
		}
		String text = this.json.writeValueAsString(claim);
		if (text.length() > 4000) {
			throw new LaunchException(LaunchFailure.CLAIM_MALFORMED, "claim larger than 4000 characters");
		}
		return text;
	}

	private static String scopes(Map<String, Object> ags) {
		Object scope = ags.get("scope");
		if (scope instanceof List<?> list) {
			return String.join(" ", list.stream().map(String::valueOf).toList());
		}
		return null;
	}

	private static String key(String value, String claim) {
		if (value.length() > KEY_LENGTH) {
			throw new LaunchException(LaunchFailure.CLAIM_MALFORMED, claim + " longer than " + KEY_LENGTH);
		}
		return value;
	}

	private static String url(String value, int max) {
		if (value == null) {
			return null;
		}
		if (value.length() > max || !(value.startsWith("https://") || value.startsWith("http://"))) {
			return null;
		}
		return value;
	}

	private static String limit(String value, int max) {
		if (value == null) {
			return null;
		}
		return (value.length() > max) ? value.substring(0, max) : value;
	}

}
