package nl.werkproces.lti.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.web.multipart.MultipartFile;

/**
 * A file as the browser sent it: the name it gave, the bytes, and their SHA-256 (lower-case hex), computed while the
 * part is read, in the one pass that reads it.
 */
record Upload(String originalName, byte[] content, String sha256) {

	static Upload of(MultipartFile file) {
		try (InputStream part = file.getInputStream()) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] content = new DigestInputStream(part, digest).readAllBytes();
			return new Upload(file.getOriginalFilename(), content, HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether this is the empty part a browser sends for a file field left empty. */
	static boolean isBlank(MultipartFile file) {
		return file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank());
	}

}
