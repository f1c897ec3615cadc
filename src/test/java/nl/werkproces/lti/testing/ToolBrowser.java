package nl.werkproces.lti.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser for flow tests: real HTTP to the running tool, its own cookie jar, no automatic redirects, so tests
 * see every step of the OIDC launch.
 */
public final class ToolBrowser {

	private final String toolBaseUrl;

	private final CookieManager cookies;

	private final HttpClient http;

	private final Map<String, String> extraHeaders = new LinkedHashMap<>();

	public ToolBrowser(String toolBaseUrl) {
		this(toolBaseUrl, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
	}

	private ToolBrowser(String toolBaseUrl, CookieManager cookies) {
		this.toolBaseUrl = toolBaseUrl;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new LoopbackIsSecure(this.cookies))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * The same browser (its cookies) talking to another instance of the tool on the same host, as a load balancer
	 * sends a browser's next request to another replica.
	 */
	public ToolBrowser at(String otherToolBaseUrl) {
		ToolBrowser other = new ToolBrowser(otherToolBaseUrl, this.cookies);
		other.extraHeaders.putAll(this.extraHeaders);
		return other;
	}

	public String toolBaseUrl() {
		return this.toolBaseUrl;
	}

	/** Moodle's login initiation (auto-submitted POST); returns the tool's redirect to the platform. */
	public LoginRedirect initiateLogin(PlatformSimulator platform) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("iss", platform.issuer());
		form.put("target_link_uri", this.toolBaseUrl + "/lti/launch");
		form.put("login_hint", "4");
		form.put("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_339429064\"}");
		form.put("client_id", PlatformSimulator.CLIENT_ID);
		form.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
		HttpResponse<String> response = post("/lti/login", form);
		if (response.statusCode() != 302) {
			throw new AssertionError("login initiation answered " + response.statusCode() + ": " + response.body());
		}
		return new LoginRedirect(response.headers().firstValue("Location").orElseThrow());
	}

	/** The platform's form_post of the id_token to the redirect URI. */
	public HttpResponse<String> launch(String idToken, String state) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("id_token", idToken);
		form.put("state", state);
		return post("/lti/launch", form);
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return postRaw(path, body);
	}

	public HttpResponse<String> postRaw(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.toolBaseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "nl")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> get(String pathOrUrl) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.toolBaseUrl + pathOrUrl;
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "nl").GET().build());
	}

	/** GET of a download (CSV, Excel, PDF): the body as bytes. */
	public HttpResponse<byte[]> getBytes(String pathOrUrl) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.toolBaseUrl + pathOrUrl;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "nl").GET();
		this.extraHeaders.forEach(request::header);
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** GET that follows redirects (at most five), as a browser would. */
	public HttpResponse<String> getFollowing(String pathOrUrl) {
		HttpResponse<String> response = get(pathOrUrl);
		for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
			String location = response.headers().firstValue("Location").orElseThrow();
			response = get(URI.create(response.uri().toString()).resolve(location).toString());
		}
		return response;
	}

	/**
	 * Sends the header with every following request (as a proxy in front of the tool would add it); a {@code null}
	 * value stops sending it.
	 */
	public ToolBrowser header(String name, String value) {
		if (value == null) {
			this.extraHeaders.remove(name);
		}
		else {
			this.extraHeaders.put(name, value);
		}
		return this;
	}

	/** The value of a cookie the tool set in this browser (e.g. {@code lti_session}), if any. */
	public java.util.Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst();
	}

	/** Forgets every cookie, as a browser that blocks third-party cookies in an iframe would not send them. */
	public void dropCookies() {
		this.cookies.getCookieStore().removeAll();
	}

	private HttpResponse<String> send(HttpRequest request) {
		HttpRequest.Builder withHeaders = HttpRequest.newBuilder(request, (name, value) -> true);
		this.extraHeaders.forEach(withHeaders::header);
		try {
			return this.http.send(withHeaders.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Keeps and sends {@code Secure} cookies over plain http on {@code localhost} and loopback addresses, as browsers
	 * do (a secure context); Java's cookie manager alone would drop them there.
	 */
	private static final class LoopbackIsSecure extends CookieHandler {

		private final CookieManager cookies;

		LoopbackIsSecure(CookieManager cookies) {
			this.cookies = cookies;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			return this.cookies.get(secure(uri), headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			this.cookies.put(secure(uri), headers);
		}

		private static URI secure(URI uri) {
			String host = uri.getHost();
			if ("http".equals(uri.getScheme()) && host != null
					&& (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
				try {
					return new URI("https", uri.getUserInfo(), host, uri.getPort(), uri.getPath(), uri.getQuery(), null);
				}
				catch (URISyntaxException ex) {
					return uri;
				}
			}
			return uri;
		}

	}

	/** The tool's redirect to the platform's authorization endpoint, with its parameters. */
	public record LoginRedirect(String location) {

		public Map<String, String> parameters() {
			String query = URI.create(this.location).getRawQuery();
			Map<String, String> parameters = new LinkedHashMap<>();
			for (String pair : query.split("&")) {
				String[] kv = pair.split("=", 2);
				parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
						URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
			}
			return parameters;
		}

		public String state() {
			return parameters().get("state");
		}

		public String nonce() {
			return parameters().get("nonce");
		}

	}

}
