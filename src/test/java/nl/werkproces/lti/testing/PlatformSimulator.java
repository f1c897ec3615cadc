package nl.werkproces.lti.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.JsonWebKeys;
import nl.werkproces.lti.registration.PlatformSettings;

/**
 * An LTI 1.3 platform for tests that speaks real HTTP: it serves its JWKS (counting the fetches) from a loopback
 * server and signs id_tokens with real RS256 keys. Every instance has its own port, so its own issuer. The JWKS
 * endpoint can be made to fail ({@link #jwksStatus(int)}) and to publish other keys ({@link #publishJwk(Map)}). Its
 * {@linkplain #services() services} (token endpoint, AGS, NRPS) behave like Moodle's.
 */
public final class PlatformSimulator implements AutoCloseable {

	public static final String CLIENT_ID = "sim-client-1";

	public static final String DEPLOYMENT_ID = "1";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Set<Integer> PORTS_HANDED_OUT = ConcurrentHashMap.newKeySet();

	private final HttpServer server;

	private final AtomicInteger jwksFetches = new AtomicInteger();

	private final List<SigningKey> published = new ArrayList<>();

	private final List<Map<String, Object>> otherJwks = new ArrayList<>();

	private volatile SigningKey current;

	private volatile String cacheControl = "max-age=600";

	private volatile int jwksStatus = 200;

	private volatile String issuer;

	private final SimulatedServices services = new SimulatedServices(this);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private volatile SimulatedBrowserPages browserPages;

	private PlatformSimulator(int port) throws IOException {
		this.current = SigningKey.generate();
		this.published.add(this.current);
		this.server = bind(port);
		this.server.createContext("/mod/lti/certs.php", this::serveJwks);
		this.server.createContext("/mod/lti/token.php", this.services::token);
		this.server.createContext("/mod/lti/services.php/", this.services::services);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * Binds the given port, or for 0 a free port that no simulator of this JVM had before: its issuer is its URL, and
	 * on a database shared by all test classes (the MariaDB pass) a reused port would be an issuer that is already
	 * registered, so a later class's registration would meet an earlier class's platform.
	 */
	private static HttpServer bind(int port) throws IOException {
		if (port != 0) {
			return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		}
		for (int attempt = 0; attempt < 50; attempt++) {
			HttpServer candidate = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			if (PORTS_HANDED_OUT.add(candidate.getAddress().getPort())) {
				return candidate;
			}
			candidate.stop(0);
		}
		throw new IOException("no port that was not used by an earlier simulator");
	}

	public static PlatformSimulator start() {
		return startOn(0);
	}

	/**
	 * A platform on this port (0: any free one), for example the same platform coming back after it was down. It
	 * has new keys and has forgotten every access token it issued before.
	 */
	public static PlatformSimulator startOn(int port) {
		try {
			return new PlatformSimulator(port);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Serves more endpoints on the platform's own server (for example dynamic registration). */
	public void addHandler(String path, com.sun.net.httpserver.HttpHandler handler) {
		this.server.createContext(path, handler);
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Its base URL, unless it {@linkplain #withIssuer claims another issuer}. */
	public String issuer() {
		return (this.issuer != null) ? this.issuer : baseUrl();
	}

	/**
	 * Signs and logs in under this issuer, while its endpoints stay on loopback (for example
	 * {@code https://moodle.school.nl}, or a look-alike of another simulator's address).
	 */
	public PlatformSimulator withIssuer(String issuer) {
		this.issuer = issuer;
		return this;
	}

	public String jwksUri() {
		return baseUrl() + "/mod/lti/certs.php";
	}

	public String authorizationEndpoint() {
		SimulatedBrowserPages pages = this.browserPages;
		return (pages != null) ? pages.authorizationEndpoint() : baseUrl() + "/mod/lti/auth.php";
	}

	/**
	 * Serves the pages a browser sees (course page with the tool in an iframe, login initiation, authorization
	 * endpoint with Moodle's single-use launch ids) on a server of their own, over https with this TLS context
	 * ({@code null}: plain http). Call before registering the platform: its authorization endpoint moves there.
	 */
	public SimulatedBrowserPages startBrowserPages(String toolBaseUrl, javax.net.ssl.SSLContext tls) {
		try {
			this.browserPages = new SimulatedBrowserPages(this, toolBaseUrl, tls);
			return this.browserPages;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String tokenEndpoint() {
		return baseUrl() + "/mod/lti/token.php";
	}

	public PlatformSettings settings() {
		return new PlatformSettings("Simulated Moodle " + this.server.getAddress().getPort(), issuer(), CLIENT_ID,
				authorizationEndpoint(), tokenEndpoint(), jwksUri(), Set.of(DEPLOYMENT_ID));
	}

	/** The token endpoint, AGS and NRPS of this platform. */
	public SimulatedServices services() {
		return this.services;
	}

	public int jwksFetches() {
		return this.jwksFetches.get();
	}

	/** The JWKS response's {@code Cache-Control} header; {@code null} sends none. */
	public void cacheControl(String value) {
		this.cacheControl = value;
	}

	/** Makes the JWKS endpoint answer with this status (500: a failing platform) and no key set; 200 restores it. */
	public void jwksStatus(int status) {
		this.jwksStatus = status;
	}

	/** Publishes a further JSON Web Key as it is (for example an EC key or an RSA encryption key). */
	public synchronized void publishJwk(Map<String, Object> jwk) {
		this.otherJwks.add(jwk);
	}

	/** The public key the platform signs with now. */
	public RSAPublicKey publicKey() {
		return (RSAPublicKey) this.current.pair().getPublic();
	}

	/** Publishes a new key and signs with it from now on (the old one stays published). */
	public synchronized String rotateKey() {
		this.current = SigningKey.generate();
		this.published.add(this.current);
		return this.current.kid();
	}

	public String kid() {
		return this.current.kid();
	}

	/** Signs the claims with the current key, header {@code alg RS256} and its {@code kid}. */
	public String sign(Map<String, Object> claims) {
		return Jwts.builder().header().keyId(this.current.kid()).and().claims(claims)
			.signWith(this.current.pair().getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

	/** Signs with the current key under the given header (for example without kid, or another kid). */
	public String signWithHeader(Map<String, Object> header, Map<String, Object> claims) {
		return Jwts.builder().header().add(header).and().claims(claims)
			.signWith(this.current.pair().getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

	/**
	 * Signs a payload written as JSON text with the current key (RS256, its {@code kid}), byte for byte: for claims no
	 * JWT library would build, such as {@code "iat": 1e308} or an {@code aud} array holding {@code null}.
	 */
	public String signJson(String payloadJson) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String input = encode(Map.of("alg", "RS256", "kid", this.current.kid())) + "."
				+ base64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
		try {
			java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
			signature.initSign(this.current.pair().getPrivate());
			signature.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + base64.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs with a key the platform never published. */
	public String signWithUnpublishedKey(String kid, Map<String, Object> claims) {
		SigningKey stranger = SigningKey.generate();
		return Jwts.builder().header().keyId(kid).and().claims(claims)
			.signWith(stranger.pair().getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

	/** An unsigned token ({@code alg none}). */
	public String unsigned(Map<String, Object> claims) {
		return encode(Map.of("alg", "none", "kid", this.current.kid())) + "." + encode(claims) + ".";
	}

	/** HS256 with the platform's public key as the HMAC secret: the classic algorithm confusion attack. */
	public String hs256WithPublicKeyAsSecret(Map<String, Object> claims) {
		String input = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", this.current.kid())) + "." + encode(claims);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.current.pair().getPublic().getEncoded(), "HmacSHA256"));
			return input + "." + Base64.getUrlEncoder().withoutPadding()
				.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.browserPages != null) {
			this.browserPages.close();
		}
		this.services.close();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void serveJwks(HttpExchange exchange) throws IOException {
		this.jwksFetches.incrementAndGet();
		int status = this.jwksStatus;
		if (status != 200) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		List<Map<String, Object>> keys = new ArrayList<>();
		synchronized (this) {
			this.published.forEach(
					(key) -> keys.add(JsonWebKeys.rsaSigningKey(key.kid(), (RSAPublicKey) key.pair().getPublic())));
			keys.addAll(this.otherJwks);
		}
		byte[] body = json.writeValueAsBytes(Map.of("keys", keys));
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		String cacheControl = this.cacheControl;
		if (cacheControl != null) {
			exchange.getResponseHeaders().add("Cache-Control", cacheControl);
		}
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String encode(Map<String, Object> part) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(part));
	}

	private record SigningKey(String kid, KeyPair pair) {

		static SigningKey generate() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				return new SigningKey(UUID.randomUUID().toString(), generator.generateKeyPair());
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
