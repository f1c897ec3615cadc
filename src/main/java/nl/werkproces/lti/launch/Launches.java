package nl.werkproces.lti.launch;

import java.net.URI;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

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

	private final JsonMapper json;

	Launches(LoginStates states, PlatformRegistrations registrations, IdTokenDecoder decoder, NonceRule nonceRule,
			LaunchSessions sessions, LaunchProperties properties, java.time.Clock clock, MeterRegistry meters,
			JsonMapper json) {
		this.json = json;
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
	 * @param binding what ties the launch to the browser that started the login: its cookie or the secret from the
	 * platform's storage
	 * @param toolBaseUrl the tool's public base URL
	 * @return the new launch session's opaque id
	 */
	String accept(String idToken, String state, BrowserBinding binding, URI toolBaseUrl) {
		if (isBlank(idToken)) {
			throw new LaunchException(LaunchFailure.ID_TOKEN_MISSING, "no id_token in the form");
		}
		if (isBlank(state)) {
			throw new LaunchException(LaunchFailure.STATE_MISSING, "no state in the form");
		}
		LoginState login = (state.length() > 64) ? null : this.states.findEvenExpired(state).orElse(null);
		if (login == null) {
			if (UnverifiedClaims.of(idToken, this.json).nonce().filter(this.states::nonceUsed).isPresent()) {
				throw new LaunchException(LaunchFailure.STATE_USED, "state of a launch accepted before");
			}
			throw new LaunchException(LaunchFailure.STATE_UNKNOWN, "state unknown or long expired");
		}
		if (!login.expiresAt().isAfter(this.clock.instant())) {
			this.states.consume(state);
			throw new LaunchException(LaunchFailure.STATE_EXPIRED, "login older than " + this.properties.loginTimeout(),
					login.platformId());
		}
		if (binding.storageSecret() != null && login.usesPlatformStorage()) {
			if (!SecureTokens.same(SecureTokens.sha256(binding.storageSecret()), login.storageHash())
					|| !SecureTokens.same(binding.storageNonce(), login.nonce())) {
				throw new LaunchException(LaunchFailure.STATE_BROWSER_MISMATCH,
						"platform storage holds another login's state", login.platformId());
			}
		}
		else if (binding.browserId() == null) {
			this.states.consume(state);
			throw new LaunchException(binding.whenNoCookie(), "browser cookie did not come back", login.platformId());
		}
		else if (!SecureTokens.same(SecureTokens.sha256(binding.browserId()), login.browserHash())) {
			throw new LaunchException(LaunchFailure.STATE_BROWSER_MISMATCH, "state belongs to another browser");
		}
		if (!this.states.consume(state)) {
			throw new LaunchException(LaunchFailure.STATE_USED, "state used concurrently");
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
		boolean throughStorage = binding.storageSecret() != null;
		if (throughStorage) {
			this.meters.counter("lti.launch.platform_storage").increment();
		}
		String deployment = token.string(nl.werkproces.lti.spec.LtiClaims.DEPLOYMENT_ID).orElse("?");
		// the platform, never the user: no sub, name, e-mail or token
		log.atInfo()
			.addKeyValue("lti.event", "lti.launch")
			.addKeyValue("outcome", "accepted")
			.addKeyValue("platform", platform.issuer())
			.addKeyValue("client_id", platform.clientId())
			.addKeyValue("deployment_id", deployment)
			.addKeyValue("message_type", messageType)
			.addKeyValue("platform_storage", throughStorage)
			.log("Launch accepted: platform {} (client {}), deployment {}, {}{}", platform.issuer(), platform.clientId(),
					deployment, messageType, throughStorage ? " (bound through platform storage)" : "");
		return sessionId;
	}

	/**
	 * The login this launch answers when the platform keeps its state in platform storage and neither the cookie
	 * nor that storage's answer came with the launch: the tool's page must ask the platform's frame first.
	 */
	Optional<LoginState> awaitingPlatformStorage(String state) {
		if (isBlank(state) || state.length() > 64) {
			return Optional.empty();
		}
		return this.states.find(state).filter(LoginState::usesPlatformStorage);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
