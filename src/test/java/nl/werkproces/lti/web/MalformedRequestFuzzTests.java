package nl.werkproces.lti.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.ActivitySetup;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzz run: a few thousand malformed requests, from a fixed seed, against every endpoint of the tool (as
 * Spring MVC maps them, plus the login and launch URLs): wrong methods and content types, multipart garbage,
 * malformed forms and query strings, JWT-like garbage, huge and binary values, with and without a launch session
 * (learner and teacher), an admin session or HTTP Basic, and with valid and garbage CSRF tokens. No answer may be a
 * 5xx, and a refused (4xx) request must not have added a row to any table that holds data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.jwks.min-refresh-interval=0s", "lti.grades.scheduled=false",
				"lti.launch.logins-per-address=100000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestFuzzTests {

	private static final long SEED = 20261202L;

	private static final int REQUESTS = 3000;

	/** Tables whose rows a refused request must not add to (audit and rejection logs are written on purpose). */
	private static final List<String> DATA_TABLES = List.of("activity", "admin_user", "deployment", "dossier",
			"grade_outbox", "grading", "launch_session", "login_state", "lti_context", "lti_user", "platform",
			"registration_invite", "resource_link", "rubric_version", "submission", "submission_file", "tool_key");

	private static final Pattern CSRF = Pattern.compile("(?:_csrf=|name=\"_csrf\" value=\")([A-Za-z0-9_-]+)");

	private static final List<String> COMMON_NAMES = List.of("id_token", "state", "iss", "login_hint",
			"target_link_uri", "lti_message_hint", "client_id", "lti_deployment_id", "error", "error_description",
			"text", "files", "file", "lsid", "_csrf", "openid_configuration", "registration_token", "username",
			"password", "name", "issuer", "enabled", "werkproces", "profiel", "gradeMode", "dueAt", "levels",
			"remarks", "overallRemark", "JWT", "grant_type", "client_assertion", "scope", "q", "page", "lang");

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LaunchSessions launchSessions;

	@Autowired
	LaunchLinkTokens linkTokens;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	PlatformSimulator platform;

	final Random random = new Random(SEED);

	final List<Session> sessions = new ArrayList<>();

	final HttpClient anonymous = client(null);

	@BeforeAll
	void launchLearnerTeacherAndSignInAdmin() {
		this.platform = PlatformSimulator.start();
		Platform registered = this.registrations.register(this.platform.settings(), PlatformSource.ADMIN);
		long dossierId = this.catalog.all()
			.stream()
			.filter((d) -> d.identity().titel().startsWith("ICT- en mediabeheer"))
			.findFirst()
			.orElseThrow()
			.id();
		String setupKey = this.activities.createPending(registered.id(), setup(dossierId), null);
		String base = "http://localhost:" + this.port;
		for (boolean teacher : new boolean[] { false, true }) {
			ToolBrowser browser = new ToolBrowser(base);
			TestLaunches launch = TestLaunches.resourceLink(this.platform, base)
				.with(LtiClaims.CUSTOM, Map.of(CurrentActivity.SETUP_KEY, setupKey));
			if (teacher) {
				launch.asInstructor();
			}
			LoginRedirect login = browser.initiateLogin(this.platform);
			HttpResponse<String> launched = browser.launch(this.platform.sign(launch.claims(login.nonce())),
					login.state());
			assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
			String location = launched.headers().firstValue("Location").orElseThrow();
			// the fuzzing clients keep no cookies: the session travels as a cookie-less browser's would, a link token
			String lsid = this.linkTokens.issue(
					this.launchSessions.find(browser.cookie("lti_session").orElseThrow()).orElseThrow());
			String page = browser.getFollowing(location).body();
			Matcher csrf = CSRF.matcher(page);
			this.sessions.add(new Session(teacher ? "teacher" : "learner", client(null), lsid,
					csrf.find() ? csrf.group(1) : null, null));
		}
		AdminBrowser.signIn(base);
		HttpClient admin = client(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
		String loginPage = send(admin, HttpRequest.newBuilder(URI.create(base + "/admin/login")).GET()).body();
		Matcher loginCsrf = CSRF.matcher(loginPage);
		assertThat(loginCsrf.find()).isTrue();
		send(admin, HttpRequest.newBuilder(URI.create(base + "/admin/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + AdminBrowser.USER + "&password="
					+ AdminBrowser.PASSWORD + "&_csrf=" + loginCsrf.group(1))));
		Matcher adminCsrf = CSRF.matcher(send(admin, HttpRequest.newBuilder(URI.create(base + "/admin/keys")).GET()).body());
		this.sessions.add(new Session("admin", admin, null, adminCsrf.find() ? adminCsrf.group(1) : null, null));
		this.sessions.add(new Session("basic", client(null), null, null, "Basic " + Base64.getEncoder()
			.encodeToString((AdminBrowser.USER + ":" + AdminBrowser.PASSWORD).getBytes(StandardCharsets.UTF_8))));
	}

	@AfterAll
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void thousandsOfMalformedRequestsGetNo5xxAndRefusedOnesStoreNothing() {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).extracting(Endpoint::pattern)
			.contains("/lti/login", "/lti/launch", "/app/student/submission", "/admin/dossiers/import",
					"/api/admin/dossiers", "/app/teacher/settings", "/app/deep-linking");
		List<String> failures = new ArrayList<>();
		Set<String> refusedThatStored = new TreeSet<>();
		long started = System.nanoTime();
		for (int i = 0; i < REQUESTS; i++) {
			Endpoint endpoint = endpoints.get(this.random.nextInt(endpoints.size()));
			Fuzzed request = fuzz(endpoint);
			List<Long> before = counts();
			HttpResponse<String> response;
			try {
				response = request.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				// the server may close the connection on a request it cannot parse at all: not a 5xx
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (response.statusCode() >= 500) {
				failures.add("#" + i + " " + request.describe() + " -> " + response.statusCode() + " "
						+ snippet(response.body()));
			}
			else if (response.statusCode() >= 400) {
				List<Long> after = counts();
				for (int t = 0; t < DATA_TABLES.size(); t++) {
					if (after.get(t) > before.get(t)) {
						refusedThatStored.add(DATA_TABLES.get(t) + " by " + request.describe() + " -> "
								+ response.statusCode());
					}
				}
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(failures).as("5xx answers (%d requests in %s)", REQUESTS, took).isEmpty();
		assertThat(refusedThatStored).as("refused requests that stored rows").isEmpty();
	}

	/** Every mapped endpoint with its methods and the parameter names its handler reads. */
	private List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<String> methods = new LinkedHashSet<>();
			info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.addAll(List.of("GET", "POST"));
			}
			List<String> names = new ArrayList<>(parameterNames(entry.getValue()));
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/error")) {
					endpoints.add(new Endpoint(pattern, List.copyOf(methods), names));
				}
			}
		}
		return endpoints;
	}

	private static Set<String> parameterNames(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
			if (param != null && !param.name().isEmpty()) {
				names.add(param.name());
			}
			else if (part != null && !part.name().isEmpty()) {
				names.add(part.name());
			}
			else if (parameter.getParameterName() != null && (param != null || part != null)) {
				names.add(parameter.getParameterName());
			}
			if (parameter.hasParameterAnnotation(ModelAttribute.class) || parameter.getParameterType().isRecord()) {
				RecordComponent[] components = parameter.getParameterType().getRecordComponents();
				if (components != null) {
					for (RecordComponent component : components) {
						names.add(component.getName());
					}
				}
				for (var field : parameter.getParameterType().getDeclaredFields()) {
					names.add(field.getName());
				}
			}
		}
		return names;
	}

	private Fuzzed fuzz(Endpoint endpoint) {
		Session session = (this.random.nextInt(5) == 0) ? null : pick(this.sessions);
		String method = (this.random.nextInt(6) == 0) ? pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH"))
				: pick(endpoint.methods());
		Map<String, String> fields = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(endpoint.names());
		names.addAll(COMMON_NAMES);
		int count = this.random.nextInt(6);
		for (int i = 0; i < count; i++) {
			fields.put((this.random.nextInt(10) == 0) ? value() : pick(names), value());
		}
		StringBuilder query = new StringBuilder();
		if (session != null && session.lsid() != null && this.random.nextInt(4) != 0) {
			query.append("lsid=").append(session.lsid());
		}
		if (session != null && session.csrf() != null && this.random.nextInt(3) != 0) {
			query.append(query.isEmpty() ? "" : "&").append("_csrf=").append(session.csrf());
		}
		if (this.random.nextInt(3) == 0) {
			query.append(query.isEmpty() ? "" : "&").append(pick(List.of("%zz", "a=%", "%00=%00", "x=%E0%A4%A",
					"&&==&", "lsid=" + enc(value()), pick(names) + "=" + enc(value()), "a[]=1&a[0][x]=2")));
		}
		String path = path(endpoint.pattern());
		String uri = "http://localhost:" + this.port + path + (query.isEmpty() ? "" : "?" + query);
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create(uri));
		}
		catch (IllegalArgumentException ex) {
			builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + endpoint.pattern()
				.replaceAll("\\{[^}]+}", "1")));
		}
		builder.timeout(Duration.ofSeconds(30));
		Body body = body(fields);
		if (body.contentType() != null) {
			builder.header("Content-Type", body.contentType());
		}
		if (this.random.nextBoolean()) {
			builder.header("Accept", pick(List.of("text/html", "application/json", "application/problem+json",
					"*/*", "image/png", "application/xml;q=0.1, x/y")));
		}
		if (this.random.nextInt(4) == 0) {
			builder.header("Accept-Language", pick(List.of("en", "nl", "zz-ZZ", "*", ";;", "en;q=abc")));
		}
		if (session != null && session.authorization() != null) {
			builder.header("Authorization", session.authorization());
		}
		else if (this.random.nextInt(20) == 0) {
			builder.header("Authorization", pick(List.of("Basic !!!", "Basic " + Base64.getEncoder()
				.encodeToString("a:b".getBytes(StandardCharsets.UTF_8)), "Bearer " + jwtLike(), "Basic")));
		}
		if (session != null && session.csrf() != null && this.random.nextInt(3) == 0) {
			builder.header("X-CSRF-TOKEN", this.random.nextBoolean() ? session.csrf() : jwtLike());
		}
		boolean hasBody = !method.equals("GET") && !method.equals("DELETE") || this.random.nextInt(8) == 0;
		builder.method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(body.bytes())
				: HttpRequest.BodyPublishers.noBody());
		HttpClient client = (session != null) ? session.client() : this.anonymous;
		String description = method + " " + path + " [" + ((session != null) ? session.name() : "anonymous") + ", "
				+ body.contentType() + ", " + fields.keySet().stream().map(MalformedRequestFuzzTests::snippet).toList()
				+ "]";
		return new Fuzzed(builder, client, description);
	}

	private String path(String pattern) {
		Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			variable.appendReplacement(path, Matcher.quoteReplacement(pick(List.of("1", "2", "0", "-1", "abc",
					"99999999999999999999", "%00", "..%2F..", "B1-K1-W1", "%E2%80%AE", "x".repeat(300), "1.5", "%20",
					"null", "' OR 1=1 --"))));
		}
		variable.appendTail(path);
		return path.toString().replace("/**", "/" + pick(List.of("x", "a/b/c", "..;", "%2e%2e")));
	}

	private Body body(Map<String, String> fields) {
		switch (this.random.nextInt(9)) {
			case 0, 1 -> {
				return new Body("application/x-www-form-urlencoded", form(fields).getBytes(StandardCharsets.UTF_8));
			}
			case 2, 3 -> {
				String boundary = "fuzz" + this.random.nextInt(1_000_000);
				return new Body("multipart/form-data; boundary=" + boundary, multipart(boundary, fields));
			}
			case 4 -> {
				return new Body(pick(List.of("multipart/form-data", "multipart/form-data; boundary=",
						"multipart/form-data; boundary=" + "b".repeat(100), "multipart/mixed; boundary=x",
						"multipart/form-data; boundary=\"unterminated", "multipart/form-data; charset=binary")),
						pick(List.of(form(fields), "--x\r\n", "\u0000\u0001\u0002", "--b\r\nContent-Disposition: x\r\n\r\n",
								"")).getBytes(StandardCharsets.UTF_8));
			}
			case 5 -> {
				return new Body(pick(List.of("application/json", "application/problem+json",
						"application/vnd.ims.lis.v1.score+json", "application/vnd.ims.lis.v2.lineitem+json")),
						pick(List.of("{", "[]", "null", "{\"a\":" + "[".repeat(2000) + "}", "{\"scoreGiven\":\"x\"}",
								"\"" + value() + "\"", "{\"label\":null,\"scoreMaximum\":-1e999}"))
							.getBytes(StandardCharsets.UTF_8));
			}
			case 6 -> {
				byte[] binary = new byte[this.random.nextInt(4096)];
				this.random.nextBytes(binary);
				return new Body(pick(List.of("application/octet-stream", "text/plain", "application/xml", "image/png",
						"x/y;;;", "text/html; charset=utf-99")), binary);
			}
			case 7 -> {
				return new Body("application/x-www-form-urlencoded; charset=" + pick(List.of("utf-99", "ISO-8859-1",
						"UTF-16", "")), form(fields).getBytes(StandardCharsets.ISO_8859_1));
			}
			default -> {
				return new Body(null, form(fields).getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private byte[] multipart(String boundary, Map<String, String> fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
			String disposition = "Content-Disposition: form-data; name=\"" + field.getKey() + "\"";
			if (this.random.nextBoolean()) {
				disposition += "; filename=\"" + pick(List.of("verslag.pdf", "a\u0000b.pdf", "x".repeat(600) + ".pdf",
						"../../etc/passwd", "", "\u202Efdp.exe", "a\"b.pdf", "setup.exe", "foto.png")) + "\"";
			}
			out.writeBytes((disposition + "\r\n").getBytes(StandardCharsets.UTF_8));
			if (this.random.nextBoolean()) {
				out.writeBytes(("Content-Type: " + pick(List.of("application/pdf", "text/plain", "x", "")) + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			out.writeBytes((this.random.nextInt(4) == 0) ? "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)
					: field.getValue().getBytes(StandardCharsets.UTF_8));
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		if (this.random.nextInt(5) != 0) {
			out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	private String value() {
		return switch (this.random.nextInt(16)) {
			case 0 -> "";
			case 1 -> jwtLike();
			case 2 -> "x".repeat(this.random.nextInt(20_000));
			case 3 -> "\u0000\u0001\u00ff\ud83d\ude00\u202e";
			case 4 -> String.valueOf(this.random.nextLong());
			case 5 -> "99999999999999999999999999";
			case 6 -> "-1";
			case 7 -> "https://evil.example/" + this.random.nextInt();
			case 8 -> "<script>alert(1)</script>";
			case 9 -> "%zz%";
			case 10 -> "null";
			case 11 -> "{\"a\":[1,{\"b\":null}]}";
			case 12 -> "1e308";
			case 13 -> new String(randomBytes(64), StandardCharsets.ISO_8859_1);
			case 14 -> "B1-K1-W1";
			default -> "true";
		};
	}

	private String jwtLike() {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String header = pick(List.of("{\"alg\":\"RS256\",\"kid\":\"" + this.platform.kid() + "\"}",
				"{\"alg\":\"none\"}", "{\"alg\":\"HS256\",\"kid\":1}", "[]", "null", "{", "{\"kid\":[null]}"));
		String payload = pick(List.of("{\"aud\":[null],\"iat\":1e308,\"exp\":\"soon\"}", "{}", "[1,2]", "\"x\"",
				"{\"iss\":" + "{".repeat(500) + "}", "{\"exp\":" + Instant.now().getEpochSecond() + "}"));
		String token = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(randomBytes(256));
		return switch (this.random.nextInt(5)) {
			case 0 -> token.replace('.', '!');
			case 1 -> token + "." + token;
			case 2 -> "...";
			default -> token;
		};
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static String form(Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
			.append(enc(name))
			.append('=')
			.append((value.startsWith("%")) ? value : enc(value)));
		return form.toString();
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private List<Long> counts() {
		String sql = DATA_TABLES.stream()
			.map((table) -> "(SELECT COUNT(*) FROM " + table + ")")
			.reduce((a, b) -> a + ", " + b)
			.map((columns) -> "SELECT " + columns)
			.orElseThrow();
		return this.jdbc.sql(sql).query((rs, row) -> {
			List<Long> counts = new ArrayList<>();
			for (int i = 1; i <= DATA_TABLES.size(); i++) {
				counts.add(rs.getLong(i));
			}
			return counts;
		}).single();
	}

	private static ActivitySetup setup(long dossierId) {
		return new ActivitySetup(dossierId, "B1-K2-W2", "Netwerk- en mediabeheerder", GradeMode.CIJFER,
				Instant.parse("2027-01-14T23:00:00Z"), "Fuzz");
	}

	private static String snippet(String text) {
		String clean = text.replaceAll("\\s+", " ");
		return (clean.length() > 120) ? clean.substring(0, 120) + "…" : clean;
	}

	private static HttpClient client(CookieManager cookies) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10));
		if (cookies != null) {
			builder.cookieHandler(cookies);
		}
		return builder.build();
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Endpoint(String pattern, List<String> methods, List<String> names) {
	}

	record Session(String name, HttpClient client, String lsid, String csrf, String authorization) {
	}

	record Body(String contentType, byte[] bytes) {
	}

	record Fuzzed(HttpRequest.Builder builder, HttpClient client, String describe) {

		HttpRequest build() {
			return this.builder.build();
		}

	}

}
