package nl.werkproces.lti.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tool's signing keys.
 *
 * @param encryptionSecret secret that encrypts private keys at rest (AES-GCM); empty stores them unencrypted
 */
@ConfigurationProperties("lti.keys")
public record KeysProperties(String encryptionSecret) {

	public boolean encrypts() {
		return this.encryptionSecret != null && !this.encryptionSecret.isBlank();
	}

}
