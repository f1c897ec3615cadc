package nl.werkproces.lti.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The pages of a simulated Moodle that a browser sees, on a server of their own (https when given a TLS context):
 * a course page that embeds the activity in a cross-site iframe ({@code /course/view.php}), the auto-posted login
 * initiation ({@code /mod/lti/launch.php}) and the OIDC authorization endpoint ({@code /mod/lti/auth.php}), which
 * auto-posts a signed id_token to the tool. Like Moodle's {@code auth.php} it accepts each launch id in
 * {@code lti_message_hint} once: a second use answers "Invalid request".
 */
public final class SimulatedBrowserPages implements AutoCloseable {

	private final PlatformSimulator platform;

	private final HttpServer server;

	private final String scheme;

	private final String toolBaseUrl;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicInteger launchIds = new AtomicInteger();

	private final Set<String> unusedHints = ConcurrentHashMap.newKeySet();

	private final AtomicInteger hintsAccepted = new AtomicInteger();

	private final AtomicInteger hintsRefused = new AtomicInteger();

	SimulatedBrowserPages(PlatformSimulator platform, String toolBaseUrl, SSLContext tls) throws IOException {
		this.platform = platform;
		this.toolBaseUrl = toolBaseUrl;
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
		if (tls != null) {
			HttpsServer https = HttpsServer.create(address, 0);
			https.setHttpsConfigurator(new HttpsConfigurator(tls));
			this.server = https;
			this.scheme = "https";
		}
		else {
			this.server = HttpServer.create(address, 0);
			this.scheme = "http";
		}
		this.server.createContext("/course/view.php", this::course);
		this.server.createContext("/mod/lti/launch.php", this::launch);
		this.server.createContext("/mod/lti/auth.php", this::authorize);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public String baseUrl() {
		return this.scheme + "://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The course page with the activity in an iframe named {@code tool-frame}. */
	public String coursePage() {
		return baseUrl() + "/course/view.php";
	}

	String authorizationEndpoint() {
		return baseUrl() + "/mod/lti/auth.php";
	}

	/** Launch ids that {@code auth.php} accepted (each once). */
	public int hintsAccepted() {
		return this.hintsAccepted.get();
	}

	/** Authorization requests refused because their launch id was unknown or used before. */
	public int hintsRefused() {
		return this.hintsRefused.get();
	}

	private void course(HttpExchange exchange) throws IOException {
		respond(exchange, 200, """
				<!DOCTYPE html><html><head><title>Moodle course</title></head><body>
				<h1>LTI Test Course</h1>
				<iframe name="tool-frame" id="tool-frame" src="/mod/lti/launch.php" width="1000" height="700"></iframe>
				</body></html>""");
	}

	/** Moodle's launch.php: an auto-submitted login initiation with a fresh single-use launch id. */
	private void launch(HttpExchange exchange) throws IOException {
		String launchId = "ltilaunch1_" + this.launchIds.incrementAndGet();
		this.unusedHints.add(launchId);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("iss", this.platform.issuer());
		fields.put("target_link_uri", this.toolBaseUrl + "/lti/launch");
		fields.put("login_hint", "4");
		fields.put("lti_message_hint", "{\"cmid\":2,\"launchid\":\"" + launchId + "\"}");
		fields.put("client_id", PlatformSimulator.CLIENT_ID);
		fields.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
		respond(exchange, 200, autoPost(this.toolBaseUrl + "/lti/login", fields));
	}

	/** Moodle's auth.php: checks the request, uses up the launch id, auto-posts the signed id_token. */
	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange.getRequestURI());
		String hint = query.getOrDefault("lti_message_hint", "");
		String launchId = hint.replaceAll(".*\"launchid\":\"([^\"]+)\".*", "$1");
		boolean valid = "openid".equals(query.get("scope")) && "id_token".equals(query.get("response_type"))
				&& (this.toolBaseUrl + "/lti/launch").equals(query.get("redirect_uri"))
				&& PlatformSimulator.CLIENT_ID.equals(query.get("client_id")) && query.get("state") != null
				&& query.get("nonce") != null;
		if (!valid || !this.unusedHints.remove(launchId)) {
			this.hintsRefused.incrementAndGet();
			respond(exchange, 400, "<!DOCTYPE html><html><body><p id=\"moodle-error\">Invalid request</p></body></html>");
			return;
		}
		this.hintsAccepted.incrementAndGet();
		String idToken = this.platform
			.sign(TestLaunches.resourceLink(this.platform, this.toolBaseUrl).claims(query.get("nonce")));
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id_token", idToken);
		fields.put("state", query.get("state"));
		respond(exchange, 200, autoPost(query.get("redirect_uri"), fields));
	}

	private static String autoPost(String action, Map<String, String> fields) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><form method=\"post\" action=\"")
			.append(escape(action))
			.append("\">");
		fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
			.append(escape(name))
			.append("\" value=\"")
			.append(escape(value))
			.append("\">"));
		return html.append("</form><script>document.forms[0].submit();</script></body></html>").toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
						URLDecoder.decode((kv.length > 1) ? kv[1] : "", StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	private static void respond(HttpExchange exchange, int status, String html) throws IOException {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
		exchange.getResponseHeaders().add("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
