package nl.werkproces.lti.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private key bytes with AES-256-GCM under a key derived from {@code lti.keys.encryption-secret}
 * (PBKDF2-HMAC-SHA256, random salt per key). Stored form: {@code v1:salt:iv:ciphertext}, each Base64.
 */
final class PrivateKeyCipher {

	private static final String PREFIX = "v1:";

	private static final int ITERATIONS = 210_000;

	private static final SecureRandom random = new SecureRandom();

	private final char[] secret;

	PrivateKeyCipher(String secret) {
		this.secret = secret.toCharArray();
	}

	String encrypt(byte[] plain) {
		byte[] salt = randomBytes(16);
		byte[] iv = randomBytes(12);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(salt), new GCMParameterSpec(128, iv));
			cipher.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
			byte[] encrypted = cipher.doFinal(plain);
			Base64.Encoder b64 = Base64.getEncoder();
			return PREFIX + b64.encodeToString(salt) + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(encrypted);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt the private key", ex);
		}
	}

	byte[] decrypt(String stored) {
		String[] parts = stored.split(":");
		if (parts.length != 4 || !stored.startsWith(PREFIX)) {
			throw new KeyStoreException("a stored private key has an unknown format");
		}
		Base64.Decoder b64 = Base64.getDecoder();
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(b64.decode(parts[1])), new GCMParameterSpec(128, b64.decode(parts[2])));
			cipher.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
			return cipher.doFinal(b64.decode(parts[3]));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new KeyStoreException(
					"a stored private key cannot be decrypted: lti.keys.encryption-secret differs from the one it was encrypted with");
		}
	}

	private SecretKeySpec key(byte[] salt) throws GeneralSecurityException {
		PBEKeySpec spec = new PBEKeySpec(this.secret, salt, ITERATIONS, 256);
		byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		return new SecretKeySpec(key, "AES");
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

}
