package nl.werkproces.lti.delivery;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedServices;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grade deliveries per second with the default delivery settings to a local platform (the simulator speaks
 * Moodle's token endpoint and AGS over real HTTP): healthy, answering every score in 200 ms, and failing every
 * second score with 503. Not part of the suite; run with
 * {@code ./mvnw test -Dgroups=benchmark -Dtest.excludedGroups= -Dtest=GradeDeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and record the figures in BENCHMARKS.md. The failing case uses a 100 ms initial backoff so that it ends.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.nl.werkproces.lti=WARN", "lti.grades.initial-backoff=100ms",
				"lti.grades.max-backoff=200ms" })
class GradeDeliveryBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	GradeOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void deliveries() throws Exception {
		run("healthy", 3000, (services) -> {
		});
		run("answers in 200 ms", 400, (services) -> services.delay(Endpoint.SCORES, Duration.ofMillis(200)));
		run("fails every second score (503)", 1000, (services) -> services.failEverySecond(Endpoint.SCORES, 503));
	}

	private void run(String label, int grades, java.util.function.Consumer<SimulatedServices> behaviour)
			throws InterruptedException {
		try (PlatformSimulator simulator = PlatformSimulator.start()) {
			SimulatedServices services = simulator.services()
				.trustToolJwks("http://localhost:" + this.port + "/.well-known/jwks.json");
			behaviour.accept(services);
			Platform platform = this.registrations.register(simulator.settings(), PlatformSource.ADMIN);
			GradeTarget target = GradeTarget.lineItem(platform.id(), services.lineItemUrl(2));
			for (int i = 0; i < grades; i++) {
				services.addMember("b" + i, "Student", "Nummer" + i, "Learner");
			}
			long begin = System.nanoTime();
			// queued in one transaction: the worker is woken when it commits, so what follows is delivery only
			this.transaction.executeWithoutResult((status) -> {
				for (int i = 0; i < grades; i++) {
					this.outbox.enqueue(target, Grade.finished("b" + i, 6, 10, null));
				}
			});
			long start = System.nanoTime();
			while (delivered(platform.id()) < grades) {
				Thread.sleep(5);
				if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
					throw new IllegalStateException(label + ": only " + delivered(platform.id()) + " delivered");
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf(Locale.ROOT,
					"grade delivery, %s: %d grades delivered in %.2f s (queueing before took %.2f s) = %.0f deliveries/s, %d score requests, %d token requests%n",
					label, grades, seconds, (start - begin) / 1e9, grades / seconds,
					services.requests(Endpoint.SCORES).size(), services.requests(Endpoint.TOKEN).size());
		}
	}

	private long delivered(long platformId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM grade_outbox WHERE platform_id = ? AND status = 'DELIVERED'")
			.param(platformId)
			.query(Long.class)
			.single();
	}

}
