package nl.werkproces.lti.launch;

import java.time.Instant;

/**
 * A login in progress, kept server-side between the login initiation and the launch: its {@code state} and
 * {@code nonce}, the platform, the browser it belongs to (hash of the browser cookie) and the login parameters
 * of the login initiation; when the platform offered its storage, the frame to ask ({@code lti_storage_target}) and
 * the hash of the secret the login page stored there.
 */
record LoginState(String state, String nonce, long platformId, String browserHash, String targetLinkUri,
		String loginHint, String ltiMessageHint, String deploymentId, Instant expiresAt, String storageTarget,
		String storageHash) {

	LoginState(String state, String nonce, long platformId, String browserHash, String targetLinkUri,
			String loginHint, String ltiMessageHint, String deploymentId, Instant expiresAt) {
		this(state, nonce, platformId, browserHash, targetLinkUri, loginHint, ltiMessageHint, deploymentId, expiresAt,
				null, null);
	}

	/** Whether the platform keeps this login's state in its storage (no cookie needed). */
	boolean usesPlatformStorage() {
		return this.storageTarget != null && this.storageHash != null;
	}

	/** The key under which the login page stored the browser secret in the platform's storage. */
	String storageStateKey() {
		return "state_" + this.state;
	}

	/** The key under which the login page stored the nonce in the platform's storage. */
	String storageNonceKey() {
		return "nonce_" + this.nonce;
	}

	@Override
	public String toString() {
		return "LoginState[platform=" + this.platformId + "]";
	}

}
