package nl.werkproces.lti.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The scheduled worker as it runs in production: woken by a queued grade (the poll interval here is an hour),
 * sending to several platforms at once with a limit per platform, so a slow platform delays only itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.services.read-timeout=10s", "lti.grades.scheduled=true", "lti.grades.poll-interval=1h",
				"lti.grades.concurrency=4", "lti.grades.per-platform-concurrency=2" })
class GradeDeliveryDispatchTests {

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
	void queuedGradeIsSentAtOnceWithoutWaitingForThePoll() {
		Target school = platform();
		this.outbox.enqueue(school.target(), Grade.finished("4", 7.5, 10, "meteen"));
		awaitUpTo(Duration.ofSeconds(10), () -> delivered(school, "4"));
		assertThat(school.services().score(2, "4").comment()).isEqualTo("meteen");
	}

	@Test
	void slowPlatformHoldsOnlyItsOwnSlotsAndAnotherSchoolsGradesGoOutMeanwhile() {
		Target slow = platform();
		slow.services().delay(Endpoint.SCORES, Duration.ofSeconds(3));
		Target healthy = platform();
		for (int i = 0; i < 4; i++) {
			slow.services().addMember("slow" + i, "Student", "Traag" + i, "Learner");
			this.outbox.enqueue(slow.target(), Grade.finished("slow" + i, 6, 10, null));
		}
		for (int i = 0; i < 3; i++) {
			healthy.services().addMember("fast" + i, "Student", "Snel" + i, "Learner");
			this.outbox.enqueue(healthy.target(), Grade.finished("fast" + i, 8, 10, null));
		}
		awaitUpTo(Duration.ofSeconds(10),
				() -> delivered(healthy, "fast0") && delivered(healthy, "fast1") && delivered(healthy, "fast2"));
		assertThat(deliveredCount(slow, 4)).as("the slow platform's grades are still on their way").isZero();
		assertThat(slow.services().requests(Endpoint.SCORES)).as("at most two at a time to one platform").hasSizeLessThanOrEqualTo(2);
		awaitUpTo(Duration.ofSeconds(30), () -> deliveredCount(slow, 4) == 4);
	}

	private Target platform() {
		PlatformSimulator simulator = PlatformSimulator.start();
		this.simulators.add(simulator);
		SimulatedServices services = simulator.services()
			.trustToolJwks("http://localhost:" + this.port + "/.well-known/jwks.json");
		Platform platform = this.registrations.register(simulator.settings(), PlatformSource.ADMIN);
		return new Target(services, GradeTarget.lineItem(platform.id(), services.lineItemUrl(2)));
	}

	private boolean delivered(Target school, String sub) {
		return this.outbox.status(school.target(), sub).map((status) -> status.state() == DeliveryState.DELIVERED)
			.orElse(false);
	}

	private int deliveredCount(Target school, int students) {
		int count = 0;
		for (int i = 0; i < students; i++) {
			count += delivered(school, "slow" + i) ? 1 : 0;
		}
		return count;
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

	record Target(SimulatedServices services, GradeTarget target) {

	}

}
