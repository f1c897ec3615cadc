package nl.werkproces.lti.keys;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tool's keys: the JWKS publishes exactly them, private keys are encrypted at rest when a secret is set, and a
 * wrong secret stops with a clear message. Tests that store keys run in a transaction that is rolled back, so the
 * shared application context keeps its own keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lti.jwks.min-refresh-interval=0s")
class ToolKeysTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ToolKeys keys;

	@Autowired
	ToolKeyRepository repository;

	@Autowired
	JdbcAggregateTemplate aggregates;

	@Autowired
	JdbcClient jdbc;

	@AfterTransaction
	void forgetRolledBackKeys() {
		this.keys.reload();
	}

	@Test
	void jwksListsExactlyThePublishedKeys() {
		HttpResponse<String> response = new ToolBrowser("http://localhost:" + this.port).get("/.well-known/jwks.json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(cache) -> assertThat(cache).contains("max-age="));
		assertJwksPublishes(jwks(response.body()), this.keys.publishedKeys());
	}

	@Test
	@Transactional
	void nextKeyIsPublishedBeforeItSigns() {
		ToolKey signing = this.keys.signingKey();
		ToolKeyRecord next = this.keys.generate(KeyStatus.NEXT);
		this.keys.reload();
		List<Map<String, Object>> published = jwks(
				new ToolBrowser("http://localhost:" + this.port).get("/.well-known/jwks.json").body());
		assertThat(published).extracting((jwk) -> jwk.get("kid")).contains(signing.kid(), next.kid());
		assertJwksPublishes(published, this.keys.publishedKeys());
		assertThat(this.keys.signingKey().kid()).isEqualTo(signing.kid());
	}

	@Test
	@Transactional
	void keyGeneratedWithEncryptionSecretIsStoredEncryptedAndSurvivesAReload() throws GeneralSecurityException {
		ToolKeyRecord generated = keysWithSecret("correct horse battery staple").generate(KeyStatus.NEXT);
		Map<String, Object> row = this.jdbc.sql("SELECT private_key, private_key_encrypted FROM tool_key WHERE kid = ?")
			.param(generated.kid())
			.query()
			.singleRow();
		assertThat((String) row.get("private_key")).startsWith("v1:");
		assertThat(row.get("private_key_encrypted")).isEqualTo(true);

		ToolKeys reloaded = keysWithSecret("correct horse battery staple");
		reloaded.reload();
		ToolKey key = reloaded.publishedKeys()
			.stream()
			.filter((candidate) -> candidate.kid().equals(generated.kid()))
			.findFirst()
			.orElseThrow();
		assertThat(key.status()).isEqualTo(KeyStatus.NEXT);
		assertThat(verifies(key, sign(key, "launch"), "launch")).isTrue();
	}

	@Test
	@Transactional
	void encryptedKeyWithWrongSecretStopsWithAClearMessage() {
		keysWithSecret("the secret it was stored with").generate(KeyStatus.NEXT);
		ToolKeys wrongSecret = keysWithSecret("another secret");
		assertThatExceptionOfType(KeyStoreException.class).isThrownBy(wrongSecret::reload)
			.withMessage("Tool keys: a stored private key cannot be decrypted: lti.keys.encryption-secret differs "
					+ "from the one it was encrypted with");
	}

	@Test
	@Transactional
	void encryptedKeyWithoutSecretStopsWithAClearMessage() {
		ToolKeyRecord generated = keysWithSecret("the secret it was stored with").generate(KeyStatus.NEXT);
		ToolKeys noSecret = keysWithSecret("");
		assertThatExceptionOfType(KeyStoreException.class).isThrownBy(noSecret::reload)
			.withMessageContaining("key " + generated.kid() + " is stored encrypted")
			.withMessageContaining("lti.keys.encryption-secret (LTI_KEYS_ENCRYPTION_SECRET) is not set");
	}

	@Test
	@Transactional
	void settingASecretEncryptsKeysStoredInPlain() throws GeneralSecurityException {
		ToolKey signing = this.keys.signingKey();
		ToolKeys encrypting = keysWithSecret("now with a secret");
		encrypting.initialize();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM tool_key WHERE private_key_encrypted = FALSE")
			.query(Long.class)
			.single()).isZero();
		assertThat(encrypting.signingKey().kid()).isEqualTo(signing.kid());
		assertThat(verifies(signing, sign(encrypting.signingKey(), "launch"), "launch")).isTrue();
	}

	private ToolKeys keysWithSecret(String secret) {
		return new ToolKeys(this.repository, this.aggregates, new KeysProperties(secret, java.time.Duration.ofHours(24), java.time.Duration.ofMinutes(1)), Clock.systemUTC());
	}

	private static void assertJwksPublishes(List<Map<String, Object>> jwks, List<ToolKey> published) {
		assertThat(jwks).extracting((jwk) -> jwk.get("kid"))
			.containsExactlyInAnyOrderElementsOf(published.stream().map(ToolKey::kid).toList());
		for (ToolKey key : published) {
			Map<String, Object> jwk = jwks.stream()
				.filter((candidate) -> key.kid().equals(candidate.get("kid")))
				.findFirst()
				.orElseThrow();
			assertThat(jwk).containsEntry("kty", "RSA")
				.containsEntry("alg", "RS256")
				.containsEntry("use", "sig")
				.containsKeys("n", "e")
				.doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
			assertThat(JsonWebKeys.toRsaKey(jwk)).contains(key.publicKey());
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> jwks(String body) {
		Map<String, Object> document = json.readValue(body, Map.class);
		assertThat(document).containsOnlyKeys("keys");
		return (List<Map<String, Object>>) document.get("keys");
	}

	private static byte[] sign(ToolKey key, String text) throws GeneralSecurityException {
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(key.privateKey());
		signature.update(text.getBytes(StandardCharsets.UTF_8));
		return signature.sign();
	}

	private static boolean verifies(ToolKey key, byte[] signed, String text) throws GeneralSecurityException {
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initVerify(key.publicKey());
		signature.update(text.getBytes(StandardCharsets.UTF_8));
		return signature.verify(signed);
	}

}
