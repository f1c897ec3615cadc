package nl.werkproces.lti.launch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The launch session in a URL, for the one path where the browser's cookie does not carry it (an iframe that blocks
 * third-party cookies, the platform-storage launch): not the session id itself (an 8-hour bearer secret that proxy
 * logs and browser history would keep), but a <em>link token</em> that names the session, is bound to the session's
 * resource link (one activity) and expires after {@code lti.launch.link-token-lifetime}.
 * <p>
 * Format: {@code l1.<session id hash>.<resource link id or 0>.<expiry, epoch seconds>.<mac>}, where the MAC is
 * HMAC-SHA256 over the first four fields under a key derived from the session's own stored secret (its CSRF
 * token, {@code SHA-256("link-token|" + csrf)}), so no shared server key is needed and every replica can check it.
 * The session id hash is what the database stores, never accepted as a session id. Every page of a launch without
 * the cookie gets a fresh token (its links and forms carry it), so a student who keeps clicking never sees it
 * expire; a link copied out of the page, a proxy log or the history stops working after the lifetime. A token whose
 * resource link is not its session's is refused with 403, an expired or malformed one with 401.
 */
@Component
public class LaunchLinkTokens {

	static final String PREFIX = "l1.";

	private final LaunchSessions sessions;

	private final LaunchProperties properties;

	private final Clock clock;

	LaunchLinkTokens(LaunchSessions sessions, LaunchProperties properties, Clock clock) {
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
	}

	/** A fresh token for the session's own resource link. */
	public String issue(LaunchSession session) {
		return issue(session, linkId(session));
	}

	/** A token naming {@code resourceLinkId}: for the session's own link (or tests of a foreign one). */
	String issue(LaunchSession session, long resourceLinkId) {
		Instant expiry = this.clock.instant().plus(this.properties.linkTokenLifetime());
		if (expiry.isAfter(session.expiresAt())) {
			expiry = session.expiresAt();
		}
		String body = PREFIX + session.idHash() + "." + resourceLinkId + "." + expiry.getEpochSecond();
		return body + "." + mac(session, body);
	}

	/** Whether the value has the shape of a link token (a raw session id has no dots). */
	static boolean looksLikeToken(String value) {
		return value != null && value.startsWith(PREFIX);
	}

	/** The token's session, or why the token is refused. */
	Check check(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 5 || !parts[1].matches("[0-9a-f]{64}") || !parts[2].matches("[0-9]{1,19}")
				|| !parts[3].matches("[0-9]{1,12}")) {
			return Check.refused(Refusal.LINK_TOKEN_INVALID);
		}
		Optional<LaunchSession> found = this.sessions.findByHash(parts[1]);
		if (found.isEmpty()) {
			return Check.refused(Refusal.LINK_TOKEN_EXPIRED);
		}
		LaunchSession session = found.get();
		String body = token.substring(0, token.lastIndexOf('.'));
		if (!SecureTokens.same(mac(session, body), parts[4])) {
			return Check.refused(Refusal.LINK_TOKEN_INVALID);
		}
		if (Long.parseLong(parts[2]) != linkId(session)) {
			return Check.refused(Refusal.LINK_TOKEN_FOREIGN_ACTIVITY);
		}
		if (Long.parseLong(parts[3]) <= this.clock.instant().getEpochSecond()) {
			// genuine but expired: the caller may still accept it when the cookie carries this very session
			return new Check(session, Refusal.LINK_TOKEN_EXPIRED);
		}
		return new Check(session, null);
	}

	private static long linkId(LaunchSession session) {
		return (session.resourceLink() != null) ? session.resourceLink().id() : 0;
	}

	private static String mac(LaunchSession session, String body) {
		try {
			byte[] key = HexFormat.of().parseHex(SecureTokens.sha256("link-token|" + session.csrfToken()));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Why a link token is refused: the reason code of the log line, the answer and the page's message. */
	public enum Refusal {

		LINK_TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED, "error.linkToken.expired"),
		LINK_TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "error.linkToken.invalid"),
		LINK_TOKEN_FOREIGN_ACTIVITY(HttpStatus.FORBIDDEN, "error.linkToken.foreignActivity");

		private final HttpStatus status;

		private final String messageKey;

		Refusal(HttpStatus status, String messageKey) {
			this.status = status;
			this.messageKey = messageKey;
		}

		public HttpStatus status() {
			return this.status;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

	/** A checked token: its session, or the refusal (with the session when the token is genuine but expired). */
	record Check(LaunchSession session, Refusal refusal) {

		static Check refused(Refusal refusal) {
			return new Check(null, refusal);
		}

	}

}
