package nl.werkproces.lti.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an imported source, recorded in {@link DossierIdentity#sourceSha256()}.
 */
public final class SourceDigest {

	private SourceDigest() {
	}

	public static String of(byte[] source) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform supports SHA-256", ex);
		}
	}

	public static String of(String source) {
		return of(source.getBytes(StandardCharsets.UTF_8));
	}

}
