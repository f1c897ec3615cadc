package nl.werkproces.lti.services;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.ToolKey;
import nl.werkproces.lti.keys.ToolKeys;
import nl.werkproces.lti.registration.Platform;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Access tokens for the platforms' services: OAuth 2 client credentials grant with a {@code private_key_jwt}
 * client assertion signed by the tool's current key ({@code kid} in the header; {@code iss} = {@code sub} =
 * client id, {@code aud} = token URL, {@code iat} backdated because Moodle allows no clock skew, unique
 * {@code jti}). Tokens are cached per platform and scope set until shortly before they expire; a service that
 * refuses a token gets it {@linkplain #evict evicted}, so the next call fetches a fresh one.
 * <p>
 * Times here are the real wall-clock time, never the application's {@link Clock} bean: the platform checks the
 * assertion against its own clock.
 *
 * @see <a href=
 * "https://www.imsglobal.org/spec/security/v1p0/#using-json-web-tokens-with-oauth-2-0-client-credentials-grant">
 * Security Framework §4.1</a>
 */
@Component
public class PlatformAccessTokens {

	private static final Logger log = LoggerFactory.getLogger(PlatformAccessTokens.class);

	private static final List<MediaType> TOKEN_RESPONSE_TYPES = List.of(MediaType.APPLICATION_JSON,
			new MediaType("application", "*+json"), MediaType.TEXT_HTML, MediaType.TEXT_PLAIN);

	private final ConcurrentMap<CacheKey, AccessToken> cache = new ConcurrentHashMap<>();

	private final ConcurrentMap<CacheKey, Object> locks = new ConcurrentHashMap<>();

	private final RestClientClientCredentialsTokenResponseClient client =
			new RestClientClientCredentialsTokenResponseClient();

	private final ToolKeys keys;

	private final ServicesProperties properties;

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	private final MeterRegistry meters;

	PlatformAccessTokens(ToolKeys keys, ServicesProperties properties, JsonMapper json, MeterRegistry meters) {
		this.meters = meters;
		this.keys = keys;
		this.properties = properties;
		this.json = json;
		OAuth2AccessTokenResponseHttpMessageConverter tokenResponses = new OAuth2AccessTokenResponseHttpMessageConverter();
		// Moodle's token.php answers JSON labelled text/html
		tokenResponses.setSupportedMediaTypes(TOKEN_RESPONSE_TYPES);
		this.client.setRestClient(RestClient.builder()
			.requestFactory(ServiceHttp.requestFactory(properties))
			.messageConverters((converters) -> {
				converters.clear();
				converters.add(new FormHttpMessageConverter());
				converters.add(tokenResponses);
			})
			.defaultStatusHandler((status) -> status.isError(), (request, response) -> {
				throw refused(response);
			})
			.build());
		var assertions = new NimbusJwtClientAuthenticationParametersConverter<OAuth2ClientCredentialsGrantRequest>(
				(registration) -> signingJwk());
		assertions.setJwtClientAssertionCustomizer((context) -> {
			Instant now = this.clock.instant();
			context.getClaims()
				.issuedAt(now.minus(properties.assertionBackdate()))
				.expiresAt(now.plus(properties.assertionLifetime()));
		});
		this.client.addParametersConverter(assertions);
	}

	/** A valid access token of the platform for exactly these scopes, from the cache or the token endpoint. */
	public AccessToken token(Platform platform, Set<String> scopes) {
		CacheKey key = new CacheKey(platform.id(), new TreeSet<>(scopes).toString());
		AccessToken cached = this.cache.get(key);
		if (cached != null && cached.usableAt(this.clock.instant())) {
			this.meters.counter("lti.access.token.cache.hits", "platform", platform.issuer()).increment();
			return cached;
		}
		synchronized (this.locks.computeIfAbsent(key, (k) -> new Object())) {
			cached = this.cache.get(key);
			if (cached != null && cached.usableAt(this.clock.instant())) {
				this.meters.counter("lti.access.token.cache.hits", "platform", platform.issuer()).increment();
				return cached;
			}
			String outcome = "failed";
			try {
				AccessToken fresh = request(platform, scopes);
				this.cache.put(key, fresh);
				outcome = "issued";
				return fresh;
			}
			finally {
				this.meters.counter("lti.access.token.fetches", "platform", platform.issuer(), "outcome", outcome)
					.increment();
			}
		}
	}

	/** Forgets a token the platform refused, unless another caller already replaced it. */
	public void evict(Platform platform, AccessToken refused) {
		CacheKey key = new CacheKey(platform.id(), new TreeSet<>(refused.scopes()).toString());
		if (this.cache.remove(key, refused)) {
			log.info("Platform '{}' refused an access token for {}; a fresh one is fetched on the next call",
					platform.name(), refused.scopes());
		}
	}

	private AccessToken request(Platform platform, Set<String> scopes) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("platform-" + platform.id())
			.clientId(platform.clientId())
			.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(platform.tokenEndpoint())
			.scope(scopes)
			.build();
		Instant requestedAt = this.clock.instant();
		OAuth2AccessTokenResponse response;
		try {
			response = this.client.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration));
		}
		catch (PlatformServiceException ex) {
			log.warn("Platform '{}' gave no access token for {}: {}", platform.name(), scopes, ex.getMessage());
			throw ex;
		}
		catch (OAuth2AuthorizationException ex) {
			Throwable io = ioCause(ex);
			String reason = (io != null)
					? "no answer from " + platform.tokenEndpoint() + " (" + io.getClass().getSimpleName() + ")"
					: "unusable answer from " + platform.tokenEndpoint();
			log.warn("Platform '{}' gave no access token for {}: {}", platform.name(), scopes, reason);
			throw new PlatformServiceException(ServiceFailure.TOKEN_UNAVAILABLE, reason);
		}
		Instant issuedAt = response.getAccessToken().getIssuedAt();
		Instant expiresAt = response.getAccessToken().getExpiresAt();
		Duration lifetime = (issuedAt != null && expiresAt != null) ? Duration.between(issuedAt, expiresAt)
				: this.properties.assertionLifetime();
		Duration margin = min(this.properties.tokenRefreshMargin(), lifetime.dividedBy(2));
		Instant validUntil = requestedAt.plus(lifetime).minus(margin);
		log.debug("Platform '{}' issued an access token for {} until {}", platform.name(), scopes, validUntil);
		return new AccessToken(response.getAccessToken().getTokenValue(), scopes, validUntil);
	}

	private JWK signingJwk() {
		ToolKey key = this.keys.signingKey();
		return new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey())
			.keyID(key.kid())
			.algorithm(JWSAlgorithm.RS256)
			.keyUse(KeyUse.SIGNATURE)
			.build();
	}

	private PlatformServiceException refused(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		String body = ServiceHttp.read(response.getBody(), 8192);
		String error = errorOf(body);
		if (status >= 500) {
			return new PlatformServiceException(ServiceFailure.TOKEN_UNAVAILABLE, status, error,
					"token endpoint answered HTTP " + status);
		}
		return new PlatformServiceException(ServiceFailure.TOKEN_REFUSED, status, error,
				"token endpoint answered HTTP " + status + ((error != null) ? " '" + error + "'" : ""));
	}

	private String errorOf(String body) {
		try {
			Map<?, ?> document = this.json.readValue(body, Map.class);
			Object error = (document != null) ? document.get("error") : null;
			return (error != null) ? ServiceHttp.shorten(error.toString(), 200) : null;
		}
		catch (JacksonException ex) {
			return body.isBlank() ? null : ServiceHttp.shorten(body, 200);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Throwable ioCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return cause;
			}
		}
		return null;
	}

	private record CacheKey(long platformId, String scopes) {

	}

}
