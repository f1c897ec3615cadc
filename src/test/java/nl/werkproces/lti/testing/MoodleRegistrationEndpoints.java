package nl.werkproces.lti.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moodle 4.5's side of LTI Dynamic Registration on a {@link PlatformSimulator}: its OpenID configuration (in
 * Moodle's shape, served as Moodle does) and its registration endpoint, which checks the bearer token, records
 * what the tool posted and answers with a client id and deployment id (see moodle-captures/platform).
 */
public final class MoodleRegistrationEndpoints {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final PlatformSimulator platform;

	private final String registrationToken;

	private final AtomicInteger configurationFetches = new AtomicInteger();

	private volatile Map<String, Object> lastRegistration;

	private volatile String issuerOverride;

	private volatile boolean refuse;

	private volatile PlatformSimulator keys;

	private volatile String clientId = PlatformSimulator.CLIENT_ID;

	private volatile Runnable beforeAnswer = () -> {
	};

	public MoodleRegistrationEndpoints(PlatformSimulator platform, String registrationToken) {
		this.platform = platform;
		this.registrationToken = registrationToken;
		platform.addHandler("/mod/lti/openid-configuration.php", this::configuration);
		platform.addHandler("/mod/lti/openid-registration.php", this::registration);
	}

	public String configurationUrl() {
		return this.platform.baseUrl() + "/mod/lti/openid-configuration.php";
	}

	public int configurationFetches() {
		return this.configurationFetches.get();
	}

	public Map<String, Object> lastRegistration() {
		return this.lastRegistration;
	}

	/** Serve a configuration whose issuer is another site's. */
	public void issuer(String issuer) {
		this.issuerOverride = issuer;
	}

	/**
	 * Serve the keys and endpoints of another simulator under this platform's issuer: what a platform whose keys
	 * changed, or an attacker at this address, would send. {@code null} serves this platform's own again.
	 */
	public MoodleRegistrationEndpoints keysOf(PlatformSimulator other) {
		this.keys = other;
		return this;
	}

	/** Answer registrations with this client id. */
	public MoodleRegistrationEndpoints clientId(String clientId) {
		this.clientId = clientId;
		return this;
	}

	/** Runs before each registration is answered (for example a barrier for concurrent registrations). */
	public void beforeAnswer(Runnable hook) {
		this.beforeAnswer = hook;
	}

	/** Refuse registrations the way Moodle reports errors. */
	public void refuse() {
		this.refuse = true;
	}

	private void configuration(HttpExchange exchange) throws IOException {
		this.configurationFetches.incrementAndGet();
		String base = this.platform.baseUrl();
		PlatformSimulator endpoints = (this.keys != null) ? this.keys : this.platform;
		Map<String, Object> configuration = Map.of("issuer",
				(this.issuerOverride != null) ? this.issuerOverride : this.platform.issuer(), "token_endpoint",
				endpoints.tokenEndpoint(), "token_endpoint_auth_methods_supported", List.of("private_key_jwt"),
				"jwks_uri", endpoints.jwksUri(), "authorization_endpoint", endpoints.authorizationEndpoint(),
				"registration_endpoint", base + "/mod/lti/openid-registration.php", "scopes_supported",
				List.of("openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score"), "response_types_supported",
				List.of("id_token"), "https://purl.imsglobal.org/spec/lti-platform-configuration",
				Map.of("product_family_code", "moodle", "version", "4.5.6 (Build: 20250811)", "messages_supported",
						List.of(Map.of("type", "LtiResourceLinkRequest"), Map.of("type", "LtiDeepLinkingRequest"))));
		respond(exchange, 200, "application/json; charset=utf-8", json.writeValueAsBytes(configuration));
	}

	@SuppressWarnings("unchecked")
	private void registration(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (!("Bearer " + this.registrationToken).equals(authorization)) {
			respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}".getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (this.refuse) {
			respond(exchange, 400, "application/json",
					"{\"error\":\"invalid_client_metadata\",\"error_description\":\"Tool domain already registered\"}"
						.getBytes(StandardCharsets.UTF_8));
			return;
		}
		this.beforeAnswer.run();
		this.lastRegistration = json.readValue(body, Map.class);
		Map<String, Object> tool = (Map<String, Object>) this.lastRegistration
			.get("https://purl.imsglobal.org/spec/lti-tool-configuration");
		Map<String, Object> answer = Map.of("client_id", this.clientId, "jwks_uri",
				this.lastRegistration.get("jwks_uri"), "https://purl.imsglobal.org/spec/lti-tool-configuration",
				Map.of("version", "1.3.0", "deployment_id", PlatformSimulator.DEPLOYMENT_ID, "target_link_uri",
						tool.get("target_link_uri"), "domain", tool.get("domain")));
		respond(exchange, 200, "text/html; charset=utf-8", json.writeValueAsBytes(answer));
	}

	private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
