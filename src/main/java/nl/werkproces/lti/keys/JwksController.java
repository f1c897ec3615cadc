package nl.werkproces.lti.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the tool's public keys as a JSON Web Key Set: exactly the keys of {@link ToolKeys#publishedKeys()}.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#h_key-set-url">Security Framework §6.3</a>
 */
@RestController
class JwksController {

	private final ToolKeys keys;

	JwksController(ToolKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
	ResponseEntity<Map<String, Object>> jwks() {
		List<Map<String, Object>> published = this.keys.publishedKeys()
			.stream()
			.map((key) -> JsonWebKeys.rsaSigningKey(key.kid(), key.publicKey()))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(Map.of("keys", published));
	}

}
