package nl.werkproces.lti.launch;

import java.time.Instant;

/**
 * A login in progress, kept server-side between the login initiation and the launch: its {@code state} and
 * {@code nonce}, the platform, the browser it belongs to (hash of the browser cookie) and the login parameters
 * needed to restart it in a new window.
 */
record LoginState(String state, String nonce, long platformId, String browserHash, String targetLinkUri,
		String loginHint, String ltiMessageHint, String deploymentId, Instant expiresAt) {

	@Override
	public String toString() {
		return "LoginState[platform=" + this.platformId + "]";
	}

}
