package nl.werkproces.lti.overview;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.overview.CourseFixture.Link;
import nl.werkproces.lti.overview.CourseFixture.Session;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class overview of a large course over real HTTP: {@code bench.students} students (200) × every werkproces of
 * the seed dossier (16: 11 of the basisdeel, 5 of ICT-beheerder), each an activity of one course; every student has
 * handed in everywhere and three quarters of the cells are graded (final). After {@code bench.warmup} pages it times
 * {@code bench.requests} page renders (GET {@code /app/overview}, the teacher's cookie) and xlsx exports, and prints
 * p50/p90/p99 and the page size.
 * <p>
 * Not part of {@code ./mvnw verify} (tag {@code benchmark}):
 * {@code ./mvnw -B -ntp -q test -Dgroups=benchmark -Dtest.excludedGroups= -Dtest=ClassOverviewBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@PlatformServicesTest
class ClassOverviewBenchmark {

	private static final int STUDENTS = Integer.getInteger("bench.students", 200);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 200);

	private static final int REQUESTS = Integer.getInteger("bench.requests", 300);

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
	JdbcTemplate template;

	@Autowired
	LaunchSessions sessions;

	@Autowired
	RubricVersions rubrics;

	@Autowired
	MutableClock clock;

	@Test
	void overviewOfTwoHundredStudentsBySixteenWerkprocessen() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		try (CourseFixture moodle = new CourseFixture("http://localhost:" + this.port, this.registrations,
				this.activities, this.catalog, this.jdbc, this.sessions, this.rubrics)) {
			long dossierId = seedDossier();
			List<String> codes = this.jdbc.sql("SELECT code FROM dossier_werkproces WHERE dossier_id = ? ORDER BY position")
				.param(dossierId)
				.query(String.class)
				.list();
			Session teacher = null;
			List<Link> links = new ArrayList<>();
			for (int i = 0; i < codes.size(); i++) {
				String code = codes.get(i);
				Link link = moodle.activity("2", "b" + i, code, code.startsWith("P1") ? CourseFixture.ICT : CourseFixture.NM);
				links.add(link);
				Session session = moodle.launch(moodle.teacher(link));
				teacher = (teacher == null) ? session : teacher;
			}
			UUID rubric = this.rubrics.template(dossierId, "B1-K2-W2", CourseFixture.NM).id();
			seedClass(moodle, links, rubric, moodle.userId("3"));

			String page = teacher.get("/app/overview").body();
			assertThat(page).contains(String.format("Student %03d", STUDENTS - 1)).contains(codes.get(codes.size() - 1));
			for (int i = 0; i < WARMUP; i++) {
				teacher.get("/app/overview");
			}
			long[] pages = new long[REQUESTS];
			long[] serverBefore = serverThreads();
			for (int i = 0; i < REQUESTS; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = teacher.get("/app/overview");
				pages[i] = System.nanoTime() - start;
				assertThat(response.statusCode()).isEqualTo(200);
			}
			long[] serverAfter = serverThreads();
			int exportRuns = Math.max(10, REQUESTS / 10);
			long[] exports = new long[exportRuns];
			int xlsxBytes = 0;
			for (int i = 0; i < exportRuns; i++) {
				long start = System.nanoTime();
				HttpResponse<byte[]> response = teacher.download("/app/overview/export.xlsx");
				exports[i] = System.nanoTime() - start;
				xlsxBytes = response.body().length;
			}
			System.out.printf("%n| students × werkprocessen | page p50 / p90 / p99 (ms) | server CPU/page (ms) | server alloc/page (MiB) | page KiB | xlsx p50 / p90 (ms) | xlsx KiB |%n"
					+ "| %d × %d | %s | %.1f | %.1f | %d | %s | %d |%n%n", STUDENTS, codes.size(), percentiles(pages, true),
					(serverAfter[0] - serverBefore[0]) / 1e6 / REQUESTS,
					(serverAfter[1] - serverBefore[1]) / 1048576.0 / REQUESTS, page.length() / 1024,
					percentiles(exports, false), xlsxBytes / 1024);
		}
	}

	/**
	 * CPU time and allocated bytes of the server's request threads ({@code http-nio-*}), summed: unlike the latency
	 * they hardly depend on how busy the machine is, so they compare runs on a shared machine.
	 */
	private static long[] serverThreads() {
		com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		long cpu = 0;
		long allocated = 0;
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith("http-nio")) {
				cpu += Math.max(0, bean.getThreadCpuTime(thread.getId()));
				allocated += Math.max(0, bean.getThreadAllocatedBytes(thread.getId()));
			}
		}
		return new long[] { cpu, allocated };
	}

	private long seedDossier() {
		return this.jdbc.sql("SELECT MIN(id) FROM dossier WHERE imported_by = 'system'").query(Long.class).single();
	}

	/** Students known from a hand-in on every activity; three of four cells graded, one in eight onvoldoende. */
	private void seedClass(CourseFixture moodle, List<Link> links, UUID rubric, long teacherId) {
		Timestamp now = Timestamp.from(Instant.now());
		long platform = moodle.platform.id();
		List<Object[]> users = new ArrayList<>();
		for (int s = 0; s < STUDENTS; s++) {
			users.add(new Object[] { platform, "bench-" + s, String.format("Student %03d", s), now, now });
		}
		this.template.batchUpdate(
				"INSERT INTO lti_user (platform_id, subject, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)", users);
		List<Long> userIds = this.jdbc.sql("SELECT id FROM lti_user WHERE platform_id = ? AND subject LIKE 'bench-%'")
			.param(platform)
			.query(Long.class)
			.list();
		List<Object[]> handIns = new ArrayList<>();
		List<Object[]> gradings = new ArrayList<>();
		for (Link link : links) {
			long activity = moodle.activityId(link);
			for (int s = 0; s < userIds.size(); s++) {
				long user = userIds.get(s);
				handIns.add(new Object[] { activity, platform, user, now, s % 10 == 0, now, now });
				if (s % 4 != 0) {
					boolean onvoldoende = s % 8 == 1;
					gradings.add(new Object[] { activity, platform, user, rubric.toString(), onvoldoende ? 10 : 19,
							onvoldoende ? "ONVOLDOENDE" : "VOLDOENDE", onvoldoende ? 3.5 : 6.0, teacherId, now, now, now });
				}
			}
		}
		this.template.batchUpdate("""
				INSERT INTO submission (activity_id, platform_id, user_id, text_content, hand_in_count, submitted_at, late,
				    created_at, updated_at) VALUES (?, ?, ?, 'Mijn werk', 1, ?, ?, ?, ?)""", handIns);
		this.template.batchUpdate("""
				INSERT INTO grading (activity_id, platform_id, student_user_id, rubric_version_id, status, levels, remarks,
				    points, maximum, cesuur, verdict, cijfer, knock_out, assessor_user_id, finalized_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'FINAL', '{}', '{}', ?, 27, 18, ?, ?, FALSE, ?, ?, ?, ?)""", gradings);
	}

	private static String percentiles(long[] nanos, boolean withP99) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		String p50 = ms(sorted[sorted.length / 2]);
		String p90 = ms(sorted[(int) (sorted.length * 0.9)]);
		return withP99 ? p50 + " / " + p90 + " / " + ms(sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))])
				: p50 + " / " + p90;
	}

	private static String ms(long nanos) {
		return String.format("%.1f", nanos / 1_000_000.0);
	}

}
