package nl.werkproces.lti.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.JsonWebKeys;

/**
 * The demo platform finds the tool's key as Moodle does: RS256 only, by {@code kid}, in the tool's JWKS fetched
 * over HTTP for every check (the demo keeps no cache, so a rotation shows at once).
 */
class DemoToolKeyLocator extends LocatorAdapter<Key> {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String jwksUrl;

	private final JsonMapper json;

	DemoToolKeyLocator(String jwksUrl, JsonMapper json) {
		this.jwksUrl = jwksUrl;
		this.json = json;
	}

	@Override
	protected Key locate(ProtectedHeader header) {
		if (!"RS256".equals(header.getAlgorithm())) {
			throw new JwtException("not RS256");
		}
		return fetch().stream()
			.filter((jwk) -> jwk.get("kid") != null && jwk.get("kid").equals(header.getKeyId()))
			.findFirst()
			.flatMap(JsonWebKeys::toRsaKey)
			.map(Key.class::cast)
			.orElseThrow(() -> new JwtException("unknown kid"));
	}

	private List<Map<?, ?>> fetch() {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(this.jwksUrl)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			Map<?, ?> set = this.json.readValue(response.body(), Map.class);
			return ((List<?>) set.get("keys")).stream().<Map<?, ?>>map((jwk) -> (Map<?, ?>) jwk).toList();
		}
		catch (IOException | RuntimeException ex) {
			throw new JwtException("tool key set unavailable");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new JwtException("interrupted");
		}
	}

}
