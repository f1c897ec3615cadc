package nl.werkproces.lti.keys;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tool's signing keys.
 *
 * @param encryptionSecret secret that encrypts private keys at rest (AES-GCM); empty stores them unencrypted
 * @param rotationOverlap how long a next key is published before it starts signing (platforms cache JWKS)
 * @param reloadInterval how often each replica re-reads the keys (to follow rotations made on another replica)
 */
@Validated
@ConfigurationProperties("lti.keys")
public record KeysProperties(String encryptionSecret, @NotNull @DefaultValue("24h") Duration rotationOverlap,
		@NotNull @DefaultValue("1m") Duration reloadInterval) {

	public boolean encrypts() {
		return this.encryptionSecret != null && !this.encryptionSecret.isBlank();
	}

	@Override
	public String toString() {
		return "KeysProperties[encryptionSecret=" + (encrypts() ? "***" : "") + ", rotationOverlap="
				+ this.rotationOverlap + "]";
	}

}
