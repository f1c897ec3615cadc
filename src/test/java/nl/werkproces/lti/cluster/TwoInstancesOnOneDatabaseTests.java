package nl.werkproces.lti.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.ags.LineItem;
import nl.werkproces.lti.delivery.Grade;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.delivery.TestOutbox;
import nl.werkproces.lti.delivery.GradeTarget;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.OwnMariaDb;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedServices;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolProcess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the tool (processes of their own, "a" and "b") on one MariaDB database, as two replicas behind
 * a load balancer: started at the same moment against an empty database, they share logins, launch sessions,
 * grade deliveries and keys through the database only. The pair is started once for the class; the last test
 * stops one of them (SIGTERM). Needs MariaDB's server binaries ({@link OwnMariaDb}: skipped without them, a
 * failure when {@code CI_REQUIRE_MARIADB=true}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesOnOneDatabaseTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);

	private static OwnMariaDb mariadb;

	private static PlatformSimulator platform;

	private static ToolProcess a;

	private static ToolProcess b;

	private static JdbcClient jdbc;

	private static long platformId;

	@BeforeAll
	static void startBothInstancesAtOnceOnAnEmptyDatabase() throws Exception {
		Path directory = Files.createTempDirectory("two-instances");
		mariadb = OwnMariaDb.start(directory, "werkproces");
		int portA = ToolProcess.freePort();
		int portB = ToolProcess.freePort();
		platform = PlatformSimulator.start();
		platform.services().trustToolJwks("http://localhost:" + portA + "/.well-known/jwks.json");
		Path platforms = directory.resolve("platforms.yaml");
		Files.writeString(platforms, """
				platforms:
				  - name: Gesimuleerde Moodle
				    issuer: %s
				    client-id: %s
				    authorization-endpoint: %s
				    token-endpoint: %s
				    jwks-uri: %s
				    deployment-ids: ["%s"]
				""".formatted(platform.issuer(), PlatformSimulator.CLIENT_ID, platform.authorizationEndpoint(),
				platform.tokenEndpoint(), platform.jwksUri(), PlatformSimulator.DEPLOYMENT_ID));
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", mariadb.jdbcUrl("werkproces"));
		properties.put("spring.datasource.username", "root");
		properties.put("spring.datasource.password", "");
		// one public address for both, as behind a load balancer (launches name it in target_link_uri)
		properties.put("lti.base-url", "http://localhost:" + portA);
		properties.put("lti.platforms-file", platforms.toString());
		properties.put("lti.demo.enabled", "false");
		properties.put("lti.admin.username", AdminBrowser.USER);
		properties.put("lti.admin.password", AdminBrowser.PASSWORD);
		properties.put("lti.grades.poll-interval", "200ms");
		properties.put("lti.grades.claim-timeout", CLAIM_TIMEOUT.toSeconds() + "s");
		properties.put("lti.grades.per-platform-concurrency", "2");
		properties.put("lti.grades.shutdown-grace", "3s");
		properties.put("logging.level.nl.werkproces.lti.delivery", "INFO");
		Path logA = Path.of("target", "two-instances-a.log");
		Path logB = Path.of("target", "two-instances-b.log");
		Files.deleteIfExists(logA);
		Files.deleteIfExists(logB);
		CompletableFuture<ToolProcess> startingA = CompletableFuture
			.supplyAsync(() -> ToolProcess.start(portA, with(properties, "lti.grades.worker-name", "a"), logA));
		CompletableFuture<ToolProcess> startingB = CompletableFuture
			.supplyAsync(() -> ToolProcess.start(portB, with(properties, "lti.grades.worker-name", "b"), logB));
		try {
			a = startingA.join();
		}
		finally {
			b = startingB.join();
		}
		String url = mariadb.jdbcUrl("werkproces");
		jdbc = JdbcClient.create(new SimpleDriverDataSource(DriverManager.getDriver(url), url, "root", ""));
		platformId = jdbc.sql("SELECT id FROM platform WHERE issuer = ?").param(platform.issuer()).query(Long.class)
			.single();
	}

	@AfterAll
	static void stopAll() {
		for (AutoCloseable resource : new AutoCloseable[] { a, b, platform, mariadb }) {
			try {
				if (resource != null) {
					resource.close();
				}
			}
			catch (Exception ex) {
				// the next one still closes
			}
		}
	}

	@Test
	@Order(1)
	void bothInstancesStartedAtOnceMigrateTheEmptyDatabaseOnceAndCreateOneKeyAdminAndPlatform() throws SQLException {
		assertThat(a.isAlive()).isTrue();
		assertThat(b.isAlive()).isTrue();
		List<Map<String, Object>> migrations = jdbc
			.sql("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")
			.query()
			.listOfRows();
		assertThat(migrations).isNotEmpty().allSatisfy((row) -> assertThat(row.get("success")).isIn(true, 1, (byte) 1));
		assertThat(migrations.stream().map((row) -> row.get("version")).distinct().count()).isEqualTo(migrations.size());
		assertThat(count("SELECT COUNT(*) FROM tool_key WHERE status = 'ACTIVE'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM tool_key")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM platform")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM admin_user")).isEqualTo(1);
		assertThat(jwks(a)).isEqualTo(jwks(b));
	}

	@Test
	@Order(2)
	void aLoginInitiatedOnOneInstanceIsFinishedOnTheOther() {
		ToolBrowser onA = new ToolBrowser(a.baseUrl());
		ToolBrowser.LoginRedirect redirect = onA.initiateLogin(platform);
		ToolBrowser onB = onA.at(b.baseUrl());
		HttpResponse<String> launch = onB
			.launch(platform.sign(TestLaunches.resourceLink(platform, a.baseUrl()).claims(redirect.nonce())), redirect.state());
		assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
		HttpResponse<String> page = followOnB(onB, launch.headers().firstValue("Location").orElseThrow());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPort()).isEqualTo(URI.create(b.baseUrl()).getPort());
	}

	@Test
	@Order(3)
	void aLaunchSessionMadeOnOneInstanceIsUsedOnTheOther() {
		ToolBrowser onA = new ToolBrowser(a.baseUrl());
		ToolBrowser.LoginRedirect redirect = onA.initiateLogin(platform);
		HttpResponse<String> launch = onA
			.launch(platform.sign(TestLaunches.resourceLink(platform, a.baseUrl()).claims(redirect.nonce())), redirect.state());
		assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
		String location = launch.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> onOwnInstance = onA.getFollowing(location);
		assertThat(onOwnInstance.statusCode()).isEqualTo(200);

		// the same browser, the next request sent to the other replica (with the session's cookie, or its id in
		// the URL where cookies do not work): the same page, for the same student
		ToolBrowser onB = onA.at(b.baseUrl());
		HttpResponse<String> onOther = followOnB(onB, onOwnInstance.uri().toString());
		assertThat(onOther.statusCode()).isEqualTo(200);
		assertThat(onOther.uri().getPort()).isEqualTo(URI.create(b.baseUrl()).getPort());
		assertThat(withoutTokens(onOther.body())).isEqualTo(withoutTokens(onOwnInstance.body()));
	}

	@Test
	@Order(4)
	void gradesQueuedOnceAreDeliveredExactlyOnceByTheWorkersOfBothInstancesAndTheirColumnCreatedOnce() throws IOException {
		SimulatedServices services = platform.services().delay(Endpoint.SCORES, Duration.ofMillis(150));
		for (int i = 0; i < 40; i++) {
			services.addMember("g" + i, "Student", "Nummer" + i, "Learner");
		}
		GradeOutbox outbox = TestOutbox.on(jdbc);
		GradeTarget existing = GradeTarget.lineItem(platformId, services.lineItemUrl(2));
		GradeTarget newColumn = GradeTarget.findOrCreate(platformId, services.lineItemsUrl(),
				LineItem.of("Werkproces B1-K1-W2", 10, "werkproces-b1-k1-w2", "werkproces"));
		for (int i = 0; i < 40; i++) {
			outbox.enqueue((i % 2 == 0) ? existing : newColumn, Grade.finished("g" + i, 1 + (i % 10) * 0.5, 10, "cijfer " + i));
		}
		awaitUpTo(Duration.ofSeconds(60), () -> count("SELECT COUNT(*) FROM grade_outbox WHERE user_sub LIKE 'g%'"
				+ " AND status = 'DELIVERED'") == 40);

		Map<String, Long> postsPerStudent = services.requests(Endpoint.SCORES)
			.stream()
			.map((request) -> (String) json.readValue(request.body(), Map.class).get("userId"))
			.filter((user) -> user.startsWith("g"))
			.collect(Collectors.groupingBy((user) -> user, Collectors.counting()));
		assertThat(postsPerStudent).hasSize(40).allSatisfy((user, posts) -> assertThat(posts).as(user).isEqualTo(1));
		assertThat(services.lineItems().stream().filter((item) -> "werkproces-b1-k1-w2".equals(item.get("resourceId"))))
			.hasSize(1);
		assertThat(Files.readString(a.log())).as("instance a delivered some").contains("delivered to platform");
		assertThat(Files.readString(b.log())).as("instance b delivered some").contains("delivered to platform");
		services.delay(Endpoint.SCORES, Duration.ZERO);
	}

	@Test
	@Order(5)
	void anAdminSignedInOnOneInstanceIsSignedInOnTheOtherAndItsFormsWorkThere() {
		AdminBrowser onA = AdminBrowser.signIn(a.baseUrl());
		AdminBrowser onB = onA.at(b.baseUrl());
		HttpResponse<String> keys = onB.get("/admin/keys");
		assertThat(keys.statusCode()).isEqualTo(200);
		assertThat(keys.body()).contains("/admin/keys/next");
		HttpResponse<String> signedOut = onB.submit("/admin/keys", "/admin/logout", Map.of());
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(onA.get("/admin/keys").statusCode()).as("signed out on every instance").isEqualTo(302);
	}

	@Test
	@Order(6)
	void aKeyPublishedAndActivatedOnOneInstanceIsInTheOthersJwksAtOnce() {
		AdminBrowser admin = AdminBrowser.signIn(a.baseUrl());
		HttpResponse<String> published = admin.submit("/admin/keys", "/admin/keys/next", Map.of());
		assertThat(published.statusCode()).isEqualTo(302);
		String next = jdbc.sql("SELECT kid FROM tool_key WHERE status = 'NEXT'").query(String.class).single();
		awaitUpTo(Duration.ofSeconds(3), () -> jwks(b).contains(next));

		HttpResponse<String> activated = admin.submit("/admin/keys", "/admin/keys/activate", Map.of());
		assertThat(activated.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT status FROM tool_key WHERE kid = ?").param(next).query(String.class).single())
			.isEqualTo("ACTIVE");
		awaitUpTo(Duration.ofSeconds(3), () -> jwks(b).equals(jwks(a)));
		assertThat(jwks(b)).contains(next);
	}

	/**
	 * Runs last: stops one instance. The grades wait for a column that the platform is slow to list; the instance
	 * that claimed it gets SIGTERM and gives its claims back, and the other sends every grade once, long before the
	 * claims would have run out.
	 */
	/** Locks the bootstrap admin at one address: after every other test that signs in. */
	@Test
	@Order(7)
	void failedAdminSignInsOnBothInstancesCountTogether() {
		String address = "203.0.113.50";
		for (int i = 0; i < 5; i++) {
			assertThat(formSignIn((i % 2 == 0) ? a : b, AdminBrowser.PASSWORD + "-fout-" + i, address))
				.endsWith("/admin/login?error");
		}
		assertThat(formSignIn(b, AdminBrowser.PASSWORD, address)).as("the right password, locked after 3 + 2 failures")
			.endsWith("/admin/login?locked");
	}

	@Test
	@Order(8)
	void theClaimsOfAnInstanceThatIsStoppedAreTakenOverAtOnceAndEachGradeDeliveredOnce() throws IOException {
		SimulatedServices services = platform.services().delay(Endpoint.LINE_ITEMS, Duration.ofSeconds(60));
		for (int i = 0; i < 6; i++) {
			services.addMember("s" + i, "Student", "Stop" + i, "Learner");
		}
		GradeOutbox outbox = TestOutbox.on(jdbc);
		GradeTarget column = GradeTarget.findOrCreate(platformId, services.lineItemsUrl(),
				LineItem.of("Werkproces B1-K2-W1", 10, "werkproces-b1-k2-w1", "werkproces"));
		for (int i = 0; i < 6; i++) {
			outbox.enqueue(column, Grade.finished("s" + i, 7, 10, "stop " + i));
		}
		awaitUpTo(Duration.ofSeconds(20),
				() -> count("SELECT COUNT(*) FROM line_item_resolution WHERE line_item_url IS NULL AND claimed_by IS NOT NULL") == 1
						&& count("SELECT COUNT(*) FROM grade_outbox WHERE user_sub LIKE 's%' AND claimed_by IS NOT NULL") > 0);
		String holder = jdbc.sql("SELECT claimed_by FROM line_item_resolution WHERE line_item_url IS NULL")
			.query(String.class)
			.single();
		ToolProcess stopped = holder.startsWith("a-") ? a : b;
		ToolProcess remaining = (stopped == a) ? b : a;
		services.delay(Endpoint.LINE_ITEMS, Duration.ZERO);

		long start = System.nanoTime();
		stopped.terminate();
		awaitUpTo(Duration.ofSeconds(30),
				() -> count("SELECT COUNT(*) FROM grade_outbox WHERE user_sub LIKE 's%' AND status = 'DELIVERED'") == 6,
				() -> jdbc.sql("SELECT user_sub, status, claimed_by, claimed_until FROM grade_outbox WHERE user_sub LIKE 's%'")
					.query()
					.listOfRows()
					.toString());
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(took).as("delivered by the other instance well before the claim timeout").isLessThan(CLAIM_TIMEOUT.dividedBy(4));
		assertThat(stopped.awaitExit(Duration.ofSeconds(30))).as("the stopped instance ended").isTrue();
		assertThat(remaining.isAlive()).isTrue();
		Map<String, Long> postsPerStudent = services.requests(Endpoint.SCORES)
			.stream()
			.map((request) -> (String) json.readValue(request.body(), Map.class).get("userId"))
			.filter((user) -> user.startsWith("s"))
			.collect(Collectors.groupingBy((user) -> user, Collectors.counting()));
		assertThat(postsPerStudent).hasSize(6).allSatisfy((user, posts) -> assertThat(posts).as(user).isEqualTo(1));
		assertThat(services.lineItems().stream().filter((item) -> "werkproces-b1-k2-w1".equals(item.get("resourceId"))))
			.hasSize(1);
		// each claim is given back either by the delivery that stops (before its score) or, for what is left, at the end
		assertThat(Files.readString(stopped.log())).containsAnyOf("DELIVERY_CLAIMS_RELEASED",
				"given back to the outbox: this replica stops");
	}

	/** One sign-in through the form of the instance, from the address (as the trusted proxy forwards it). */
	private static String formSignIn(ToolProcess tool, String password, String address) {
		ToolBrowser browser = new ToolBrowser(tool.baseUrl()).header("X-Forwarded-For", address);
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(browser.get("/admin/login").body());
		assertThat(csrf.find()).isTrue();
		return browser
			.post("/admin/login", Map.of("username", AdminBrowser.USER, "password", password, "_csrf", csrf.group(1)))
			.headers()
			.firstValue("Location")
			.orElseThrow();
	}

	private static Map<String, String> with(Map<String, String> properties, String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(properties);
		copy.put(name, value);
		return copy;
	}

	/** GET that follows redirects as a browser would, every request sent to instance b (the load balancer's choice). */
	private static HttpResponse<String> followOnB(ToolBrowser onB, String url) {
		HttpResponse<String> response = onB.get(onB(url));
		for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
			String location = response.headers().firstValue("Location").orElseThrow();
			response = onB.get(onB(response.uri().resolve(location).toString()));
		}
		return response;
	}

	/** The same URL on instance b. */
	private static String onB(String url) {
		URI uri = URI.create(url);
		if (!uri.isAbsolute()) {
			return url;
		}
		return b.baseUrl() + uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	/** A page without what differs per response (CSRF tokens, the instance's own address). */
	private static String withoutTokens(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[A-Za-z0-9_-]{20,}\"", "")
			.replace(a.baseUrl(), "").replace(b.baseUrl(), "");
	}

	private static String jwks(ToolProcess tool) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(tool.baseUrl() + "/.well-known/jwks.json")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static void awaitUpTo(Duration limit, BooleanSupplier condition) {
		awaitUpTo(limit, condition, () -> "");
	}

	private static void awaitUpTo(Duration limit, BooleanSupplier condition, java.util.function.Supplier<String> state) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not reached within " + limit + " " + state.get());
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
