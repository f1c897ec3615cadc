package nl.werkproces.lti.launch;

import java.net.URI;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;

import org.springframework.stereotype.Service;

/**
 * Step 3 of the launch: checks the platform's authentication response (state, browser binding, id_token) and,
 * when every check holds, opens a launch session.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#authentication-response-validation">Security
 * Framework §5.1.3</a>
 */
@Service
class Launches {

	private static final Logger log = LoggerFactory.getLogger(Launches.class);

	private final LoginStates states;

	private final PlatformRegistrations registrations;

	private final IdTokenDecoder decoder;

	private final NonceRule nonceRule;

	private final LaunchSessions sessions;

	private final LaunchProperties properties;

	private final java.time.Clock clock;

	private final MeterRegistry meters;

	Launches(LoginStates states, PlatformRegistrations registrations, IdTokenDecoder decoder, NonceRule nonceRule,
			LaunchSessions sessions, LaunchProperties properties, java.time.Clock clock, MeterRegistry meters) {
		this.states = states;
		this.registrations = registrations;
		this.decoder = decoder;
		this.nonceRule = nonceRule;
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Accepts the launch or throws {@link LaunchException}.
	 * @param idToken the {@code id_token} form field
	 * @param state the {@code state} form field
	 * @param browserId the browser cookie set at login initiation, or {@code null} when it did not come back
	 * @param toolBaseUrl the tool's public base URL
	 * @return the new launch session's opaque id
	 */
	String accept(String idToken, String state, String browserId, URI toolBaseUrl) {
		if (isBlank(idToken)) {
			throw new LaunchException(LaunchFailure.ID_TOKEN_MISSING, "no id_token in the form");
		}
		if (isBlank(state)) {
			throw new LaunchException(LaunchFailure.STATE_MISSING, "no state in the form");
		}
		LoginState login = (state.length() > 64) ? null : this.states.find(state).orElse(null);
		if (login == null) {
			throw new LaunchException(LaunchFailure.STATE_UNKNOWN, "state unknown, expired or used");
		}
		if (browserId == null) {
			this.states.consume(state);
			throw new LaunchException(LaunchFailure.STATE_COOKIE_MISSING, "browser cookie did not come back", login);
		}
		if (!SecureTokens.same(SecureTokens.sha256(browserId), login.browserHash())) {
			throw new LaunchException(LaunchFailure.STATE_BROWSER_MISMATCH, "state belongs to another browser");
		}
		if (!this.states.consume(state)) {
			throw new LaunchException(LaunchFailure.STATE_UNKNOWN, "state used concurrently");
		}
		Platform platform = this.registrations.findById(login.platformId())
			.orElseThrow(() -> new LaunchException(LaunchFailure.LOGIN_PLATFORM_UNKNOWN, "platform removed"));
		if (!platform.enabled()) {
			throw new LaunchException(LaunchFailure.PLATFORM_DISABLED, "platform " + platform.issuer());
		}
		IdToken token = this.decoder.decode(idToken, platform);
		LaunchCheck check = new LaunchCheck(platform, login, toolBaseUrl, this.clock.instant(), this.properties);
		IdTokenRules.beforeNonce().forEach((rule) -> rule.check(token, check));
		this.nonceRule.check(token, check);
		IdTokenRules.afterNonce().forEach((rule) -> rule.check(token, check));
		String sessionId = this.sessions.start(token, platform);
		String messageType = token.string(nl.werkproces.lti.spec.LtiClaims.MESSAGE_TYPE).orElseThrow();
		this.meters.counter("lti.launch.accepted", "message_type", messageType, "platform", platform.issuer()).increment();
		String deployment = token.string(nl.werkproces.lti.spec.LtiClaims.DEPLOYMENT_ID).orElse("?");
		// the platform, never the user: no sub, name, e-mail or token
		log.atInfo()
			.addKeyValue("lti.event", "lti.launch")
			.addKeyValue("outcome", "accepted")
			.addKeyValue("platform", platform.issuer())
			.addKeyValue("client_id", platform.clientId())
			.addKeyValue("deployment_id", deployment)
			.addKeyValue("message_type", messageType)
			.log("Launch accepted: platform {} (client {}), deployment {}, {}", platform.issuer(), platform.clientId(),
					deployment, messageType);
		return sessionId;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
