package nl.werkproces.lti.submission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Students hand in at the same moment, over real HTTP: first hand-ins of several students at once and two or more
 * hand-ins of one student at once. None gets an error, and every submission ends with the text and the files of
 * exactly one of its hand-ins (on MariaDB, where InnoDB's gap locks once made such hand-ins deadlock, as on H2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.jwks.min-refresh-interval=0s", "lti.grades.scheduled=false" })
class ConcurrentHandInTests {

	private static final int STUDENTS = 8;

	private static final int HAND_INS_PER_STUDENT = 5;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	RubricVersions rubrics;

	@Autowired
	JdbcClient jdbc;

	AssignmentFixture fixture;

	@BeforeEach
	void setUpActivity() {
		this.fixture = new AssignmentFixture(this.port, this.registrations, this.activities, this.catalog, this.rubrics,
				this.jdbc);
	}

	@AfterEach
	void stopPlatform() {
		this.fixture.close();
	}

	@Test
	void concurrentFirstAndRepeatedHandInsAllSucceedAndLeaveConsistentRows() throws Exception {
		List<StudentClient> students = new ArrayList<>();
		List<String> actions = new ArrayList<>();
		for (int s = 0; s < STUDENTS; s++) {
			students.add(this.fixture.student(this.fixture.launch(this.fixture.learner().with("sub", "conc-" + s))));
			actions.add(action(students.get(s)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(STUDENTS * HAND_INS_PER_STUDENT);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int h = 0; h < HAND_INS_PER_STUDENT; h++) {
				for (int s = 0; s < STUDENTS; s++) {
					StudentClient student = students.get(s);
					String action = actions.get(s);
					String tag = "s" + s + "-h" + h;
					// each hand-in has its own number of files (1 to 3), so a mix of two hand-ins shows in the count
					MultipartForm form = new MultipartForm().field("text", "Inlevering " + tag);
					for (int f = 0; f <= h % 3; f++) {
						form.file("files", tag + "-" + f + ".pdf", "application/pdf", pdf(tag));
					}
					answers.add(pool.submit(() -> {
						start.await();
						return student.post(action, form);
					}));
				}
			}
			start.countDown();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(answers).hasSize(STUDENTS * HAND_INS_PER_STUDENT);
		for (int s = 0; s < STUDENTS; s++) {
			assertConsistent(this.fixture.userId("conc-" + s), s);
		}
	}

	/** One submission with every hand-in counted, whose text and files come from one and the same hand-in. */
	private void assertConsistent(long userId, int s) {
		List<Map<String, Object>> submission = this.jdbc
			.sql("SELECT id, text_content, hand_in_count FROM submission WHERE user_id = ?")
			.param(userId)
			.query()
			.listOfRows();
		assertThat(submission).hasSize(1);
		Map<String, Object> row = submission.get(0);
		assertThat(((Number) row.get("hand_in_count")).intValue()).isEqualTo(HAND_INS_PER_STUDENT);
		String tag = ((String) row.get("text_content")).substring("Inlevering ".length());
		int h = Integer.parseInt(tag.substring(tag.indexOf("-h") + 2));
		List<String> files = this.jdbc.sql("SELECT filename FROM submission_file WHERE submission_id = ? ORDER BY filename")
			.param(((Number) row.get("id")).longValue())
			.query(String.class)
			.list();
		List<String> expected = new ArrayList<>();
		for (int f = 0; f <= h % 3; f++) {
			expected.add("s" + s + "-h" + h + "-" + f + ".pdf");
		}
		assertThat(files).as("files of %s", tag).isEqualTo(expected);
	}

	/** The hand-in form's action of the student's page (with the launch session and CSRF token). */
	private static String action(StudentClient student) {
		String page = student.page().body();
		java.util.regex.Matcher action = java.util.regex.Pattern
			.compile("<form method=\"post\" enctype=\"multipart/form-data\"[^>]*action=\"([^\"]+)\"")
			.matcher(page);
		assertThat(action.find()).as(page).isTrue();
		return action.group(1).replace("&amp;", "&");
	}

	private static byte[] pdf(String tag) {
		return ("%PDF-1.4\n% " + tag + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

}
