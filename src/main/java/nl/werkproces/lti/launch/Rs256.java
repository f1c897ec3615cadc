package nl.werkproces.lti.launch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

/**
 * RS256 (RSASSA-PKCS1-v1_5 with SHA-256) verification of a JWS in compact form with the JDK's {@link Signature}:
 * the signing input is the token's ASCII text up to the second dot, as sent, never re-encoded. Keys shorter than
 * 2048 bits are refused (RFC 7518 §3.3).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7515#section-5.2">RFC 7515 §5.2, validating a JWS</a>
 */
final class Rs256 {

	static final int MIN_KEY_BITS = 2048;

	private Rs256() {
	}

	/**
	 * Whether the signature verifies.
	 * @param jws the compact token
	 * @param secondDot index of the dot before the signature
	 * @param signature the decoded signature
	 * @param key the platform's key
	 */
	static boolean verifies(String jws, int secondDot, byte[] signature, RSAPublicKey key) {
		if (key.getModulus().bitLength() < MIN_KEY_BITS || signature.length != (key.getModulus().bitLength() + 7) / 8) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance("SHA256withRSA");
			verifier.initVerify(key);
			verifier.update(jws.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII));
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
