package nl.werkproces.lti.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.JsonWebKeys;

/**
 * The service side of {@link PlatformSimulator}, behaving like Moodle 4.5 ({@code moodle-captures/services}): a
 * token endpoint that checks the client assertion against the tool's JWKS (fetched over HTTP, zero clock
 * tolerance) and answers JSON labelled {@code text/html}; line items with Moodle's malformed paging links; scores
 * with 409 for a timestamp that is not strictly newer (1-second resolution) and 400 "Incorrect score received" for
 * users without a graded role; memberships with well-formed paging. Every request is recorded; failures can be
 * injected per endpoint.
 */
public final class SimulatedServices {

	/** The endpoints failures can be injected into. */
	public enum Endpoint {

		TOKEN, LINE_ITEMS, LINE_ITEM, SCORES, MEMBERSHIPS

	}

	/** A recorded request; header names lower case. */
	public record RecordedRequest(Endpoint endpoint, String method, String uri, Map<String, String> headers,
			String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

		public Map<String, String> form() {
			return SimulatedServices.form(this.body);
		}

	}

	/** A stored score, as Moodle's gradebook keeps it. */
	public record StoredScore(String userId, Double scoreGiven, Double scoreMaximum, String comment,
			Instant timestamp) {

	}

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";

	private static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";

	private final PlatformSimulator platform;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();

	private final Map<Endpoint, ConcurrentLinkedDeque<Integer>> failures = new ConcurrentHashMap<>();

	private final Set<String> validTokens = ConcurrentHashMap.newKeySet();

	private final List<Map<String, Object>> lineItems = new CopyOnWriteArrayList<>();

	private final Map<String, StoredScore> scores = new ConcurrentHashMap<>();

	private final List<Map<String, Object>> members = new CopyOnWriteArrayList<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	private final Map<Endpoint, java.time.Duration> delays = new ConcurrentHashMap<>();

	private final Map<Endpoint, Integer> alternatingFailures = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicLong alternation = new java.util.concurrent.atomic.AtomicLong();

	private volatile String toolJwksUrl;

	private volatile Map<String, RSAPublicKey> toolKeys = Map.of();

	/** Status codes to answer instead of the real answer; {@link #TIMEOUT} hangs until the client gives up. */
	public static final int TIMEOUT = -1;

	SimulatedServices(PlatformSimulator platform) {
		this.platform = platform;
		this.lineItems.add(lineItem(2, "Harness LTI 1.3 activity", 100, "", ""));
		this.members.add(member("5", "Alex", "Learner", "Learner"));
		this.members.add(member("4", "Sam", "Student", "Learner"));
		this.members.add(member("3", "Terry", "Teacher", "Instructor"));
	}

	/** Where the tool publishes its keys; client assertions are checked against them. */
	public SimulatedServices trustToolJwks(String url) {
		this.toolJwksUrl = url;
		return this;
	}

	/** The next {@code times} requests to the endpoint get this status (or hang: {@link #TIMEOUT}). */
	public SimulatedServices failNext(Endpoint endpoint, int status, int times) {
		for (int i = 0; i < times; i++) {
			this.failures.computeIfAbsent(endpoint, (e) -> new ConcurrentLinkedDeque<>()).add(status);
		}
		return this;
	}

	/** From now on every second request to the endpoint gets this status (a platform failing half the time). */
	public SimulatedServices failEverySecond(Endpoint endpoint, int status) {
		this.alternatingFailures.put(endpoint, status);
		return this;
	}

	/** Every later request to the endpoint is answered only after this delay (a slow platform). */
	public SimulatedServices delay(Endpoint endpoint, java.time.Duration delay) {
		this.delays.put(endpoint, delay);
		return this;
	}

	/** Forgets every access token issued so far: the next service request gets 401. */
	public void revokeTokens() {
		this.validTokens.clear();
	}

	public String lineItemsUrl() {
		return this.platform.baseUrl() + "/mod/lti/services.php/2/lineitems?type_id=1";
	}

	public String lineItemUrl(int id) {
		return this.platform.baseUrl() + "/mod/lti/services.php/2/lineitems/" + id + "/lineitem?type_id=1";
	}

	public String membershipsUrl() {
		return this.platform.baseUrl() + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships";
	}

	public void addLineItem(int id, String label, double scoreMaximum, String resourceId, String tag) {
		this.lineItems.add(lineItem(id, label, scoreMaximum, resourceId, tag));
	}

	public void addMember(String userId, String givenName, String familyName, String role) {
		this.members.add(member(userId, givenName, familyName, role));
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(this.recorded);
	}

	public List<RecordedRequest> requests(Endpoint endpoint) {
		return this.recorded.stream().filter((request) -> request.endpoint() == endpoint).toList();
	}

	public StoredScore score(int lineItemId, String userId) {
		return this.scores.get(lineItemId + "/" + userId);
	}

	public List<Map<String, Object>> lineItems() {
		return this.lineItems.stream().map(this::publicView).toList();
	}

	void close() {
		this.closed.countDown();
	}

	void token(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		record(Endpoint.TOKEN, exchange, body);
		if (injected(Endpoint.TOKEN, exchange)) {
			return;
		}
		Map<String, String> form = form(body);
		String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
		if (!contentType.startsWith("application/x-www-form-urlencoded")
				|| !"client_credentials".equals(form.get("grant_type"))
				|| !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
			tokenError(exchange, "invalid_request");
			return;
		}
		String problem = checkAssertion(form.get("client_assertion"));
		if (problem != null) {
			tokenError(exchange, problem);
			return;
		}
		String token = UUID.randomUUID().toString().replace("-", "");
		this.validTokens.add(token);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", token);
		answer.put("token_type", "Bearer");
		answer.put("expires_in", 3600);
		answer.put("scope", form.getOrDefault("scope", ""));
		send(exchange, 200, "text/html; charset=utf-8", json.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
	}

	void services(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().replaceFirst("^/mod/lti/services\\.php", "");
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Matcher lineItem = Pattern.compile("/2/lineitems/(\\d+)/lineitem(/scores)?").matcher(path);
		Endpoint endpoint = path.endsWith("/memberships") ? Endpoint.MEMBERSHIPS
				: path.equals("/2/lineitems") ? Endpoint.LINE_ITEMS
						: !lineItem.matches() ? null : (lineItem.group(2) != null) ? Endpoint.SCORES : Endpoint.LINE_ITEM;
		record(endpoint, exchange, body);
		if (endpoint == null) {
			send(exchange, 404, "application/json", "{\"status\":404,\"reason\":\"Not Found\"}");
			return;
		}
		if (injected(endpoint, exchange)) {
			return;
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !this.validTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
			send(exchange, 401, "application/json; charset=utf-8", "{\"status\":401,\"reason\":\"Unauthorized\"}");
			return;
		}
		switch (endpoint) {
			case MEMBERSHIPS -> memberships(exchange, query);
			case LINE_ITEMS -> lineItems(exchange, query, body);
			case LINE_ITEM -> send(exchange, 200, LINE_ITEM_TYPE,
					json.writeValueAsString(findLineItem(Integer.parseInt(lineItem.group(1)))));
			case SCORES -> score(exchange, Integer.parseInt(lineItem.group(1)), query, body);
			default -> send(exchange, 404, "application/json", "{}");
		}
	}

	private void lineItems(HttpExchange exchange, Map<String, String> query, String body) throws IOException {
		if ("POST".equals(exchange.getRequestMethod())) {
			Map<?, ?> wanted = json.readValue(body, Map.class);
			int id = this.lineItems.stream().mapToInt((item) -> (Integer) item.get("ltiId")).max().orElse(1) + 1;
			Map<String, Object> created = lineItem(id, (String) wanted.get("label"),
					((Number) wanted.get("scoreMaximum")).doubleValue(), (String) wanted.get("resourceId"),
					(String) wanted.get("tag"));
			this.lineItems.add(created);
			send(exchange, 201, LINE_ITEM_TYPE, json.writeValueAsString(publicView(created)));
			return;
		}
		List<Map<String, Object>> all = this.lineItems.stream().map(this::publicView).toList();
		int from = Integer.parseInt(query.getOrDefault("from", "0"));
		if (query.containsKey("limit")) {
			int limit = Integer.parseInt(query.get("limit"));
			String base = lineItemsUrl() + "&amp;limit=" + limit + "&amp;from=";
			List<String> links = new ArrayList<>();
			links.add("<" + base + "0>; rel=" + curly("first"));
			if (from + limit < all.size()) {
				links.add("<" + base + (from + limit) + ">; rel=" + curly("next"));
			}
			links.add("<" + base + ((all.size() - 1) / limit * limit) + ">; rel=" + curly("last"));
			exchange.getResponseHeaders().add("Link", String.join(", ", links));
			all = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
		}
		send(exchange, 200, "application/vnd.ims.lis.v2.lineitemcontainer+json; charset=utf-8", json.writeValueAsString(all));
	}

	private void score(HttpExchange exchange, int lineItemId, Map<String, String> query, String body)
			throws IOException {
		String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
		if (!"POST".equals(exchange.getRequestMethod()) || !contentType.startsWith(SCORE_TYPE)
				|| !query.containsKey("type_id")) {
			send(exchange, 400, "application/json; charset=utf-8",
					"{\"status\":400,\"reason\":\"No handler found for /2/lineitems/" + lineItemId + "/lineitem/scores "
							+ contentType + "\"}");
			return;
		}
		Map<?, ?> score = json.readValue(body, Map.class);
		String userId = String.valueOf(score.get("userId"));
		boolean learner = this.members.stream()
			.anyMatch((member) -> userId.equals(member.get("user_id"))
					&& ((List<?>) member.get("roles")).contains("Learner"));
		if (!(score.get("timestamp") instanceof String timestamp) || !learner) {
			send(exchange, 400, SCORE_TYPE + "; charset=utf-8", "{\"status\":400,\"reason\":\"Incorrect score received\"}");
			return;
		}
		Instant at = OffsetDateTime.parse(timestamp).toInstant();
		String key = lineItemId + "/" + userId;
		synchronized (this.scores) {
			StoredScore stored = this.scores.get(key);
			if (stored != null && at.getEpochSecond() <= stored.timestamp().getEpochSecond()) {
				send(exchange, 409, SCORE_TYPE + "; charset=utf-8", "[]");
				return;
			}
			boolean graded = "FullyGraded".equals(score.get("gradingProgress"));
			this.scores.put(key, new StoredScore(userId, graded ? number(score.get("scoreGiven")) : null,
					number(score.get("scoreMaximum")), (String) score.get("comment"), at));
		}
		send(exchange, 200, SCORE_TYPE + "; charset=utf-8", "");
	}

	private void memberships(HttpExchange exchange, Map<String, String> query) throws IOException {
		List<Map<String, Object>> all = List.copyOf(this.members);
		int from = Integer.parseInt(query.getOrDefault("from", "0"));
		int limit = Integer.parseInt(query.getOrDefault("limit", String.valueOf(Math.max(all.size(), 1))));
		if (from + limit < all.size()) {
			exchange.getResponseHeaders()
				.add("Link", "<" + membershipsUrl() + "?limit=" + limit + "&from=" + (from + limit) + ">; rel=\"next\"");
		}
		Map<String, Object> container = new LinkedHashMap<>();
		container.put("id", membershipsUrl());
		container.put("context", Map.of("id", "2", "label", "LTITEST", "title", "LTI Test Course"));
		container.put("members", all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size())));
		send(exchange, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json; charset=utf-8",
				json.writeValueAsString(container));
	}

	private String checkAssertion(String assertion) {
		if (assertion == null) {
			return "invalid_request";
		}
		Claims claims;
		try {
			claims = Jwts.parser().keyLocator(new LocatorAdapter<java.security.Key>() {
				@Override
				protected java.security.Key locate(ProtectedHeader header) {
					return toolKey(header.getKeyId());
				}
			}).clockSkewSeconds(0).build().parseSignedClaims(assertion).getPayload();
		}
		catch (JwtException | IllegalArgumentException ex) {
			return "Signature verification failed";
		}
		Date issuedAt = claims.getIssuedAt();
		if (!PlatformSimulator.CLIENT_ID.equals(claims.getSubject())
				|| !PlatformSimulator.CLIENT_ID.equals(claims.getIssuer())) {
			return "invalid_client";
		}
		if (claims.getAudience() == null || !claims.getAudience().contains(this.platform.tokenEndpoint())) {
			return "invalid_audience";
		}
		if (issuedAt == null || issuedAt.toInstant().isAfter(Instant.now()) || claims.getId() == null) {
			return "Token used before issued";
		}
		return null;
	}

	private RSAPublicKey toolKey(String kid) {
		RSAPublicKey key = this.toolKeys.get(kid);
		if (key == null && this.toolJwksUrl != null) {
			try {
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.toolJwksUrl)).build(),
						HttpResponse.BodyHandlers.ofString());
				Map<String, RSAPublicKey> keys = new HashMap<>();
				for (Object jwk : (List<?>) json.readValue(response.body(), Map.class).get("keys")) {
					Map<?, ?> entry = (Map<?, ?>) jwk;
					JsonWebKeys.toRsaKey(entry).ifPresent((found) -> keys.put((String) entry.get("kid"), found));
				}
				this.toolKeys = keys;
				key = keys.get(kid);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		if (key == null) {
			throw new JwtException("unknown kid");
		}
		return key;
	}

	private boolean injected(Endpoint endpoint, HttpExchange exchange) throws IOException {
		java.time.Duration delay = this.delays.get(endpoint);
		if (delay != null) {
			try {
				this.closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		ConcurrentLinkedDeque<Integer> queue = this.failures.get(endpoint);
		Integer status = (queue != null) ? queue.poll() : null;
		Integer alternating = this.alternatingFailures.get(endpoint);
		if (status == null && alternating != null && this.alternation.getAndIncrement() % 2 == 0) {
			status = alternating;
		}
		if (status == null) {
			return false;
		}
		if (status == TIMEOUT) {
			try {
				this.closed.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return true;
		}
		String type = (endpoint == Endpoint.TOKEN) ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
		send(exchange, status, type, (endpoint == Endpoint.TOKEN) ? "{\"error\":\"server_error\"}"
				: "{\"status\":" + status + ",\"reason\":\"Injected failure\"}");
		return true;
	}

	private void record(Endpoint endpoint, HttpExchange exchange, String body) {
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		this.recorded.add(new RecordedRequest(endpoint, exchange.getRequestMethod(),
				this.platform.baseUrl() + exchange.getRequestURI(), Collections.unmodifiableMap(headers), body));
	}

	private Map<String, Object> findLineItem(int id) {
		return this.lineItems.stream()
			.filter((item) -> item.get("ltiId").equals(id))
			.map(this::publicView)
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> lineItem(int id, String label, double scoreMaximum, String resourceId, String tag) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("ltiId", id);
		item.put("label", label);
		item.put("scoreMaximum", scoreMaximum);
		item.put("resourceId", (resourceId != null) ? resourceId : "");
		item.put("tag", (tag != null) ? tag : "");
		item.put("resourceLinkId", "1");
		return item;
	}

	private Map<String, Object> publicView(Map<String, Object> item) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", lineItemUrl((Integer) item.get("ltiId")));
		view.putAll(item);
		view.remove("ltiId");
		return view;
	}

	private static Map<String, Object> member(String userId, String givenName, String familyName, String role) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("status", "Active");
		member.put("roles", List.of(role));
		member.put("user_id", userId);
		member.put("name", givenName + " " + familyName);
		member.put("given_name", givenName);
		member.put("family_name", familyName);
		member.put("email", givenName.toLowerCase() + "@example.com");
		return member;
	}

	/** Moodle's curly quotes as they arrive: UTF-8 bytes sent in a header that is read as Latin-1. */
	private static String curly(String rel) {
		String open = new String("\u201c".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		String close = new String("\u201d".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		return open + rel + close;
	}

	private static Double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	private static void tokenError(HttpExchange exchange, String error) throws IOException {
		send(exchange, 400, "text/html; charset=utf-8", "{\n  \"error\" : \"" + error + "\"\n}");
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static Map<String, String> form(String body) {
		return query(body);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			values.put(name, (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

}
