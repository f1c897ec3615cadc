package nl.werkproces.lti.launch;

/**
 * What a launch brings to show that it comes from the browser that started the login: the tool's browser cookie,
 * or (on the platform-storage path, posted by the tool's own page) the secret and nonce read back from the
 * platform's storage.
 *
 * @param browserId the browser cookie, or {@code null} when it did not come back
 * @param storageSecret the secret read from the platform's storage, or {@code null}
 * @param storageNonce the nonce read from the platform's storage, or {@code null}
 * @param whenNoCookie the refusal when neither came: what keeps cookies from this browser in its context
 */
record BrowserBinding(String browserId, String storageSecret, String storageNonce, LaunchFailure whenNoCookie) {

	static BrowserBinding cookie(String browserId) {
		return new BrowserBinding(browserId, null, null, LaunchFailure.STATE_COOKIE_MISSING);
	}

}
