package nl.werkproces.lti.keys;

/** The tool's stored keys cannot be used (wrong encryption secret, unreadable key). Stops start-up. */
public class KeyStoreException extends RuntimeException {

	public KeyStoreException(String message) {
		super("Tool keys: " + message);
	}

}
