package nl.werkproces.lti.keys;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/** A usable key pair of the tool, identified by its {@code kid}. */
public record ToolKey(String kid, KeyStatus status, RSAPublicKey publicKey, PrivateKey privateKey, Instant createdAt) {

	@Override
	public String toString() {
		return "ToolKey[kid=" + this.kid + ", status=" + this.status + "]";
	}

}
