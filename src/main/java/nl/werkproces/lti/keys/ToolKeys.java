package nl.werkproces.lti.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tool's RSA key pairs: generated on first start, kept in the database (private keys encrypted when
 * {@code lti.keys.encryption-secret} is set), loaded into memory once.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#h_key-management">Security Framework §6</a>
 */
@Service
public class ToolKeys {

	private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);

	private final ToolKeyRepository repository;

	private final JdbcAggregateTemplate aggregates;

	private final PrivateKeyCipher cipher;

	private final Clock clock;

	private final KeysProperties properties;

	/** Oldest keys in memory that the JWKS serves. */
	static final java.time.Duration PUBLISHED_FRESHNESS = java.time.Duration.ofSeconds(1);

	private volatile List<ToolKey> keys;

	private volatile long loadedAt;

	ToolKeys(ToolKeyRepository repository, JdbcAggregateTemplate aggregates, KeysProperties properties, Clock clock) {
		this.repository = repository;
		this.aggregates = aggregates;
		this.cipher = properties.encrypts() ? new PrivateKeyCipher(properties.encryptionSecret()) : null;
		this.clock = clock;
		this.properties = properties;
	}

	/** The key that signs the tool's JWTs now: the newest active key. */
	public ToolKey signingKey() {
		return loaded().stream()
			.filter((key) -> key.status() == KeyStatus.ACTIVE)
			.max(Comparator.comparing(ToolKey::createdAt).thenComparing(ToolKey::kid))
			.orElseThrow(() -> new KeyStoreException("no active signing key"));
	}

	/**
	 * Every key that the JWKS publishes, read again from the database when the keys in memory are older than
	 * {@link #PUBLISHED_FRESHNESS}: a key published or activated on another replica is in this replica's JWKS at
	 * once (a platform may fetch the JWKS through any replica), while signing follows within
	 * {@code lti.keys.reload-interval}.
	 */
	public List<ToolKey> publishedKeys() {
		if (this.keys != null && System.nanoTime() - this.loadedAt > PUBLISHED_FRESHNESS.toNanos()) {
			reload();
		}
		return loaded();
	}

	/** Makes sure an active key exists, generating the first one; re-encrypts keys stored in plain. */
	public synchronized void initialize() {
		if (this.repository.findByStatusOrderByCreatedAtAsc(KeyStatus.ACTIVE).isEmpty()) {
			generate(KeyStatus.ACTIVE);
		}
		if (this.cipher != null) {
			for (ToolKeyRecord stored : this.repository.findAll()) {
				if (!stored.privateKeyEncrypted()) {
					this.repository
						.save(stored.withPrivateKey(this.cipher.encrypt(Base64.getDecoder().decode(stored.privateKey())), true));
					log.info("Encrypted the stored private key {}", stored.kid());
				}
			}
		}
		reload();
	}

	/** Reads the keys again (after a rotation). */
	public synchronized void reload() {
		this.keys = this.repository.findAll()
			.stream()
			.sorted(Comparator.comparing(ToolKeyRecord::createdAt))
			.map(this::toKey)
			.toList();
		this.loadedAt = System.nanoTime();
	}

	/**
	 * Rotation step 1: publishes a next key (status NEXT) that platforms can fetch before it signs anything. Does
	 * nothing when a next key is already published.
	 * @return the next key's kid
	 */
	@Transactional
	public synchronized String publishNext() {
		List<ToolKeyRecord> next = this.repository.findByStatusOrderByCreatedAtAsc(KeyStatus.NEXT);
		String kid = next.isEmpty() ? generate(KeyStatus.NEXT).kid() : next.get(0).kid();
		reload();
		return kid;
	}

	/**
	 * Rotation step 2: the next key signs from now on; the active key is retired (still published, so tokens it
	 * signed stay verifiable).
	 * @return the kid that signs now, or empty when there was no next key
	 */
	@Transactional
	public synchronized java.util.Optional<String> activateNext() {
		List<ToolKeyRecord> next = this.repository.findByStatusOrderByCreatedAtAsc(KeyStatus.NEXT);
		if (next.isEmpty()) {
			return java.util.Optional.empty();
		}
		var now = this.clock.instant();
		List<ToolKeyRecord> previouslyActive = this.repository.findByStatusOrderByCreatedAtAsc(KeyStatus.ACTIVE);
		ToolKeyRecord promoted = next.get(0);
		// promote first: should the retirement below not happen, the newest active key signs (see signingKey)
		this.repository.save(promoted.withStatus(KeyStatus.ACTIVE, now));
		for (ToolKeyRecord active : previouslyActive) {
			this.repository.save(active.withStatus(KeyStatus.RETIRED, now));
		}
		reload();
		return java.util.Optional.of(promoted.kid());
	}

	/** Rotation step 3: stops publishing a retired key. Active and next keys cannot be removed. */
	@Transactional
	public synchronized boolean removeRetired(String kid) {
		var key = this.repository.findById(kid);
		if (key.isEmpty() || key.get().status() != KeyStatus.RETIRED) {
			return false;
		}
		this.repository.deleteById(kid);
		reload();
		return true;
	}

	/**
	 * Activates a next key once it has been published for {@code lti.keys.rotation-overlap}, and re-reads the keys
	 * so every replica follows rotations made elsewhere.
	 */
	@Scheduled(initialDelayString = "${lti.keys.reload-interval:1m}", fixedDelayString = "${lti.keys.reload-interval:1m}")
	public void maintain() {
		var due = this.clock.instant().minus(this.properties.rotationOverlap());
		boolean nextIsDue = this.repository.findByStatusOrderByCreatedAtAsc(KeyStatus.NEXT)
			.stream()
			.anyMatch((key) -> key.createdAt().isBefore(due));
		if (nextIsDue) {
			activateNext().ifPresent((kid) -> log.info("Tool key {} signs from now on (rotation overlap passed)", kid));
		}
		else {
			reload();
		}
	}

	ToolKeyRecord generate(KeyStatus status) {
		KeyPair pair = newKeyPair();
		byte[] privateKey = pair.getPrivate().getEncoded();
		String storedPrivate = (this.cipher != null) ? this.cipher.encrypt(privateKey)
				: Base64.getEncoder().encodeToString(privateKey);
		var now = this.clock.instant();
		ToolKeyRecord record = new ToolKeyRecord(UUID.randomUUID().toString(), "RS256",
				Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), storedPrivate, this.cipher != null,
				status, now, (status == KeyStatus.ACTIVE) ? now : null, null);
		this.aggregates.insert(record);
		log.info("Generated tool key {} ({})", record.kid(), status);
		return record;
	}

	private List<ToolKey> loaded() {
		List<ToolKey> current = this.keys;
		if (current == null) {
			initialize();
			current = this.keys;
		}
		return current;
	}

	private ToolKey toKey(ToolKeyRecord stored) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey())));
			byte[] privateBytes = stored.privateKeyEncrypted() ? decrypt(stored)
					: Base64.getDecoder().decode(stored.privateKey());
			PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes));
			return new ToolKey(stored.kid(), stored.status(), publicKey, privateKey, stored.createdAt());
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new KeyStoreException("key " + stored.kid() + " cannot be read");
		}
	}

	private byte[] decrypt(ToolKeyRecord stored) {
		if (this.cipher == null) {
			throw new KeyStoreException("key " + stored.kid()
					+ " is stored encrypted but lti.keys.encryption-secret (LTI_KEYS_ENCRYPTION_SECRET) is not set");
		}
		return this.cipher.decrypt(stored.privateKey());
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

}
