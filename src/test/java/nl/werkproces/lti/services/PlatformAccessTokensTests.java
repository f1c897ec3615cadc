package nl.werkproces.lti.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.JsonWebKeys;
import nl.werkproces.lti.keys.ToolKeys;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSettings;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.spec.LtiScopes;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;
import nl.werkproces.lti.testing.SimulatedServices.RecordedRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The client credentials grant with a private_key_jwt assertion, as Moodle's token.php checks it. */
@PlatformServicesTest
class PlatformAccessTokensTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	PlatformAccessTokens tokens;

	@Autowired
	ToolKeys keys;

	@Autowired
	JsonMapper json;

	PlatformSimulator simulator;

	Platform platform;

	@BeforeEach
	void registerPlatform() {
		this.simulator = PlatformSimulator.start();
		this.simulator.services().trustToolJwks(jwksUrl());
		this.platform = this.registrations.register(this.simulator.settings(), PlatformSource.ADMIN);
	}

	@AfterEach
	void stopPlatform() {
		this.simulator.close();
	}

	@Test
	void tokenRequestIsFormEncodedWithAnAssertionThatVerifiesAgainstTheToolsJwks() throws Exception {
		Instant before = Instant.now();
		AccessToken token = this.tokens.token(this.platform, Set.of(LtiScopes.SCORE, LtiScopes.LINEITEM));
		assertThat(token.value()).hasSize(32);
		RecordedRequest request = this.simulator.services().requests(Endpoint.TOKEN).get(0);
		assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
		Map<String, String> form = request.form();
		assertThat(form).containsEntry("grant_type", "client_credentials")
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		assertThat(form.get("scope").split(" ")).containsExactlyInAnyOrder(LtiScopes.SCORE, LtiScopes.LINEITEM);
		Jws<Claims> assertion = verifiedWithToolJwks(form.get("client_assertion"));
		assertThat(assertion.getHeader().getAlgorithm()).isEqualTo("RS256");
		assertThat(assertion.getHeader().getKeyId()).isEqualTo(this.keys.signingKey().kid());
		Claims claims = assertion.getPayload();
		assertThat(claims.getIssuer()).isEqualTo(PlatformSimulator.CLIENT_ID);
		assertThat(claims.getSubject()).isEqualTo(PlatformSimulator.CLIENT_ID);
		assertThat(claims.getAudience()).containsExactly(this.simulator.tokenEndpoint());
		assertThat(claims.getIssuedAt().toInstant()).isBefore(before.minusSeconds(3));
		assertThat(claims.getExpiration().toInstant()).isBetween(before.plusSeconds(290), before.plusSeconds(310));
		assertThat(claims.getId()).isNotBlank();
	}

	@Test
	void tokensKeepBeingGrantedThroughAKeyRotation() {
		String before = this.keys.signingKey().kid();
		assertThat(this.tokens.token(this.platform, Set.of(LtiScopes.SCORE))).isNotNull();
		String next = this.keys.publishNext();
		AccessToken during = this.tokens.token(this.platform, Set.of(LtiScopes.LINEITEM));
		assertThat(during).isNotNull();
		this.keys.activateNext();
		AccessToken after = this.tokens.token(this.platform, Set.of(LtiScopes.LINEITEM_READONLY));
		assertThat(after).isNotNull();
		List<String> kids = this.simulator.services().requests(Endpoint.TOKEN).stream()
			.map((request) -> verifiedWithToolJwks(request.form().get("client_assertion")).getHeader().getKeyId())
			.toList();
		assertThat(kids).containsExactly(before, before, next);
	}

	@Test
	void everyAssertionHasItsOwnJti() throws Exception {
		this.tokens.token(this.platform, Set.of(LtiScopes.SCORE));
		this.tokens.token(this.platform, Set.of(LtiScopes.LINEITEM));
		List<String> ids = this.simulator.services().requests(Endpoint.TOKEN).stream()
			.map((request) -> verifiedWithToolJwks(request.form().get("client_assertion")).getPayload().getId())
			.toList();
		assertThat(ids).hasSize(2).doesNotHaveDuplicates();
	}

	@Test
	void tokenIsCachedPerScopeSetAndReplacedAfterEviction() {
		AccessToken first = this.tokens.token(this.platform, Set.of(LtiScopes.SCORE));
		assertThat(this.tokens.token(this.platform, Set.of(LtiScopes.SCORE))).isSameAs(first);
		this.tokens.evict(this.platform, first);
		AccessToken second = this.tokens.token(this.platform, Set.of(LtiScopes.SCORE));
		assertThat(second.value()).isNotEqualTo(first.value());
		assertThat(this.simulator.services().requests(Endpoint.TOKEN)).hasSize(2);
		assertThat(second.toString()).doesNotContain(second.value());
	}

	@Test
	void unknownClientIsRefusedWithThePlatformsError() {
		PlatformSettings settings = this.simulator.settings();
		Platform stranger = this.registrations.register(new PlatformSettings(settings.name() + " other",
				settings.issuer(), "unknown-client", settings.authorizationEndpoint(), settings.tokenEndpoint(),
				settings.jwksUri(), settings.deploymentIds()), PlatformSource.ADMIN);
		assertThatExceptionOfType(PlatformServiceException.class)
			.isThrownBy(() -> this.tokens.token(stranger, Set.of(LtiScopes.SCORE)))
			.satisfies((ex) -> {
				assertThat(ex.failure()).isEqualTo(ServiceFailure.TOKEN_REFUSED);
				assertThat(ex.platformMessage()).isEqualTo("invalid_client");
			});
	}

	@Test
	void tokenEndpointServerErrorIsTemporary() {
		this.simulator.services().failNext(Endpoint.TOKEN, 503, 1);
		assertThatExceptionOfType(PlatformServiceException.class)
			.isThrownBy(() -> this.tokens.token(this.platform, Set.of(LtiScopes.SCORE)))
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(ServiceFailure.TOKEN_UNAVAILABLE));
		assertThat(this.tokens.token(this.platform, Set.of(LtiScopes.SCORE)).value()).isNotBlank();
	}

	private Jws<Claims> verifiedWithToolJwks(String assertion) {
		Map<?, ?> jwks = fetchJwks();
		return Jwts.parser().keyLocator(new LocatorAdapter<Key>() {
			@Override
			protected Key locate(ProtectedHeader header) {
				return ((List<?>) jwks.get("keys")).stream()
					.map((jwk) -> (Map<?, ?>) jwk)
					.filter((jwk) -> header.getKeyId().equals(jwk.get("kid")))
					.findFirst()
					.flatMap(JsonWebKeys::toRsaKey)
					.orElseThrow();
			}
		}).build().parseSignedClaims(assertion);
	}

	private Map<?, ?> fetchJwks() {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(jwksUrl())).build(), HttpResponse.BodyHandlers.ofString());
			return this.json.readValue(response.body(), Map.class);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String jwksUrl() {
		return "http://localhost:" + this.port + "/.well-known/jwks.json";
	}

}
