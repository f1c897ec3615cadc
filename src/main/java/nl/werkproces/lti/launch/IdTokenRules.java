package nl.werkproces.lti.launch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.spec.MessageType;

/**
 * The claim checks of a launch, one rule each, in the order of the Security Framework and LTI Core. The nonce
 * check needs the database and is {@link NonceRule}.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#authentication-response-validation">Security
 * Framework §5.1.3</a>
 * @see <a href="https://www.imsglobal.org/spec/lti/v1p3/#required-message-claims">LTI Core 1.3 §5.3</a>
 */
final class IdTokenRules {

	/**
	 * {@code exp}, {@code iat} and (when present) {@code nbf} are NumericDates: JSON numbers of seconds, not strings,
	 * within the years 1970 to 9999.
	 */
	static final IdTokenRule NUMERIC_DATES = (token, launch) -> {
		try {
			token.expiresAt();
			token.issuedAt();
			token.numericDate("nbf");
		}
		catch (LaunchException ex) {
			throw reject(ex.failure(), ex.getMessage().substring(ex.failure().name().length() + 2), launch);
		}
	};

	/** {@code iat} present and not in the future (beyond the leeway); {@code exp} is checked with the signature. */
	static final IdTokenRule ISSUED_AT = (token, launch) -> {
		if (token.expiresAt().isEmpty()) {
			throw reject(LaunchFailure.TOKEN_EXPIRED, "no exp", launch);
		}
		var issuedAt = token.issuedAt()
			.orElseThrow(() -> reject(LaunchFailure.ISSUED_AT_MISSING, "no iat", launch));
		if (issuedAt.isAfter(launch.now().plus(launch.leeway()))) {
			throw reject(LaunchFailure.ISSUED_AT_IN_FUTURE, "iat " + issuedAt, launch);
		}
	};

	/**
	 * {@code iat} not longer ago than {@code lti.launch.max-token-age} (plus the leeway): a token issued for a
	 * login cannot be older than the login.
	 */
	static final IdTokenRule ISSUED_RECENTLY = (token, launch) -> {
		Instant issuedAt = token.issuedAt().orElseThrow();
		if (issuedAt.isBefore(launch.now().minus(launch.maxTokenAge()).minus(launch.leeway()))) {
			throw reject(LaunchFailure.ISSUED_AT_TOO_OLD, "iat " + issuedAt, launch);
		}
	};

	/** {@code exp - iat} at most {@code lti.launch.max-token-lifetime}: an id_token is meant for one launch. */
	static final IdTokenRule LIFETIME = (token, launch) -> {
		Duration lifetime = Duration.between(token.issuedAt().orElseThrow(), token.expiresAt().orElseThrow());
		if (lifetime.compareTo(launch.maxTokenLifetime()) > 0) {
			throw reject(LaunchFailure.TOKEN_LIFETIME_TOO_LONG, "exp - iat " + lifetime.toSeconds() + "s", launch);
		}
	};

	/** {@code iss} is exactly the registered issuer. */
	static final IdTokenRule ISSUER = (token, launch) -> {
		if (!launch.platform().issuer().equals(token.issuer())) {
			throw reject(LaunchFailure.ISSUER_MISMATCH, "iss " + token.issuer(), launch);
		}
	};

	/** {@code aud} contains our client id; several audiences need {@code azp}; {@code azp} must be ours. */
	static final IdTokenRule AUDIENCE = (token, launch) -> {
		String clientId = launch.platform().clientId();
		Set<String> audience = token.audience();
		if (!audience.contains(clientId)) {
			throw reject(LaunchFailure.AUDIENCE_MISMATCH, "aud " + audience, launch);
		}
		String azp = token.string("azp").orElse(null);
		if (audience.size() > 1 && azp == null) {
			throw reject(LaunchFailure.AZP_MISSING, "several audiences without azp", launch);
		}
		if (azp != null && !azp.equals(clientId)) {
			throw reject(LaunchFailure.AZP_MISMATCH, "azp " + azp, launch);
		}
	};

	/** The deployment is registered for this issuer and client id. */
	static final IdTokenRule DEPLOYMENT = (token, launch) -> {
		String deploymentId = token.string(LtiClaims.DEPLOYMENT_ID)
			.filter((id) -> !id.isBlank())
			.orElseThrow(() -> reject(LaunchFailure.DEPLOYMENT_MISSING, "no deployment_id", launch));
		if (!launch.platform().hasDeployment(deploymentId)) {
			throw reject(LaunchFailure.DEPLOYMENT_UNKNOWN, "deployment " + deploymentId, launch);
		}
	};

	/** A message type this tool handles. */
	static final IdTokenRule MESSAGE_TYPE = (token, launch) -> {
		String type = token.string(LtiClaims.MESSAGE_TYPE).orElse(null);
		if (MessageType.fromClaim(type).isEmpty()) {
			throw reject(LaunchFailure.MESSAGE_TYPE_UNSUPPORTED, "message_type " + type, launch);
		}
	};

	/** LTI version 1.3.0. */
	static final IdTokenRule VERSION = (token, launch) -> {
		String version = token.string(LtiClaims.VERSION).orElse(null);
		if (!LtiClaims.LTI_VERSION_1_3.equals(version)) {
			throw reject(LaunchFailure.VERSION_UNSUPPORTED, "version " + version, launch);
		}
	};

	/**
	 * {@code target_link_uri} points at this tool (same scheme, host and port). A deep linking request need not
	 * carry it (the 1EdTech validator sends none), but when it does it must point at this tool.
	 * @see <a href="https://www.imsglobal.org/spec/lti-dl/v2p0/#deep-linking-request-message">Deep Linking 2.0,
	 * deep linking request message</a>
	 */
	static final IdTokenRule TARGET_LINK_URI = (token, launch) -> {
		String target = token.string(LtiClaims.TARGET_LINK_URI).orElse(null);
		if (target == null
				&& MessageType.DEEP_LINKING.claimValue().equals(token.string(LtiClaims.MESSAGE_TYPE).orElse(null))) {
			return;
		}
		if (!pointsAtTool(target, launch.toolBaseUrl())) {
			throw reject(LaunchFailure.TARGET_LINK_URI_FOREIGN, "target_link_uri " + target, launch);
		}
	};

	/** A resource link launch names its resource link. */
	static final IdTokenRule RESOURCE_LINK = (token, launch) -> {
		if (!MessageType.RESOURCE_LINK.claimValue().equals(token.string(LtiClaims.MESSAGE_TYPE).orElse(null))) {
			return;
		}
		Map<String, Object> link = token.object(LtiClaims.RESOURCE_LINK);
		String id = IdToken.member(link, "id");
		if (id == null || id.isBlank()) {
			throw reject(LaunchFailure.RESOURCE_LINK_ID_MISSING, "no resource_link.id", launch);
		}
	};

	/** A {@code sub}: every launch stores data for its user. */
	static final IdTokenRule SUBJECT = (token, launch) -> {
		String subject = token.subject();
		if (subject == null || subject.isBlank()) {
			throw reject(LaunchFailure.SUBJECT_MISSING, "empty sub", launch);
		}
	};

	/** A roles claim (it may be empty or hold unknown roles). */
	static final IdTokenRule ROLES = (token, launch) -> {
		if (token.strings(LtiClaims.ROLES).isEmpty()) {
			throw reject(LaunchFailure.ROLES_MISSING, "no roles claim", launch);
		}
	};

	private IdTokenRules() {
	}

	/** The rules checked before the nonce. */
	static List<IdTokenRule> beforeNonce() {
		return List.of(NUMERIC_DATES, ISSUED_AT, ISSUED_RECENTLY, LIFETIME, ISSUER, AUDIENCE);
	}

	/** The rules checked after the nonce. */
	static List<IdTokenRule> afterNonce() {
		return List.of(DEPLOYMENT, MESSAGE_TYPE, VERSION, TARGET_LINK_URI, RESOURCE_LINK, SUBJECT, ROLES);
	}

	static boolean pointsAtTool(String target, URI toolBaseUrl) {
		if (target == null) {
			return false;
		}
		try {
			URI uri = new URI(target);
			return toolBaseUrl.getScheme().equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
					&& toolBaseUrl.getHost().equalsIgnoreCase(uri.getHost()) && port(toolBaseUrl) == port(uri);
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static LaunchException reject(LaunchFailure failure, String detail, LaunchCheck launch) {
		return new LaunchException(failure, detail + " (platform " + launch.platform().issuer() + ")");
	}

}
