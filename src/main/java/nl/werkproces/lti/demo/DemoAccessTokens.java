package nl.werkproces.lti.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.JsonWebKeys;
import nl.werkproces.lti.launch.SecureTokens;
import nl.werkproces.lti.spec.LtiScopes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo platform's token endpoint logic, checking like Moodle's {@code token.php}: the client assertion's
 * RS256 signature against the tool's JWKS (fetched over HTTP, as Moodle does), {@code iss} = {@code sub} = the
 * client id, {@code aud} = the token URL, {@code exp} and {@code iat} with zero clock tolerance. Access tokens
 * live in memory for an hour. Times are the platform's own wall clock.
 */
@Component
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoAccessTokens {

	static final Duration LIFETIME = Duration.ofHours(1);

	private static final Set<String> SUPPORTED_SCOPES = Set.of(LtiScopes.LINEITEM, LtiScopes.LINEITEM_READONLY,
			LtiScopes.SCORE, LtiScopes.NRPS_MEMBERSHIP_READONLY);

	private final Map<String, Issued> issued = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	DemoAccessTokens(JsonMapper json) {
		this.json = json;
	}

	/** Checks the assertion and issues a token for the supported requested scopes; the refusal reason otherwise. */
	Grant grant(DemoPlatform platform, String assertion, String scope) {
		Claims claims;
		try {
			claims = Jwts.parser()
				.keyLocator(new DemoToolKeyLocator(platform.toolBaseUrl() + "/.well-known/jwks.json", this.json))
				.clockSkewSeconds(0)
				.build()
				.parseSignedClaims(assertion)
				.getPayload();
		}
		catch (JwtException | IllegalArgumentException ex) {
			return Grant.refused("Signature verification failed");
		}
		Instant now = this.clock.instant();
		if (!DemoPlatform.CLIENT_ID.equals(claims.getIssuer()) || !DemoPlatform.CLIENT_ID.equals(claims.getSubject())) {
			return Grant.refused("invalid_client");
		}
		if (claims.getAudience() == null || !claims.getAudience().contains(platform.tokenUrl())) {
			return Grant.refused("invalid_audience");
		}
		if (claims.getIssuedAt() == null || claims.getIssuedAt().toInstant().isAfter(now)) {
			return Grant.refused("Token used before issued");
		}
		Set<String> granted = new LinkedHashSet<>(Arrays.asList((scope != null) ? scope.split(" ") : new String[0]));
		granted.retainAll(SUPPORTED_SCOPES);
		if (granted.isEmpty()) {
			return Grant.refused("invalid_scope");
		}
		String token = SecureTokens.next();
		this.issued.put(token, new Issued(Set.copyOf(granted), now.plus(LIFETIME)));
		return new Grant(token, String.join(" ", granted), null);
	}

	/** Whether the bearer token is one this platform issued, still valid, for the scope. */
	boolean allows(String authorization, String scope) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		Issued token = this.issued.get(authorization.substring("Bearer ".length()));
		return token != null && token.expiresAt().isAfter(this.clock.instant()) && token.scopes().contains(scope);
	}

	record Grant(String accessToken, String scope, String error) {

		static Grant refused(String error) {
			return new Grant(null, null, error);
		}

	}

	private record Issued(Set<String> scopes, Instant expiresAt) {

	}

}
