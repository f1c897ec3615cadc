package nl.werkproces.lti.launch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.spec.LtiRole;
import nl.werkproces.lti.spec.MessageType;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launch sessions: created by an accepted launch together with the platform-scoped user, context and resource
 * link (all or nothing, {@link LaunchEntities}), found again by their opaque id. Only the SHA-256 of the id is
 * stored.
 */
@Repository
public class LaunchSessions {

	private static final Logger log = LoggerFactory.getLogger(LaunchSessions.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final LaunchProperties properties;

	private final LaunchEntities entities;

	private final RecentLaunchSessions recent;

	private final PlatformRegistrations registrations;

	private final TransactionTemplate transactions;

	LaunchSessions(JdbcClient jdbc, JsonMapper json, Clock clock, LaunchProperties properties, LaunchEntities entities,
			RecentLaunchSessions recent, PlatformRegistrations registrations, PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.entities = entities;
		this.recent = recent;
		this.registrations = registrations;
	}

	/**
	 * Opens a session for the launch; returns the opaque session id (shown only here). A transaction that the
	 * database rolled back to break a deadlock (two first launches of a class touching the same index range) is
	 * run once more instead of failing the launch.
	 */
	String start(IdToken token, Platform platform) {
		try {
			return this.transactions.execute((status) -> open(token, platform));
		}
		catch (PessimisticLockingFailureException ex) {
			log.info("Launch session transaction rolled back by the database ({}), running it again",
					ex.getClass().getSimpleName());
			return this.transactions.execute((status) -> open(token, platform));
		}
	}

	private String open(IdToken token, Platform platform) {
		Instant now = this.clock.instant();
		LaunchSession.User user = this.entities.user(token, platform.id(), now);
		LaunchSession.Context context = this.entities.context(token.object(LtiClaims.CONTEXT), platform.id(), now);
		LaunchSession.ResourceLink link = this.entities.resourceLink(token.object(LtiClaims.RESOURCE_LINK),
				platform.id(), (context != null) ? context.id() : null, now);
		List<String> roleClaims = token.strings(LtiClaims.ROLES).orElse(List.of());
		Map<String, Object> presentation = token.object(LtiClaims.LAUNCH_PRESENTATION);
		Map<String, Object> ags = token.object(LtiClaims.AGS_ENDPOINT);
		Map<String, Object> nrps = token.object(LtiClaims.NRPS);
		String sessionId = SecureTokens.next();
		String idHash = SecureTokens.sha256(sessionId);
		Columns columns = new Columns(token.string(LtiClaims.DEPLOYMENT_ID).orElseThrow(),
				token.string(LtiClaims.MESSAGE_TYPE).orElseThrow(),
				String.join(",", LtiRole.fromClaims(roleClaims).stream().map(Enum::name).toList()),
				limit(String.join(" ", roleClaims.stream().filter((r) -> r != null && !r.isBlank()).toList()), 4000),
				limit(locale(token, presentation), 35), limit(IdToken.member(presentation, "document_target"), 16),
				url(IdToken.member(presentation, "return_url"), 2048), url(IdToken.member(ags, "lineitems"), 1024),
				url(IdToken.member(ags, "lineitem"), 1024), limit(scopes(ags), 1024),
				url(IdToken.member(nrps, "context_memberships_url"), 1024),
				jsonOrNull(token.object(LtiClaims.DEEP_LINKING_SETTINGS)), jsonOrNull(token.object(LtiClaims.CUSTOM)),
				SecureTokens.next(), now.plus(this.properties.sessionLifetime()).truncatedTo(ChronoUnit.MICROS));
		this.jdbc.sql("""
				INSERT INTO launch_session (id_hash, platform_id, deployment_id, user_id, context_id, resource_link_id,
				    message_type, roles, role_claims, locale, document_target, return_url, ags_lineitems, ags_lineitem,
				    ags_scopes, nrps_url, deep_linking, custom, csrf_token, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(idHash, platform.id(), columns.deploymentId, user.id(), (context != null) ? context.id() : null,
					(link != null) ? link.id() : null, columns.messageType, columns.roles, columns.roleClaims,
					columns.locale, columns.documentTarget, columns.returnUrl, columns.lineItems, columns.lineItem,
					columns.agsScopes, columns.membershipsUrl, columns.deepLinking, columns.custom, columns.csrfToken,
					Timestamp.from(now), Timestamp.from(columns.expiresAt))
			.update();
		this.recent.addAfterCommit(session(idHash, platform.id(), platform.name(), user, context, link, columns));
		return sessionId;
	}

	/**
	 * A session for another activity of the same course, derived from a staff session: the same platform,
	 * deployment, user, roles, context, language and expiry, but {@code resourceLinkId} as its activity and
	 * {@code lineItem} as its gradebook column (the line items container stays the course's). It gets its own CSRF
	 * secret and carries no custom or Deep Linking claim of the original launch. The caller has checked that the
	 * resource link belongs to the session's context on its platform. The id goes only into the browser's cookie
	 * ({@link DerivedLaunchSessions}); a browser without the cookie gets link tokens naming the session.
	 */
	public Derived derive(LaunchSession from, long resourceLinkId, String lineItem) {
		if (from.context() == null) {
			throw new IllegalArgumentException("a session without a course derives no other activity's session");
		}
		String id = SecureTokens.next();
		String idHash = SecureTokens.sha256(id);
		int rows = this.jdbc.sql("""
				INSERT INTO launch_session (id_hash, platform_id, deployment_id, user_id, context_id, resource_link_id,
				    message_type, roles, role_claims, locale, document_target, return_url, ags_lineitems, ags_lineitem,
				    ags_scopes, nrps_url, deep_linking, custom, csrf_token, created_at, expires_at)
				SELECT ?, s.platform_id, s.deployment_id, s.user_id, s.context_id, ?, ?, s.roles, s.role_claims,
				    s.locale, s.document_target, s.return_url, s.ags_lineitems, ?, s.ags_scopes, s.nrps_url, NULL, NULL,
				    ?, ?, s.expires_at
				FROM launch_session s WHERE s.id_hash = ? AND s.platform_id = ? AND s.context_id = ?""")
			.params(idHash, resourceLinkId, MessageType.RESOURCE_LINK.claimValue(), url(lineItem, 1024),
					SecureTokens.next(), Timestamp.from(this.clock.instant()), from.idHash(), from.platformId(),
					from.context().id())
			.update();
		if (rows != 1) {
			throw new IllegalStateException("launch session to derive from is gone");
		}
		return new Derived(id, findByHash(idHash).orElseThrow());
	}

	/** A derived session and its opaque id (for the browser's cookie only, never a URL). */
	public record Derived(String id, LaunchSession session) {

		@Override
		public String toString() {
			return "Derived[session=" + this.session + "]";
		}

	}

	/**
	 * The session with this opaque id, unless it expired or its platform was disabled. A session this replica opened
	 * a moment ago comes from memory ({@link RecentLaunchSessions}), any other from the database.
	 */
	public Optional<LaunchSession> find(String sessionId) {
		if (sessionId == null || sessionId.isBlank() || sessionId.length() > 64) {
			return Optional.empty();
		}
		return findByHash(SecureTokens.sha256(sessionId));
	}

	/**
	 * The session whose id has this SHA-256 (as {@link LaunchLinkTokens} name it), unless it expired or its platform
	 * was disabled. Never a way in by itself: a link token's MAC must be checked too.
	 */
	Optional<LaunchSession> findByHash(String idHash) {
		Instant now = this.clock.instant();
		LaunchSession recent = this.recent.get(idHash);
		if (recent != null && recent.expiresAt().isAfter(now)
				&& this.registrations.findById(recent.platformId()).filter(Platform::enabled).isPresent()) {
			return Optional.of(recent);
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
			.params(idHash, Timestamp.from(now))
			.query(this::session)
			.optional();
	}

	int purgeExpired() {
		return this.jdbc.sql("DELETE FROM launch_session WHERE expires_at <= ?")
			.param(Timestamp.from(this.clock.instant()))
			.update();
	}

	private LaunchSession session(ResultSet rs, int row) throws SQLException {
		long contextId = rs.getLong("context_id");
		LaunchSession.Context context = rs.wasNull() ? null
				: new LaunchSession.Context(contextId, rs.getString("context_key"), rs.getString("context_label"),
						rs.getString("context_title"));
		long linkId = rs.getLong("resource_link_id");
		LaunchSession.ResourceLink link = rs.wasNull() ? null
				: new LaunchSession.ResourceLink(linkId, rs.getString("link_key"), rs.getString("link_title"));
		LaunchSession.User user = new LaunchSession.User(rs.getLong("user_id"), rs.getString("subject"),
				rs.getString("user_name"), rs.getString("email"));
		Columns columns = new Columns(rs.getString("deployment_id"), rs.getString("message_type"), rs.getString("roles"),
				rs.getString("role_claims"), rs.getString("locale"), rs.getString("document_target"),
				rs.getString("return_url"), rs.getString("ags_lineitems"), rs.getString("ags_lineitem"),
				rs.getString("ags_scopes"), rs.getString("nrps_url"), rs.getString("deep_linking"), rs.getString("custom"),
				rs.getString("csrf_token"), rs.getTimestamp("expires_at").toInstant());
		return session(rs.getString("id_hash"), rs.getLong("platform_id"), rs.getString("platform_name"), user, context,
				link, columns);
	}

	/** The session as read from its columns: the same for a row just written and one read back. */
	private static LaunchSession session(String idHash, long platformId, String platformName, LaunchSession.User user,
			LaunchSession.Context context, LaunchSession.ResourceLink link, Columns columns) {
		Set<LtiRole> roles = EnumSet.noneOf(LtiRole.class);
		Arrays.stream(columns.roles.split(","))
			.filter((role) -> !role.isBlank())
			.forEach((role) -> roles.add(LtiRole.valueOf(role)));
		return new LaunchSession(idHash, platformId, platformName, columns.deploymentId, user, context, link,
				MessageType.fromClaim(columns.messageType).orElseThrow(), Collections.unmodifiableSet(roles),
				columns.roleClaims.isEmpty() ? List.of() : List.of(columns.roleClaims.split(" ")),
				SupportedLocales.of(columns.locale), columns.documentTarget, columns.returnUrl,
				new LaunchSession.Services(columns.lineItems, columns.lineItem,
						(columns.agsScopes == null || columns.agsScopes.isEmpty()) ? List.of()
								: List.of(columns.agsScopes.split(" ")),
						columns.membershipsUrl),
				columns.deepLinking, columns.custom, columns.csrfToken, columns.expiresAt);
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

	private static String url(String value, int max) {
		if (value == null) {
			return null;
		}
		if (value.length() > max || !(value.startsWith("https://") || value.startsWith("http://"))) {
			return null;
		}
		return value;
	}

	static String limit(String value, int max) {
		if (value == null) {
			return null;
		}
		return (value.length() > max) ? value.substring(0, max) : value;
	}

	/** The stored columns of a session besides its keys. */
	private record Columns(String deploymentId, String messageType, String roles, String roleClaims, String locale,
			String documentTarget, String returnUrl, String lineItems, String lineItem, String agsScopes,
			String membershipsUrl, String deepLinking, String custom, String csrfToken, Instant expiresAt) {

	}

}
