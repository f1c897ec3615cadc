package nl.werkproces.lti.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform that goes down and comes back, as the scheduled worker meets it: first nothing listens (connection
 * refused), then it answers 503, then it is slower than the read timeout, then it is healthy again. Nothing is
 * lost, the teacher sees each grade waiting with its attempts and next try, and delivery resumes by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.services.read-timeout=1s", "lti.services.connect-timeout=1s", "lti.grades.scheduled=true",
				"lti.grades.poll-interval=200ms", "lti.grades.initial-backoff=200ms", "lti.grades.max-backoff=800ms" })
class PlatformOutageTests {

	private static final int STUDENTS = 5;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	GradeOutbox outbox;

	private final List<PlatformSimulator> simulators = new ArrayList<>();

	@AfterEach
	void stopPlatforms() {
		this.simulators.forEach(PlatformSimulator::close);
	}

	@Test
	void gradesQueuedWhileThePlatformIsDownRefusingFailingAndSlowAllArriveWhenItRecovers() {
		PlatformSimulator first = started(PlatformSimulator.start());
		Platform platform = this.registrations.register(first.settings(), PlatformSource.ADMIN);
		GradeTarget target = GradeTarget.lineItem(platform.id(), first.services().lineItemUrl(2));
		int port = first.port();
		first.close();

		for (int i = 0; i < STUDENTS; i++) {
			this.outbox.enqueue(target, Grade.finished("s" + i, 5.0 + i, 10, "cijfer " + i));
		}
		awaitUpTo(Duration.ofSeconds(20), () -> allWaitingWith(target, 2));
		GradeDeliveryStatus refused = this.outbox.status(target, "s0").orElseThrow();
		assertThat(refused.state()).as("a refused connection is not a failure, it waits").isEqualTo(DeliveryState.WAITING);
		assertThat(refused.nextAttemptAt()).isNotNull();
		assertThat(refused.lastError()).isNotBlank();

		PlatformSimulator back = started(PlatformSimulator.startOn(port));
		SimulatedServices services = back.services()
			.trustToolJwks("http://localhost:" + this.port + "/.well-known/jwks.json")
			.failNext(Endpoint.SCORES, 503, 3)
			.failNext(Endpoint.SCORES, SimulatedServices.TIMEOUT, 2);
		for (int i = 0; i < STUDENTS; i++) {
			services.addMember("s" + i, "Student", "Nummer" + i, "Learner");
		}
		awaitUpTo(Duration.ofSeconds(60), () -> this.outbox.statuses(target).values().stream()
			.allMatch((status) -> status.state() == DeliveryState.DELIVERED));

		Map<String, GradeDeliveryStatus> statuses = this.outbox.statuses(target);
		assertThat(statuses).hasSize(STUDENTS);
		for (int i = 0; i < STUDENTS; i++) {
			assertThat(services.score(2, "s" + i).scoreGiven()).isEqualTo(5.0 + i);
			assertThat(services.score(2, "s" + i).comment()).isEqualTo("cijfer " + i);
		}
		assertThat(statuses.values()).anySatisfy((status) -> assertThat(status.attempts()).isGreaterThan(2));
		assertThat(services.requests(Endpoint.SCORES)).hasSizeGreaterThanOrEqualTo(STUDENTS + 5);
	}

	private PlatformSimulator started(PlatformSimulator simulator) {
		this.simulators.add(simulator);
		return simulator;
	}

	private boolean allWaitingWith(GradeTarget target, int attempts) {
		Map<String, GradeDeliveryStatus> statuses = this.outbox.statuses(target);
		return statuses.size() == STUDENTS && statuses.values().stream()
			.allMatch((status) -> status.state() == DeliveryState.WAITING && status.lastProblem() == DeliveryProblem.UNAVAILABLE
					&& status.attempts() >= attempts);
	}

	private static void awaitUpTo(Duration limit, BooleanSupplier condition) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not reached within " + limit);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
