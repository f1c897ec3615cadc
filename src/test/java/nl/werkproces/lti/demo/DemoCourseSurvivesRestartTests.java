package nl.werkproces.lti.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.WerkprocesLtiApplication;
import nl.werkproces.lti.ags.ActivityProgress;
import nl.werkproces.lti.ags.GradingProgress;
import nl.werkproces.lti.ags.Score;
import nl.werkproces.lti.testing.SeparateTestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo course lives in the database: after a restart on the same database its activities (with their custom
 * values), gradebook columns and scores with comments are still there, the course and gradebook pages show them, and
 * a new deep-linked activity gets a resource link id that was never handed out before (a restart used to hand out
 * "demo-activity-2" again, which opened an old, already graded activity).
 */
class DemoCourseSurvivesRestartTests {

	private final SeparateTestDatabase mysql = SeparateTestDatabase.createOnMysqlPass("demo_restart");

	private final String database = (this.mysql != null) ? this.mysql.url()
			: "jdbc:h2:mem:demo-restart-" + UUID.randomUUID()
					+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

	@AfterEach
	void dropDatabase() {
		if (this.mysql != null) {
			this.mysql.drop();
		}
	}

	@Test
	void courseActivitiesAndGradebookSurviveARestartAndNoResourceLinkIdIsHandedOutTwice() throws Exception {
		List<String> handedOut = new ArrayList<>();
		DemoActivities.DemoActivity first;
		try (ConfigurableApplicationContext before = start()) {
			DemoActivities activities = before.getBean(DemoActivities.class);
			DemoGradebook gradebook = before.getBean(DemoGradebook.class);
			assertThat(activities.all()).extracting(DemoActivities.DemoActivity::resourceLinkId)
				.containsExactly(DemoPlatform.RESOURCE_LINK_ID);
			first = activities.add("Werkproces B1-K1-W2", Map.of("werkproces_setup", "setup-1"), 10.0,
					"B1-K1-W2 Kolom", "B1-K1-W2", "werkproces");
			handedOut.add(first.resourceLinkId());
			handedOut.add(activities.add("Werkproces B1-K1-W3", Map.of(), null, null, null, null).resourceLinkId());
			assertThat(gradebook.record(first.lineItemId(),
					Score.of("demo-student-1", 7.5, 10.0, "Goed gedaan.\nCriterium 1: goed", Instant.now(),
							ActivityProgress.Completed, GradingProgress.FullyGraded)))
				.isEqualTo(DemoGradebook.ScoreAnswer.STORED);
		}
		try (ConfigurableApplicationContext after = start()) {
			DemoActivities activities = after.getBean(DemoActivities.class);
			DemoGradebook gradebook = after.getBean(DemoGradebook.class);
			assertThat(activities.all()).extracting(DemoActivities.DemoActivity::resourceLinkId)
				.containsExactly(DemoPlatform.RESOURCE_LINK_ID, handedOut.get(0), handedOut.get(1));
			assertThat(activities.find(first.resourceLinkId())).contains(first);
			assertThat(gradebook.lineItem(first.lineItemId())).hasValueSatisfying((column) -> {
				assertThat(column.label()).isEqualTo("B1-K1-W2 Kolom");
				assertThat(column.scoreMaximum()).isEqualTo(10.0);
				assertThat(column.resourceLinkId()).isEqualTo(first.resourceLinkId());
			});
			assertThat(gradebook.grade(first.lineItemId(), "demo-student-1")).hasValueSatisfying((grade) -> {
				assertThat(grade.scoreGiven()).isEqualTo(7.5);
				assertThat(grade.comment()).isEqualTo("Goed gedaan.\nCriterium 1: goed");
				assertThat(grade.gradingProgress()).isEqualTo("FullyGraded");
			});
			// Moodle's rule holds across the restart too: a score that is not newer is refused
			assertThat(gradebook.record(first.lineItemId(),
					Score.of("demo-student-1", 9.0, 10.0, null, Instant.now().minusSeconds(3600),
							ActivityProgress.Completed, GradingProgress.FullyGraded)))
				.isEqualTo(DemoGradebook.ScoreAnswer.NOT_NEWER);
			String added = activities.add("Werkproces B1-K1-W4", Map.of(), 10.0, null, null, null).resourceLinkId();
			assertThat(added).isNotIn(handedOut).isNotEqualTo(DemoPlatform.RESOURCE_LINK_ID);
			assertThat(page(after, "/demo")).contains("Werkproces B1-K1-W2", "Werkproces B1-K1-W3",
					"Werkproces B1-K1-W4", first.resourceLinkId());
			assertThat(page(after, "/demo/gradebook")).contains("B1-K1-W2 Kolom", "Criterium 1: goed");
		}
	}

	private ConfigurableApplicationContext start() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--lti.demo.enabled=true",
				"--spring.datasource.url=" + this.database));
		if (this.mysql != null) {
			args.add("--spring.datasource.username=" + System.getenv().getOrDefault("TEST_MYSQL_USER", "root"));
			args.add("--spring.datasource.password=" + System.getenv().getOrDefault("TEST_MYSQL_PASSWORD", ""));
		}
		else {
			args.add("--spring.datasource.username=sa");
			args.add("--spring.datasource.password=");
		}
		return new SpringApplicationBuilder(WerkprocesLtiApplication.class).run(args.toArray(String[]::new));
	}

	private static String page(ConfigurableApplicationContext context, String path) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
