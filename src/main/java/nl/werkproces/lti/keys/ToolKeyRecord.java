package nl.werkproces.lti.keys;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A stored key pair of the tool. The private key is Base64 PKCS#8, or encrypted by {@link PrivateKeyCipher}.
 * New records are inserted with {@code JdbcAggregateTemplate#insert} (the kid is assigned, not generated).
 */
@Table("tool_key")
record ToolKeyRecord(@Id String kid, String algorithm, String publicKey, String privateKey,
		boolean privateKeyEncrypted, KeyStatus status, Instant createdAt, Instant activatedAt, Instant retiredAt) {

	ToolKeyRecord withStatus(KeyStatus newStatus, Instant now) {
		return new ToolKeyRecord(this.kid, this.algorithm, this.publicKey, this.privateKey, this.privateKeyEncrypted,
				newStatus, this.createdAt, (newStatus == KeyStatus.ACTIVE) ? now : this.activatedAt,
				(newStatus == KeyStatus.RETIRED) ? now : this.retiredAt);
	}

	ToolKeyRecord withPrivateKey(String privateKey, boolean encrypted) {
		return new ToolKeyRecord(this.kid, this.algorithm, this.publicKey, privateKey, encrypted, this.status,
				this.createdAt, this.activatedAt, this.retiredAt);
	}

}
