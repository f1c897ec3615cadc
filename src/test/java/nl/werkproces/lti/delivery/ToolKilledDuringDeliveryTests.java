package nl.werkproces.lti.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedServices;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;
import nl.werkproces.lti.testing.SimulatedServices.RecordedRequest;
import nl.werkproces.lti.testing.ToolProcess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool process is killed (SIGKILL) while it delivers a class's grades and started again on the same database:
 * every grade arrives with its final value, and a grade that was sent again carries the same timestamp (Moodle
 * answers 409 to it, which counts as delivered), so nothing is lost or changed by the crash. Runs on the embedded
 * H2 in a file, or on a scratch MariaDB database beside the test database when the suite runs on MariaDB.
 */
class ToolKilledDuringDeliveryTests {

	private static final int GRADES = 240;

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path directory;

	private PlatformSimulator platform;

	private ToolProcess tool;

	private Runnable dropDatabase = () -> {
	};

	@AfterEach
	void cleanUp() {
		if (this.tool != null) {
			this.tool.close();
		}
		if (this.platform != null) {
			this.platform.close();
		}
		this.dropDatabase.run();
	}

	@Test
	void everyGradeArrivesOnceWithItsValueAfterTheToolWasKilledMidDelivery() throws Exception {
		int port = ToolProcess.freePort();
		this.platform = PlatformSimulator.start();
		SimulatedServices services = this.platform.services()
			.trustToolJwks("http://localhost:" + port + "/.well-known/jwks.json")
			.delay(Endpoint.SCORES, Duration.ofMillis(150));
		for (int i = 0; i < GRADES; i++) {
			services.addMember("k" + i, "Student", "Nummer" + i, "Learner");
		}
		Map<String, String> properties = toolProperties();
		Path log = Path.of("target", "tool-killed-during-delivery.log");
		Files.deleteIfExists(log);

		this.tool = ToolProcess.start(port, properties, log);
		JdbcClient jdbc = jdbc(properties);
		long platformId = jdbc.sql("SELECT id FROM platform WHERE issuer = ?").param(this.platform.issuer())
			.query(Long.class).single();
		GradeOutbox outbox = new GradeOutbox(new GradeOutboxTable(jdbc), Clock.systemUTC(), (event) -> {
		});
		GradeTarget target = GradeTarget.lineItem(platformId, services.lineItemUrl(2));
		for (int i = 0; i < GRADES; i++) {
			outbox.enqueue(target, Grade.finished("k" + i, 1 + (i % 10) * 0.5, 10, "eindcijfer " + i));
		}
		awaitUpTo(Duration.ofSeconds(60), () -> services.requests(Endpoint.SCORES).size() >= 40);
		this.tool.kill();
		int sentBeforeTheCrash = services.requests(Endpoint.SCORES).size();
		assertThat(sentBeforeTheCrash).as("killed in the middle of the class").isLessThan(GRADES);

		this.tool = ToolProcess.start(port, properties, log);
		awaitUpTo(Duration.ofSeconds(120), () -> delivered(jdbc, platformId) == GRADES,
				() -> jdbc.sql("SELECT status, COUNT(*) FROM grade_outbox GROUP BY status").query().listOfRows().toString());

		for (int i = 0; i < GRADES; i++) {
			SimulatedServices.StoredScore score = services.score(2, "k" + i);
			assertThat(score).as("score of k" + i).isNotNull();
			assertThat(score.scoreGiven()).isEqualTo(1 + (i % 10) * 0.5);
			assertThat(score.comment()).isEqualTo("eindcijfer " + i);
		}
		Map<String, Set<String>> timestampsPerStudent = services.requests(Endpoint.SCORES).stream()
			.map(ToolKilledDuringDeliveryTests::score)
			.collect(Collectors.groupingBy((score) -> (String) score.get("userId"),
					Collectors.mapping((score) -> (String) score.get("timestamp"), Collectors.toSet())));
		assertThat(timestampsPerStudent).hasSize(GRADES)
			.allSatisfy((student, timestamps) -> assertThat(timestamps).as(student).hasSize(1));
	}

	private static Map<?, ?> score(RecordedRequest request) {
		return json.readValue(request.body(), Map.class);
	}

	private Map<String, String> toolProperties() throws IOException, SQLException {
		Map<String, String> properties = new LinkedHashMap<>();
		if ("mysql".equals(System.getProperty("test.database"))) {
			String base = System.getenv().getOrDefault("TEST_MYSQL_URL",
					"jdbc:mysql://127.0.0.1:3306/werkproces_test?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
			String user = System.getenv().getOrDefault("TEST_MYSQL_USER", "root");
			String password = System.getenv().getOrDefault("TEST_MYSQL_PASSWORD", "");
			String name = base.replaceFirst("^jdbc:mysql://[^/]+/([^?]+).*$", "$1") + "_killed";
			String server = base.replaceFirst("^(jdbc:mysql://[^/]+/)[^?]+(.*)$", "$1$2");
			try (Connection connection = DriverManager.getConnection(server, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name);
				statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			}
			this.dropDatabase = () -> {
				try (Connection connection = DriverManager.getConnection(server, user, password);
						Statement statement = connection.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS " + name);
				}
				catch (SQLException ex) {
					// left for the next run's DROP
				}
			};
			properties.put("spring.datasource.url", base.replaceFirst("^(jdbc:mysql://[^/]+/)[^?]+", "$1" + name));
			properties.put("spring.datasource.username", user);
			properties.put("spring.datasource.password", password);
		}
		else {
			// as the tool's default file database (WRITE_DELAY=0: a commit survives a killed process), plus
			// AUTO_SERVER so that the test reads the database while the tool holds it
			properties.put("spring.datasource.url", "jdbc:h2:file:" + this.directory.resolve("db")
					+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0;AUTO_SERVER=TRUE");
			properties.put("spring.datasource.username", "sa");
			properties.put("spring.datasource.password", "");
		}
		Path platforms = this.directory.resolve("platforms.yaml");
		Files.writeString(platforms, """
				platforms:
				  - name: Gesimuleerde Moodle
				    issuer: %s
				    client-id: %s
				    authorization-endpoint: %s
				    token-endpoint: %s
				    jwks-uri: %s
				    deployment-ids: ["%s"]
				""".formatted(this.platform.issuer(), PlatformSimulator.CLIENT_ID,
				this.platform.authorizationEndpoint(), this.platform.tokenEndpoint(), this.platform.jwksUri(),
				PlatformSimulator.DEPLOYMENT_ID));
		properties.put("lti.platforms-file", platforms.toString());
		properties.put("lti.demo.enabled", "false");
		properties.put("lti.grades.poll-interval", "200ms");
		properties.put("lti.grades.claim-timeout", "3s");
		properties.put("lti.grades.per-platform-concurrency", "2");
		properties.put("logging.level.nl.werkproces.lti.delivery", "INFO");
		return properties;
	}

	private static JdbcClient jdbc(Map<String, String> properties) throws SQLException {
		String url = properties.get("spring.datasource.url");
		return JdbcClient.create(new SimpleDriverDataSource(DriverManager.getDriver(url), url,
				properties.get("spring.datasource.username"), properties.get("spring.datasource.password")));
	}

	private static long delivered(JdbcClient jdbc, long platformId) {
		return jdbc.sql("SELECT COUNT(*) FROM grade_outbox WHERE platform_id = ? AND status = 'DELIVERED'")
			.param(platformId)
			.query(Long.class)
			.single();
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
