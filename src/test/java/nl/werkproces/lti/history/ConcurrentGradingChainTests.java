package nl.werkproces.lti.history;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.ConnectionHoldCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class graded at once: 32 finalizations of 32 students in one activity, posted on the grading screen at the same
 * moment, none of them with a draft before (so each transaction also inserts its grading). Every one must succeed,
 * and the activity's hash chain must come out as 32 versions with chain_seq 1..32 and every link intact. No request
 * may hold a second connection while it waits for the activity's row lock: then a pool smaller than the class
 * (4 connections) cannot deadlock either, the lock holder always has the connection it needs to finish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=34",
				"spring.datasource.hikari.connection-timeout=20000", "lti.services.read-timeout=5s",
				"lti.grades.scheduled=false" })
class ConcurrentGradingChainTests {

	private static final int STUDENTS = 32;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LaunchSessions sessions;

	@Autowired
	RubricVersions rubricVersions;

	@Autowired
	GradeDeliveryWorker worker;

	@Autowired
	GradingHistory history;

	@Autowired
	ConnectionHoldCounter connections;

	@Autowired
	MeterRegistry meters;

	TeacherFixture moodle;

	Session teacher;

	long activityId;

	@TestConfiguration
	static class CountConnections {

		@Bean
		static ConnectionHoldCounter connectionHoldCounter() {
			return new ConnectionHoldCounter();
		}

	}

	@BeforeEach
	void launchTeacher() {
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.activityId = this.moodle.activityId();
	}

	@AfterEach
	void stopPlatform() {
		// deliver while the simulated Moodle still answers: no waiting grade may leak into other classes' counts
		this.worker.deliverDue();
		this.moodle.close();
	}

	@Test
	void thirtyTwoStudentsFinalizedAtOnceMakeOneUnbrokenChainOfThirtyTwo() throws Exception {
		List<String> keys = keys();
		List<Long> students = IntStream.range(0, STUDENTS).mapToObj((i) -> {
			long id = this.moodle.insertUser("class-" + i, "Student " + i);
			this.moodle.handIn(this.activityId, id, "Mijn werkproces " + i + ".", false);
			return id;
		}).toList();
		this.connections.reset();

		ExecutorService assessors = Executors.newFixedThreadPool(STUDENTS);
		CountDownLatch start = new CountDownLatch(1);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<HttpResponse<String>>> posts = new ArrayList<>();
			for (int i = 0; i < STUDENTS; i++) {
				long student = students.get(i);
				int[] levels = new int[keys.size()];
				Arrays.fill(levels, 1 + i % 3);
				Callable<HttpResponse<String>> finalize = () -> {
					start.await();
					return this.teacher.post("/app/teacher/students/" + student + "/finalize",
							TeacherFixture.levels(keys, levels));
				};
				posts.add(assessors.submit(finalize));
			}
			start.countDown();
			for (Future<HttpResponse<String>> post : posts) {
				statuses.add(post.get(120, TimeUnit.SECONDS).statusCode());
			}
		}
		finally {
			assessors.shutdownNow();
		}

		// every finalization went through: a redirect to the graded student, no 5xx, no refused lock
		assertThat(statuses).hasSize(STUDENTS).containsOnly(302);
		List<Integer> seqs = this.jdbc
			.sql("SELECT chain_seq FROM grading_version WHERE activity_id = ? ORDER BY chain_seq")
			.param(this.activityId)
			.query(Integer.class)
			.list();
		assertThat(seqs).containsExactlyElementsOf(IntStream.rangeClosed(1, STUDENTS).boxed().toList());
		for (long student : students) {
			assertThat(this.history.versionsOf(this.activityId, student)).as("versions of student %d", student)
				.singleElement()
				.satisfies((v) -> assertThat(v.versionNo()).isEqualTo(1));
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM grading WHERE activity_id = ? AND status = 'FINAL'")
			.param(this.activityId)
			.query(Integer.class)
			.single()).isEqualTo(STUDENTS);
		ChainCheck check = this.history.verifyActivity(this.activityId);
		assertThat(check.broken()).isNull();
		assertThat(check.versionsChecked()).isEqualTo(STUDENTS);

		// the lock holder never waits for a second connection: a pool of 4 would serve the class as well
		assertThat(this.connections.nestedAcquisitions()).isEmpty();
		assertThat(this.connections.maxHeldByOneThread()).isEqualTo(1);
		assertThat(this.meters.find("hikaricp.connections.timeout").counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	private List<String> keys() {
		return this.rubricVersions
			.template(this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?")
				.param(this.activityId)
				.query(Long.class)
				.single(), "B1-K2-W2", TeacherFixture.PROFIEL)
			.criteria()
			.stream()
			.map(Criterion::key)
			.toList();
	}

}
