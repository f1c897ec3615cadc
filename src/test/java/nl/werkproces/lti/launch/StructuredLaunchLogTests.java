package nl.werkproces.lti.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;
import nl.werkproces.lti.testing.ToolProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool with structured JSON logs ({@code json-logs} profile: Spring Boot's ECS format), as a process of its own
 * so the log format is set as in production: an accepted and a rejected launch each give one JSON line with event,
 * outcome, platform and reason as fields, and no line carries the id_token, the student's name or e-mail.
 */
class StructuredLaunchLogTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path directory;

	private PlatformSimulator platform;

	private ToolProcess tool;

	@AfterEach
	void stop() {
		if (this.tool != null) {
			this.tool.close();
		}
		if (this.platform != null) {
			this.platform.close();
		}
	}

	@Test
	void launchesAreOneJsonLineEachWithPlatformAndReasonAndNeitherTokenNorNameNorEmail() throws Exception {
		this.platform = PlatformSimulator.start();
		Path platforms = this.directory.resolve("platforms.yaml");
		var settings = this.platform.settings();
		Files.writeString(platforms, """
				platforms:
				  - name: Gesimuleerde Moodle
				    issuer: %s
				    client-id: %s
				    authorization-endpoint: %s
				    token-endpoint: %s
				    jwks-uri: %s
				    deployment-ids: ["%s"]
				""".formatted(settings.issuer(), settings.clientId(), settings.authorizationEndpoint(),
				settings.tokenEndpoint(), settings.jwksUri(), PlatformSimulator.DEPLOYMENT_ID));
		int port = ToolProcess.freePort();
		Path log = Path.of("target", "structured-launch-log.log");
		Files.deleteIfExists(log);
		this.tool = ToolProcess.start(port,
				Map.of("spring.profiles.active", "json-logs", "lti.platforms-file", platforms.toString(),
						"spring.datasource.url",
						"jdbc:h2:mem:json-logs;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
						"lti.demo.enabled", "false"),
				log);

		ToolBrowser browser = new ToolBrowser(this.tool.baseUrl());
		LoginRedirect login = browser.initiateLogin(this.platform);
		String idToken = this.platform.sign(TestLaunches.resourceLink(this.platform, this.tool.baseUrl())
			.claims(login.nonce()));
		assertThat(browser.launch(idToken, login.state()).statusCode()).isEqualTo(303);
		// the same id_token once more: its nonce is spent, so the rejection names the replay
		assertThat(browser.launch(idToken, "onbekende-state").statusCode()).isBetween(400, 499);

		Map<?, ?> accepted = awaitLine(log, "accepted");
		assertThat(accepted.get("message")).asString().startsWith("Launch accepted");
		assertThat(field(accepted, "log.level")).isEqualTo("INFO");
		assertThat(accepted.get("platform")).isEqualTo(this.platform.issuer());
		assertThat(accepted.get("client_id")).isEqualTo(PlatformSimulator.CLIENT_ID);
		assertThat(accepted.get("deployment_id")).isEqualTo(PlatformSimulator.DEPLOYMENT_ID);
		assertThat(accepted.get("message_type")).isEqualTo("LtiResourceLinkRequest");
		Map<?, ?> rejected = awaitLine(log, "rejected");
		assertThat(rejected.get("reason")).isEqualTo("STATE_USED");
		assertThat(field(rejected, "log.level")).isEqualTo("WARN");

		String signature = idToken.substring(idToken.lastIndexOf('.') + 1);
		String payload = idToken.split("\\.")[1];
		for (String line : jsonLines(log)) {
			assertThat(line).doesNotContain(signature)
				.doesNotContain(payload)
				.doesNotContain("Sam Student")
				.doesNotContain("\"Student\"")
				.doesNotContain("student1@example.com");
		}
	}

	/** The JSON line of the launch with this outcome, waiting a little for the tool to write it. */
	private static Map<?, ?> awaitLine(Path log, String outcome) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			for (String line : jsonLines(log)) {
				Map<?, ?> fields = json.readValue(line, Map.class);
				if ("lti.launch".equals(field(fields, "lti.event")) && outcome.equals(fields.get("outcome"))) {
					return fields;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no JSON line of a " + outcome + " launch in " + log);
			}
			Thread.sleep(100);
		}
	}

	/** A field by its dotted name, written nested ({"log":{"level":…}}) or flat ({"log.level":…}). */
	private static Object field(Map<?, ?> fields, String name) {
		if (fields.containsKey(name)) {
			return fields.get(name);
		}
		int dot = name.indexOf('.');
		return (dot > 0 && fields.get(name.substring(0, dot)) instanceof Map<?, ?> nested)
				? field(nested, name.substring(dot + 1)) : null;
	}

	private static List<String> jsonLines(Path log) throws IOException {
		return Files.readAllLines(log).stream().filter((line) -> line.startsWith("{")).toList();
	}

}
