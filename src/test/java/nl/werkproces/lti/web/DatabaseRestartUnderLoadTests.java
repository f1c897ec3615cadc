package nl.werkproces.lti.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.OwnMariaDb;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database crashes (SIGKILL of its own MariaDB server) while a class launches, and comes back: meanwhile every
 * request that needs it answers 503 with Retry-After and the page that says so (never a 500), a launch that failed
 * left no session behind, and once the server is back launches work again without restarting the tool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.connection-timeout=1500", "spring.datasource.hikari.validation-timeout=1000",
				"lti.grades.scheduled=false" })
@DirtiesContext
class DatabaseRestartUnderLoadTests {

	private static final int CLIENTS = 8;

	private static Path directory;

	private static OwnMariaDb mariadb;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
		directory = Files.createTempDirectory("mariadb-restart");
		mariadb = OwnMariaDb.start(directory, "werkproces");
		registry.add("spring.datasource.url", () -> mariadb.jdbcUrl("werkproces"));
		registry.add("spring.datasource.username", () -> "root");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void stopDatabase() {
		if (mariadb != null) {
			mariadb.close();
		}
	}

	@Test
	void launchesDuringADatabaseCrashGet503AndWorkAgainOnceItIsBack() throws Exception {
		try (PlatformSimulator platform = PlatformSimulator.start()) {
			this.registrations.register(platform.settings(), PlatformSource.ADMIN);
			String base = "http://localhost:" + this.port;
			AtomicBoolean stop = new AtomicBoolean();
			AtomicInteger launched = new AtomicInteger();
			Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
			List<String> withoutRetryAfter = new ArrayList<>();
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				running.add(clients.submit(() -> {
					ToolBrowser browser = new ToolBrowser(base);
					while (!stop.get()) {
						HttpResponse<String> failed = launchOnce(browser, platform, base);
						if (failed == null) {
							launched.incrementAndGet();
						}
						else {
							refusals.computeIfAbsent(failed.statusCode(), (s) -> new AtomicInteger()).incrementAndGet();
							if (failed.statusCode() == 503 && failed.headers().firstValue("Retry-After").isEmpty()) {
								withoutRetryAfter.add(failed.body());
							}
						}
					}
					return null;
				}));
			}
			awaitLaunches(launched, 20);
			mariadb.kill();
			HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(base + "/lti/login?iss=" + platform.issuer() + "&login_hint=4&target_link_uri="
						+ base + "/lti/launch&client_id=" + PlatformSimulator.CLIENT_ID))
				.header("Accept", "text/html")
				.header("Accept-Language", "nl")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.body()).contains("De dienst is even niet bereikbaar");
			Thread.sleep(2000);
			int beforeRestart = launched.get();
			mariadb.restart();
			awaitLaunches(launched, beforeRestart + 20);
			stop.set(true);
			for (Future<?> client : running) {
				client.get();
			}
			clients.shutdown();

			assertThat(refusals.keySet()).as("while the database was down: 503 only").containsOnly(503);
			assertThat(withoutRetryAfter).isEmpty();
			long sessions = this.jdbc.sql("SELECT COUNT(*) FROM launch_session").query(Long.class).single();
			// a launch cut off after its commit may still have stored its session; never more than one per client
			assertThat(sessions).isBetween((long) launched.get(), (long) launched.get() + CLIENTS);
		}
	}

	/** One complete launch; null when it worked, else the response that refused it. */
	private HttpResponse<String> launchOnce(ToolBrowser browser, PlatformSimulator platform, String base) {
		HttpResponse<String> login = browser.post("/lti/login", Map.of("iss", platform.issuer(), "target_link_uri",
				base + "/lti/launch", "login_hint", "4", "client_id", PlatformSimulator.CLIENT_ID, "lti_deployment_id",
				PlatformSimulator.DEPLOYMENT_ID));
		if (login.statusCode() != 302) {
			return login;
		}
		ToolBrowser.LoginRedirect redirect = new ToolBrowser.LoginRedirect(login.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> launch = browser.launch(
				platform.sign(TestLaunches.resourceLink(platform, base).claims(redirect.nonce())), redirect.state());
		if (launch.statusCode() != 303) {
			return launch;
		}
		HttpResponse<String> page = browser.getFollowing(launch.headers().firstValue("Location").orElseThrow());
		return (page.statusCode() == 200) ? null : page;
	}

	private static void awaitLaunches(AtomicInteger launched, int atLeast) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (launched.get() < atLeast) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("only " + launched.get() + " launches, waited for " + atLeast);
			}
			Thread.sleep(20);
		}
	}

}
