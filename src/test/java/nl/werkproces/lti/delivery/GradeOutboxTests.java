package nl.werkproces.lti.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.ags.AgsClient;
import nl.werkproces.lti.ags.LineItem;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedServices;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;
import nl.werkproces.lti.testing.SimulatedServices.RecordedRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The grade outbox and its worker against a simulated Moodle: reliable, exactly-once, restart-proof delivery. */
@PlatformServicesTest
class GradeOutboxTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	GradeOutbox outbox;

	@Autowired
	GradeDeliveryWorker worker;

	@Autowired
	GradeOutboxTable table;

	@Autowired
	AgsClient ags;

	@Autowired
	LineItemResolutions resolutions;

	@Autowired
	GradeDeliveryProperties properties;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	PlatformSimulator simulator;

	SimulatedServices services;

	Platform platform;

	GradeTarget target;

	@BeforeEach
	void registerPlatform() {
		this.jdbc.sql("DELETE FROM grade_outbox").update();
		this.jdbc.sql("DELETE FROM line_item_resolution").update();
		this.simulator = PlatformSimulator.start();
		this.services = this.simulator.services().trustToolJwks("http://localhost:" + this.port + "/.well-known/jwks.json");
		this.platform = this.registrations.register(this.simulator.settings(), PlatformSource.ADMIN);
		this.target = GradeTarget.lineItem(this.platform.id(), this.services.lineItemUrl(2));
	}

	@AfterEach
	void stopPlatform() {
		this.simulator.close();
	}

	@Test
	void gradesOfOneStudentGetStrictlyIncreasingSecondsEvenWithinOneSecond() {
		long first = this.outbox.enqueue(this.target, Grade.finished("4", 6.0, 10, "eerste"));
		this.clock.advance(Duration.ofMillis(300));
		long second = this.outbox.enqueue(this.target, Grade.finished("4", 7.0, 10, "tweede"));
		long third = this.outbox.enqueue(this.target, Grade.finished("4", 8.0, 10, "derde"));
		long otherStudent = this.outbox.enqueue(this.target, Grade.finished("5", 5.0, 10, null));
		assertThat(second(first) + 1).isEqualTo(second(second));
		assertThat(second(second) + 1).isEqualTo(second(third));
		assertThat(second(otherStudent)).isEqualTo(this.clock.instant().getEpochSecond());
	}

	@Test
	void newerGradeSupersedesTheWaitingOlderOneAndOnlyTheNewerIsSent() {
		long older = this.outbox.enqueue(this.target, Grade.finished("4", 5.0, 10, "oud"));
		long newer = this.outbox.enqueue(this.target, Grade.finished("4", 8.0, 10, "nieuw"));
		assertThat(this.worker.deliverDue()).isEqualTo(1);
		assertThat(this.table.find(older).orElseThrow().state()).isEqualTo(DeliveryState.SUPERSEDED);
		GradeDeliveryStatus status = this.outbox.status(this.target, "4").orElseThrow();
		assertThat(status.id()).isEqualTo(newer);
		assertThat(status.state()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(status.deliveredAt()).isEqualTo(this.clock.instant());
		assertThat(this.services.requests(Endpoint.SCORES)).hasSize(1);
		assertThat(this.services.score(2, "4").comment()).isEqualTo("nieuw");
	}

	@Test
	void severalWorkersDeliverEveryGradeExactlyOnce() throws Exception {
		List<String> students = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String sub = "s" + i;
			students.add(sub);
			this.services.addMember(sub, "Student", "Nummer" + i, "Learner");
			this.outbox.enqueue(this.target, Grade.finished(sub, i % 10 + 1, 10, null));
		}
		List<GradeDeliveryWorker> replicas = List.of(this.worker, newWorker(), newWorker(), newWorker());
		ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> rounds = new ArrayList<>();
			for (GradeDeliveryWorker replica : replicas) {
				rounds.add(pool.submit((Callable<Integer>) () -> {
					start.await();
					return replica.deliverDue();
				}));
			}
			start.countDown();
			int handled = 0;
			for (Future<Integer> round : rounds) {
				handled += round.get();
			}
			assertThat(handled).isEqualTo(12);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.services.requests(Endpoint.SCORES)).hasSize(12);
		assertThat(this.outbox.statuses(this.target)).hasSize(12)
			.allSatisfy((sub, status) -> assertThat(status.state()).isEqualTo(DeliveryState.DELIVERED));
		assertThat(students).allSatisfy((sub) -> assertThat(this.services.score(2, sub)).isNotNull());
	}

	@Test
	void serverErrorWaitsWithBackoffAndIsDeliveredWhenThePlatformRecovers() {
		this.services.failNext(Endpoint.SCORES, 500, 2);
		long id = this.outbox.enqueue(this.target, Grade.finished("4", 6.0, 10, null));
		Instant firstAttempt = this.clock.instant();
		this.worker.deliverDue();
		GradeDeliveryStatus waiting = this.outbox.status(this.target, "4").orElseThrow();
		assertThat(waiting.state()).isEqualTo(DeliveryState.WAITING);
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.lastError()).contains("HTTP 500");
		// MariaDB's DATETIME keeps whole seconds: the stored time may lie up to a second before the computed one
		assertThat(waiting.nextAttemptAt()).isBetween(firstAttempt.plusSeconds(15).truncatedTo(ChronoUnit.SECONDS),
				firstAttempt.plusSeconds(30));
		assertThat(this.worker.deliverDue()).as("not due before the backoff").isZero();

		this.clock.set(waiting.nextAttemptAt());
		Instant secondAttempt = this.clock.instant();
		this.worker.deliverDue();
		GradeDeliveryStatus again = this.outbox.status(this.target, "4").orElseThrow();
		assertThat(again.attempts()).isEqualTo(2);
		assertThat(again.nextAttemptAt()).isBetween(secondAttempt.plusSeconds(30).truncatedTo(ChronoUnit.SECONDS),
				secondAttempt.plusSeconds(60));

		this.clock.set(again.nextAttemptAt());
		assertThat(this.worker.deliverDue()).isEqualTo(1);
		GradeDeliveryStatus delivered = this.outbox.status(this.target, "4").orElseThrow();
		assertThat(delivered.id()).isEqualTo(id);
		assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(delivered.lastError()).isNull();
		assertThat(this.services.score(2, "4").scoreGiven()).isEqualTo(6.0);
	}

	@Test
	void timeoutIsRetriedLater() {
		this.services.failNext(Endpoint.SCORES, SimulatedServices.TIMEOUT, 1);
		this.outbox.enqueue(this.target, Grade.finished("4", 6.0, 10, null));
		this.worker.deliverDue();
		GradeDeliveryStatus waiting = this.outbox.status(this.target, "4").orElseThrow();
		assertThat(waiting.state()).isEqualTo(DeliveryState.WAITING);
		assertThat(waiting.lastError()).isEqualTo("the platform did not answer: no answer in time");
		this.clock.set(waiting.nextAttemptAt());
		this.worker.deliverDue();
		assertThat(this.outbox.status(this.target, "4").orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void waitingGradeSurvivesARestartAndAnotherWorkerDeliversIt() {
		this.services.failNext(Endpoint.SCORES, 503, 1);
		this.outbox.enqueue(this.target, Grade.finished("4", 9.0, 10, "na herstart"));
		this.worker.deliverDue();
		GradeDeliveryWorker afterRestart = newWorker();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(afterRestart.deliverDue()).isEqualTo(1);
		assertThat(this.outbox.status(this.target, "4").orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(this.services.score(2, "4").comment()).isEqualTo("na herstart");
	}

	@Test
	void gradeClaimedByACrashedWorkerIsTakenOverAfterTheClaimTimeout() {
		long id = this.outbox.enqueue(this.target, Grade.finished("4", 9.0, 10, null));
		Instant now = this.clock.instant();
		assertThat(this.table.claim(id, "crashed-worker", now, now.plus(this.properties.claimTimeout()))).isTrue();
		assertThat(this.worker.deliverDue()).isZero();
		this.clock.advance(this.properties.claimTimeout().plusSeconds(1));
		assertThat(this.worker.deliverDue()).isEqualTo(1);
		assertThat(this.services.requests(Endpoint.SCORES)).hasSize(1);
	}

	@Test
	void conflictMeansThePlatformHasANewerScoreSoTheGradeCountsAsDelivered() {
		this.services.failNext(Endpoint.SCORES, 409, 1);
		this.outbox.enqueue(this.target, Grade.finished("4", 6.0, 10, null));
		this.worker.deliverDue();
		assertThat(this.outbox.status(this.target, "4").orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void refusedGradeFailsWithThePlatformsAnswerAndCanBeRetried() {
		long id = this.outbox.enqueue(this.target, Grade.finished("7", 6.0, 10, null));
		this.worker.deliverDue();
		GradeDeliveryStatus failed = this.outbox.status(this.target, "7").orElseThrow();
		assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(failed.lastError()).isEqualTo("the platform refused the grade (HTTP 400): Incorrect score received");
		assertThat(failed.lastProblem()).isEqualTo(DeliveryProblem.GRADE_REFUSED);
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.worker.deliverDue()).as("failed grades are not retried on their own").isZero();

		this.services.addMember("7", "Nieuwe", "Student", "Learner");
		assertThat(this.outbox.retryNow(id)).isTrue();
		this.worker.deliverDue();
		assertThat(this.outbox.status(this.target, "7").orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void lineItemIsFoundOrCreatedOnceForGradesOfSeveralStudents() {
		GradeTarget byResource = GradeTarget.findOrCreate(this.platform.id(), this.services.lineItemsUrl(),
				LineItem.of("Netwerk beheren", 10, "B1-K2-W2", "werkproces"));
		this.outbox.enqueue(byResource, Grade.finished("4", 6.0, 10, null));
		this.outbox.enqueue(byResource, Grade.finished("5", 7.0, 10, null));
		assertThat(this.worker.deliverDue()).isEqualTo(2);
		List<RecordedRequest> creations = this.services.requests(Endpoint.LINE_ITEMS).stream()
			.filter((request) -> request.method().equals("POST"))
			.toList();
		assertThat(creations).hasSize(1);
		assertThat(this.services.score(3, "4").scoreGiven()).isEqualTo(6.0);
		assertThat(this.services.score(3, "5").scoreGiven()).isEqualTo(7.0);
		assertThat(this.outbox.statuses(byResource).keySet()).containsExactly("4", "5");
	}

	@Test
	void lineItemIsCreatedOnceWhenTwoReplicasSendItsFirstGradesAtTheSameTime() throws Exception {
		GradeTarget byResource = GradeTarget.findOrCreate(this.platform.id(), this.services.lineItemsUrl(),
				LineItem.of("Netwerk beheren", 10, "B1-K2-W2", "werkproces"));
		for (int i = 0; i < 10; i++) {
			this.services.addMember("r" + i, "Student", "Nummer" + i, "Learner");
			this.outbox.enqueue(byResource, Grade.finished("r" + i, 6.0, 10, null));
		}
		List<GradeDeliveryWorker> replicas = List.of(newWorker(), newWorker());
		ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
		try {
			for (int round = 0; round < 5 && this.outbox.statuses(byResource).values().stream()
				.anyMatch((status) -> status.state() != DeliveryState.DELIVERED); round++) {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> rounds = new ArrayList<>();
				for (GradeDeliveryWorker replica : replicas) {
					rounds.add(pool.submit((Callable<Integer>) () -> {
						start.await();
						return replica.deliverDue();
					}));
				}
				start.countDown();
				for (Future<Integer> result : rounds) {
					result.get();
				}
				// a grade that waited for the other replica's line item is due again a little later
				this.clock.advance(GradeDelivery.LINE_ITEM_WAIT.plusSeconds(1));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.services.requests(Endpoint.LINE_ITEMS).stream()
			.filter((request) -> request.method().equals("POST"))).hasSize(1);
		assertThat(this.outbox.statuses(byResource)).hasSize(10)
			.allSatisfy((sub, status) -> assertThat(status.state()).isEqualTo(DeliveryState.DELIVERED));
		assertThat(this.services.requests(Endpoint.SCORES)).hasSize(10);
	}

	@Test
	void publishedGradeIsKnownSoAStatusOnlyScoreNeedNotClearIt() {
		assertThat(this.outbox.hasPublishedGrade(this.target, "4")).isFalse();
		this.outbox.enqueue(this.target, Grade.finished("4", 6.0, 10, null));
		assertThat(this.outbox.hasPublishedGrade(this.target, "4")).isTrue();
	}

	private GradeDeliveryWorker newWorker() {
		return new GradeDeliveryWorker(this.table, this.resolutions, this.ags, this.registrations, this.properties, this.clock,
				new DeliveryOutcomes(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
	}

	private long second(long id) {
		return this.table.find(id).orElseThrow().scoreTimestamp().getEpochSecond();
	}

}
