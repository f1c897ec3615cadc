package nl.werkproces.lti.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.WerkprocesLtiApplication;
import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool first run with the demo on and then restarted with {@code lti.demo.enabled=false} (on the same database)
 * no longer trusts the demo platform: its registration is disabled and its origin is gone from the
 * Content-Security-Policy. Switching the demo on again enables it again.
 */
class DemoSwitchedOffTests {

	private final String database = "jdbc:h2:mem:demo-switch-" + UUID.randomUUID()
			+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

	@Test
	void demoSwitchedOffDisablesItsRegistrationAndDropsItFromThePolicy() throws Exception {
		String demoIssuer;
		try (ConfigurableApplicationContext withDemo = start(true)) {
			demoIssuer = demoPlatforms(withDemo).get(0).issuer();
			assertThat(demoPlatforms(withDemo)).allMatch(Platform::enabled);
			assertThat(policy(withDemo)).contains(origin(demoIssuer));
		}
		try (ConfigurableApplicationContext withoutDemo = start(false)) {
			assertThat(demoPlatforms(withoutDemo)).isNotEmpty().noneMatch(Platform::enabled);
			assertThat(policy(withoutDemo)).doesNotContain(origin(demoIssuer));
			assertThat(withoutDemo.getBean(AuditLog.class).recent(10)).anySatisfy((event) -> {
				assertThat(event.actor()).isEqualTo("system");
				assertThat(event.action()).isEqualTo("platform.disable");
				assertThat(event.target()).contains(demoIssuer);
			});
		}
	}

	@Test
	void demoSwitchedOnAgainEnablesItsRegistration() {
		try (ConfigurableApplicationContext withDemo = start(true)) {
			PlatformRegistrations registrations = withDemo.getBean(PlatformRegistrations.class);
			Platform demo = demoPlatforms(withDemo).get(0);
			registrations.setEnabled(demo.id(), false);
			withDemo.getBean(DemoPlatformHolder.class).platform().register(registrations);
			assertThat(registrations.findById(demo.id()).orElseThrow().enabled()).isTrue();
		}
	}

	private ConfigurableApplicationContext start(boolean demo) {
		return new SpringApplicationBuilder(WerkprocesLtiApplication.class).run("--server.port=0",
				"--lti.demo.enabled=" + demo, "--spring.datasource.url=" + this.database, "--spring.datasource.username=sa",
				"--spring.datasource.password=");
	}

	private static List<Platform> demoPlatforms(ConfigurableApplicationContext context) {
		return context.getBean(PlatformRegistrations.class)
			.findAll()
			.stream()
			.filter((platform) -> platform.source() == PlatformSource.DEMO)
			.toList();
	}

	private static String policy(ConfigurableApplicationContext context) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/catalog")).build(),
					HttpResponse.BodyHandlers.ofString());
		return response.headers().firstValue("Content-Security-Policy").orElseThrow();
	}

	private static String origin(String issuer) {
		URI uri = URI.create(issuer);
		return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
	}

}
