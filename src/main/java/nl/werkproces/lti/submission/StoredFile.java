package nl.werkproces.lti.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A checked file ready to store: sanitised name, content type from its extension, SHA-256 of the content. */
record StoredFile(String filename, String contentType, byte[] content, String sha256) {

	static StoredFile of(String filename, String contentType, byte[] content) {
		try {
			String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
			return new StoredFile(filename, contentType, content, sha256);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
