package nl.werkproces.lti.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.registration.PlatformsChanged;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SwitchableDataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * During a database outage the probes answer at once (liveness up, readiness down within a second) and pages that
 * need no database are not held up by the Content-Security-Policy's platform list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ MutableClock.Configuration.class, SwitchableDataSource.Configuration.class })
class DatabaseOutageTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	ApplicationEventPublisher events;

	@AfterEach
	void recover() {
		database().recover();
	}

	@Test
	void livenessIsUpAtOnceWhileTheDatabaseHangs() {
		database().hang();
		this.clock.advance(Duration.ofMinutes(1));
		Timed liveness = get("/actuator/health/liveness");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.took()).isLessThan(Duration.ofMillis(500));
	}

	@Test
	void readinessIsDownWithinASecondWhileTheDatabaseHangsAndUpAgainAfterwards() {
		assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
		database().hang();
		for (int i = 0; i < 3; i++) {
			Timed readiness = get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.took()).isLessThan(Duration.ofMillis(1200));
		}
		database().recover();
		assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void readinessIsDownWhenTheDatabaseRefusesConnections() {
		database().fail();
		assertThat(get("/actuator/health/readiness").status()).isEqualTo(503);
	}

	@Test
	void pagesAreNotHeldUpByThePlatformListAndKeepTheLastKnownOne() {
		try (PlatformSimulator moodle = PlatformSimulator.start()) {
			this.registrations.register(moodle.settings(), PlatformSource.ADMIN);
			String known = get("/css/app.css").policy();
			if (!known.startsWith("frame-ancestors 'self';")) {
				// the shared list names the platforms (on the database the whole MariaDB pass shares there are too
				// many for one header, and the list holds the tool alone)
				assertThat(known).contains(moodle.baseUrl());
			}
			database().fail();
			this.events.publishEvent(new PlatformsChanged(0));
			database().recover();
			database().hang();
			this.clock.advance(Duration.ofMinutes(1));
			Timed page = get("/css/app.css");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.took()).isLessThan(Duration.ofMillis(500));
			assertThat(page.policy()).as("the last known list").isEqualTo(known);
		}
	}

	private SwitchableDataSource database() {
		return (SwitchableDataSource) this.dataSource;
	}

	private Timed get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Timed(response.statusCode(), Duration.ofNanos(System.nanoTime() - start),
					response.headers().firstValue("Content-Security-Policy").orElse(""));
		}
		catch (IOException ex) {
			throw new AssertionError(path + " did not answer within 5 s: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	record Timed(int status, Duration took, String policy) {

	}

}
