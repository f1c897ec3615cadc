package nl.werkproces.lti.registration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkproces.lti.WerkprocesLtiApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platforms file at start-up: registers, is idempotent across restarts, updates, and stops on errors. */
class PlatformsFileLoaderTests {

	@TempDir
	Path dir;

	private final String issuer = "https://moodle-" + UUID.randomUUID() + ".example.nl";

	private final String database = "jdbc:h2:mem:platforms-file-" + UUID.randomUUID()
			+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	@AfterEach
	void stop() {
		this.started.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void restartWithSameFileChangesNothingAndChangedFileUpdates() throws IOException {
		Path file = write("platforms.yaml", platformsYaml("Moodle school X", "[\"1\"]"));
		Platform first = registered(start(file));
		assertThat(first.name()).isEqualTo("Moodle school X");
		assertThat(first.deploymentIds()).containsExactly("1");
		assertThat(first.source()).isEqualTo(PlatformSource.FILE);

		Platform again = registered(start(file));
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.updatedAt()).isEqualTo(first.updatedAt());

		write("platforms.yaml", platformsYaml("Moodle school X (nieuw)", "[\"1\", \"7\"]"));
		Platform updated = registered(start(file));
		assertThat(updated.id()).isEqualTo(first.id());
		assertThat(updated.name()).isEqualTo("Moodle school X (nieuw)");
		assertThat(updated.deploymentIds()).containsExactly("1", "7");
	}

	@Test
	void malformedFileStopsStartupNamingFileEntryAndField() throws IOException {
		Path file = write("broken.yaml", platformsYaml("Moodle school X", "[\"1\"]")
			.replace("jwks-uri: " + this.issuer + "/mod/lti/certs.php", "jwks-uri: not a url"));
		assertThatThrownBy(() -> start(file)).isInstanceOf(PlatformsFileException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("entry 1 ('Moodle school X')")
			.hasMessageContaining("field 'jwks-uri'");
	}

	@Test
	void missingFileStopsStartup() {
		Path file = this.dir.resolve("absent.yaml");
		assertThatThrownBy(() -> start(file)).isInstanceOf(PlatformsFileException.class)
			.hasMessageContaining(file.toString());
	}

	private Platform registered(ConfigurableApplicationContext context) {
		return context.getBean(PlatformRepository.class).findByIssuerAndClientId(this.issuer, "QxuOyUGeaFXQZcY").orElseThrow();
	}

	private ConfigurableApplicationContext start(Path file) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--lti.platforms-file=" + file));
		if (!"mysql".equals(System.getProperty("test.database"))) {
			arguments.add("--spring.datasource.url=" + this.database);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WerkprocesLtiApplication.class)
			.run(arguments.toArray(String[]::new));
		this.started.add(context);
		return context;
	}

	private String platformsYaml(String name, String deployments) {
		return """
				platforms:
				  - name: %s
				    issuer: %s
				    client-id: QxuOyUGeaFXQZcY
				    authorization-endpoint: %s/mod/lti/auth.php
				    token-endpoint: %s/mod/lti/token.php
				    jwks-uri: %s/mod/lti/certs.php
				    deployment-ids: %s
				""".formatted(name, this.issuer, this.issuer, this.issuer, this.issuer, deployments);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

}
