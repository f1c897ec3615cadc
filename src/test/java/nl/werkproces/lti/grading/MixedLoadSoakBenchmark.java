package nl.werkproces.lti.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.RubricVersions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak of a class's week at moderate load: students launch, read their page and hand in text; the teacher reads
 * the roster, grades with the rubric, finalizes (the grade goes to the simulated gradebook) and reopens; every
 * minute the heap after a full GC is sampled. Not part of the suite; run with
 * {@code ./mvnw test -Dgroups=benchmark -Dtest.excludedGroups= -Dtest=MixedLoadSoakBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.duration=PT10M}
 * (default 10 minutes) and record the figures in BENCHMARKS.md. Fails on any unexpected answer.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.nl.werkproces.lti=WARN", "lti.grades.poll-interval=1s",
				"lti.launch.logins-per-address=100000" })
class MixedLoadSoakBenchmark {

	private static final int STUDENTS = 40;

	private static final int CLIENTS = 4;

	private static final Pattern FORM_ACTION = Pattern
		.compile("<form method=\"post\" enctype=\"multipart/form-data\"[^>]*action=\"([^\"]+)\"");

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

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());

	@Test
	void classWeekAtModerateLoad() throws Exception {
		Duration duration = Duration.parse(System.getProperty("soak.duration", "PT10M"));
		String base = "http://localhost:" + this.port;
		try (TeacherFixture moodle = new TeacherFixture(base, this.registrations, this.activities, this.catalog,
				this.jdbc, this.sessions, GradeMode.CIJFER)) {
			for (int i = 0; i < STUDENTS; i++) {
				moodle.services.addMember("soak" + i, "Student", "Nummer" + i, "Learner");
			}
			Session teacher = moodle.launch(moodle.teacher());
			long activityId = moodle.activityId();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			List<Long> heap = new ArrayList<>();
			long end = System.nanoTime() + duration.toNanos();
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				boolean isTeacher = c == 0;
				running.add(clients.submit(() -> {
					while (System.nanoTime() < end) {
						try {
							if (isTeacher) {
								teacherRound(moodle, teacher, activityId);
							}
							else {
								studentRound(moodle, base);
							}
						}
						catch (RuntimeException | AssertionError ex) {
							this.unexpected.add(ex.toString());
						}
					}
					return null;
				}));
			}
			long sampleEvery = Math.max(10_000, duration.toMillis() / 10);
			while (System.nanoTime() < end) {
				System.gc();
				heap.add(memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
				Thread.sleep(Math.min(sampleEvery, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
			}
			for (Future<?> client : running) {
				client.get();
			}
			clients.shutdown();
			System.gc();
			heap.add(memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
			long delivered = this.jdbc.sql("SELECT COUNT(*) FROM grade_outbox WHERE status = 'DELIVERED'")
				.query(Long.class).single();
			System.out.printf(Locale.ROOT, "soak %s: %s; grades delivered %d; unexpected %d; heap after GC (MiB) %s%n",
					duration, new java.util.TreeMap<>(this.counts), delivered, this.unexpected.size(), heap);
			assertThat(this.unexpected).isEmpty();
		}
	}

	private void studentRound(TeacherFixture moodle, String base) {
		String sub = "soak" + ThreadLocalRandom.current().nextInt(STUDENTS);
		Session student = moodle.launch(moodle.student(sub, "Student " + sub));
		count("student launch");
		HttpResponse<String> page = student.get("/app/student");
		expect(page.statusCode() == 200, "student page " + page.statusCode());
		Matcher action = FORM_ACTION.matcher(page.body());
		if (!action.find()) {
			count("student page without form (graded)");
			return;
		}
		String boundary = "soak" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
				+ "Werkproces uitgevoerd: netwerk geïnstalleerd en getest (" + sub + ").\r\n--" + boundary + "--\r\n";
		HttpResponse<String> handIn = send(HttpRequest
			.newBuilder(URI.create(base + action.group(1).replace("&amp;", "&")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
		// 409: the teacher began grading between the page and the hand-in
		expect(handIn.statusCode() == 303 || handIn.statusCode() == 302 || handIn.statusCode() == 409,
				"hand-in " + handIn.statusCode());
		count("hand-in " + handIn.statusCode());
	}

	private void teacherRound(TeacherFixture moodle, Session teacher, long activityId) {
		HttpResponse<String> roster = teacher.get("/app/teacher");
		expect(roster.statusCode() == 200, "roster " + roster.statusCode());
		count("roster");
		List<Long> handedIn = this.jdbc.sql("SELECT user_id FROM submission WHERE activity_id = ?")
			.param(activityId).query(Long.class).list();
		if (handedIn.isEmpty()) {
			sleep(50);
			return;
		}
		long student = handedIn.get(ThreadLocalRandom.current().nextInt(handedIn.size()));
		HttpResponse<String> screen = teacher.get("/app/teacher/students/" + student);
		expect(screen.statusCode() == 200, "grading screen " + screen.statusCode());
		List<String> keys = this.rubricVersions.template(this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?")
			.param(activityId).query(Long.class).single(), "B1-K2-W2", TeacherFixture.PROFIEL)
			.criteria().stream().map(Criterion::key).toList();
		int[] scores = keys.stream().mapToInt((key) -> 1 + ThreadLocalRandom.current().nextInt(3)).toArray();
		HttpResponse<String> finalized = teacher.post("/app/teacher/students/" + student + "/finalize",
				TeacherFixture.levels(keys, scores));
		count("finalize " + finalized.statusCode());
		HttpResponse<String> reopened = teacher.post("/app/teacher/students/" + student + "/reopen", Map.of());
		count("reopen " + reopened.statusCode());
		expect(finalized.statusCode() < 500 && reopened.statusCode() < 500,
				"finalize " + finalized.statusCode() + ", reopen " + reopened.statusCode());
	}

	private void count(String what) {
		this.counts.computeIfAbsent(what, (k) -> new AtomicInteger()).incrementAndGet();
	}

	private void expect(boolean condition, String what) {
		if (!condition) {
			this.unexpected.add(what);
		}
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
