package nl.werkproces.lti.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RSA public keys as JSON Web Keys, both ways.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517">RFC 7517</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518#section-6.3">RFC 7518 §6.3</a>
 */
public final class JsonWebKeys {

	private JsonWebKeys() {
	}

	/** The JWK of an RS256 signing key. */
	public static Map<String, Object> rsaSigningKey(String kid, RSAPublicKey key) {
		Map<String, Object> jwk = new LinkedHashMap<>();
		jwk.put("kty", "RSA");
		jwk.put("kid", kid);
		jwk.put("alg", "RS256");
		jwk.put("use", "sig");
		jwk.put("n", base64Url(key.getModulus()));
		jwk.put("e", base64Url(key.getPublicExponent()));
		return jwk;
	}

	/** The RSA key of a JWK; empty for other key types, encryption keys or malformed members. */
	public static Optional<RSAPublicKey> toRsaKey(Map<?, ?> jwk) {
		if (!"RSA".equals(jwk.get("kty")) || "enc".equals(jwk.get("use"))
				|| !(jwk.get("n") instanceof String n) || !(jwk.get("e") instanceof String e)) {
			return Optional.empty();
		}
		try {
			Base64.Decoder decoder = Base64.getUrlDecoder();
			RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, decoder.decode(n)),
					new BigInteger(1, decoder.decode(e)));
			return Optional.of((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String base64Url(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
