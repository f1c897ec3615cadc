package nl.werkproces.lti.launch;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The {@code nonce} is present, was never used before (replay) and is the one issued for this login's state.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#authentication-response-validation">Security
 * Framework §5.1.3 (9)</a>
 */
@Component
class NonceRule implements IdTokenRule {

	private final LoginStates states;

	NonceRule(LoginStates states) {
		this.states = states;
	}

	@Override
	public void check(IdToken token, LaunchCheck launch) {
		String nonce = token.string("nonce").filter((value) -> !value.isBlank()).orElse(null);
		if (nonce == null) {
			throw new LaunchException(LaunchFailure.NONCE_MISSING, "no nonce from " + launch.platform().issuer());
		}
		Instant keepUntil = token.expiresAt().orElse(launch.now()).plus(launch.leeway());
		if (keepUntil.isBefore(launch.login().expiresAt())) {
			keepUntil = launch.login().expiresAt();
		}
		if (nonce.length() > 64) {
			throw new LaunchException(LaunchFailure.NONCE_MISMATCH, "nonce not issued by this tool, from "
					+ launch.platform().issuer());
		}
		if (!this.states.claimNonce(nonce, keepUntil)) {
			throw new LaunchException(LaunchFailure.NONCE_REPLAYED, "nonce used before, from " + launch.platform().issuer());
		}
		if (!SecureTokens.same(nonce, launch.login().nonce())) {
			throw new LaunchException(LaunchFailure.NONCE_MISMATCH,
					"nonce not issued for this state, from " + launch.platform().issuer());
		}
	}

}
