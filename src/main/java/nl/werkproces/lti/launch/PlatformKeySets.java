package nl.werkproces.lti.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.JsonWebKeys;

import org.springframework.stereotype.Component;

/**
 * The platforms' public keys, fetched from their JWKS URLs and cached: for the platform's
 * {@code Cache-Control: max-age} (within bounds) or a default. An unknown {@code kid} refreshes the set once,
 * at most once per {@code lti.jwks.min-refresh-interval}, so a flood of bad kids cannot make the tool hammer the
 * platform. When a refresh fails the last good set stays in use.
 *
 * @see <a href="https://www.imsglobal.org/spec/security/v1p0/#h_key-set-url">Security Framework §6.3</a>
 */
@Component
public class PlatformKeySets {

	private static final Logger log = LoggerFactory.getLogger(PlatformKeySets.class);

	private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");

	private static final int MAX_BODY_BYTES = 512 * 1024;

	private final ConcurrentMap<String, CachedKeySet> cache = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

	private final HttpClient http;

	private final JsonMapper json;

	private final JwksProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	PlatformKeySets(JsonMapper json, JwksProperties properties, Clock clock, MeterRegistry meters) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.httpTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.json = json;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/** The key with this {@code kid} in the key set at {@code jwksUri}, fetching or refreshing when needed. */
	public Optional<RSAPublicKey> find(String jwksUri, String kid) {
		CachedKeySet set = this.cache.get(jwksUri);
		Instant now = this.clock.instant();
		boolean cached = true;
		if (set == null || set.expiresAt().isBefore(now)) {
			set = refresh(jwksUri, set);
			cached = false;
		}
		RSAPublicKey key = set.keys().get(kid);
		if (key == null && set.fetchedAt().plus(this.properties.minRefreshInterval()).isBefore(now)) {
			set = refresh(jwksUri, set);
			key = set.keys().get(kid);
			cached = false;
		}
		if (cached && key != null) {
			this.meters.counter("lti.jwks.cache.hits", "host", hostOf(jwksUri)).increment();
		}
		return Optional.ofNullable(key);
	}

	/** Forgets every cached key set (for example after a platform's key set URL changed). */
	public void evictAll() {
		this.cache.clear();
	}

	private CachedKeySet refresh(String jwksUri, CachedKeySet seen) {
		synchronized (this.locks.computeIfAbsent(jwksUri, (uri) -> new Object())) {
			CachedKeySet current = this.cache.get(jwksUri);
			if (current != null && current != seen) {
				return current;
			}
			Instant now = this.clock.instant();
			try {
				CachedKeySet fetched = fetch(jwksUri, now);
				this.cache.put(jwksUri, fetched);
				return fetched;
			}
			catch (KeySetUnavailable ex) {
				log.warn("Platform key set {} unavailable: {}", jwksUri, ex.getMessage());
				if (current == null) {
					throw new LaunchException(LaunchFailure.PLATFORM_KEYS_UNAVAILABLE,
							"key set " + jwksUri + ": " + ex.getMessage());
				}
				CachedKeySet stale = current.retriedAt(now, this.properties.minRefreshInterval());
				this.cache.put(jwksUri, stale);
				return stale;
			}
		}
	}

	private CachedKeySet fetch(String jwksUri, Instant now) {
		this.meters.counter("lti.jwks.fetches", "host", hostOf(jwksUri)).increment();
		HttpResponse<InputStream> response;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(jwksUri))
				.timeout(this.properties.httpTimeout())
				.header("Accept", "application/json")
				.GET()
				.build();
			response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new KeySetUnavailable(ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KeySetUnavailable("interrupted");
		}
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new KeySetUnavailable("HTTP " + response.statusCode());
			}
			byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
			if (bytes.length > MAX_BODY_BYTES) {
				throw new KeySetUnavailable("key set larger than " + MAX_BODY_BYTES + " bytes");
			}
			Map<String, RSAPublicKey> keys = parse(bytes);
			Duration maxAge = cacheTime(response.headers().firstValue("Cache-Control").orElse(""));
			log.debug("Fetched key set {} ({} keys, cached {})", jwksUri, keys.size(), maxAge);
			return new CachedKeySet(Map.copyOf(keys), now, now.plus(maxAge));
		}
		catch (IOException ex) {
			throw new KeySetUnavailable(ex.getClass().getSimpleName());
		}
	}

	private Map<String, RSAPublicKey> parse(byte[] body) {
		Map<?, ?> document;
		try {
			document = this.json.readValue(body, Map.class);
		}
		catch (JacksonException ex) {
			throw new KeySetUnavailable("not JSON");
		}
		if (document == null || !(document.get("keys") instanceof List<?> entries)) {
			throw new KeySetUnavailable("no 'keys' array");
		}
		Map<String, RSAPublicKey> keys = new HashMap<>();
		for (Object entry : entries) {
			if (entry instanceof Map<?, ?> jwk && jwk.get("kid") instanceof String kid) {
				JsonWebKeys.toRsaKey(jwk).ifPresent((key) -> keys.put(kid, key));
			}
		}
		return keys;
	}

	private Duration cacheTime(String cacheControl) {
		Matcher matcher = MAX_AGE.matcher(cacheControl);
		if (cacheControl.contains("no-store") || cacheControl.contains("no-cache")) {
			return this.properties.minCacheTime();
		}
		if (!matcher.find()) {
			return this.properties.defaultCacheTime();
		}
		Duration maxAge = Duration.ofSeconds(Long.parseLong(matcher.group(1).length() > 9 ? "999999999" : matcher.group(1)));
		if (maxAge.compareTo(this.properties.minCacheTime()) < 0) {
			return this.properties.minCacheTime();
		}
		return (maxAge.compareTo(this.properties.maxCacheTime()) > 0) ? this.properties.maxCacheTime() : maxAge;
	}

	private static String hostOf(String uri) {
		try {
			return String.valueOf(URI.create(uri).getHost());
		}
		catch (IllegalArgumentException ex) {
			return "invalid";
		}
	}

	private record CachedKeySet(Map<String, RSAPublicKey> keys, Instant fetchedAt, Instant expiresAt) {

		/** The same keys after a failed refresh: try again after the interval, not on every launch. */
		CachedKeySet retriedAt(Instant now, Duration interval) {
			return new CachedKeySet(this.keys, now, now.plus(interval));
		}

	}

	private static final class KeySetUnavailable extends RuntimeException {

		KeySetUnavailable(String message) {
			super(message, null, false, false);
		}

	}

}
