package nl.werkproces.lti.submission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator scrapes: after a walk through the tool over real HTTP (launches, a refused launch, two hand-ins,
 * their status delivered to the simulated platform's gradebook), {@code /actuator/prometheus} on Actuator's own
 * (random) port lists the launch, delivery, outbox, cache, hand-in and HTTP metrics; the tool's port does not serve
 * it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "lti.grades.scheduled=false", "lti.jwks.min-refresh-interval=0s" })
class PrometheusMetricsTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

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

	@Autowired
	GradeDeliveryWorker worker;

	private final HttpClient http = HttpClient.newHttpClient();

	private AssignmentFixture fixture;

	@AfterEach
	void stopPlatform() {
		if (this.fixture != null) {
			this.fixture.close();
		}
	}

	@Test
	void prometheusOnTheManagementPortListsTheOperatorsMetricsAfterAWalkAndTheToolsPortDoesNotServeIt()
			throws Exception {
		assertThat(this.managementPort).isPositive().isNotEqualTo(this.port);
		this.fixture = new AssignmentFixture(this.port, this.registrations, this.activities, this.catalog, this.rubrics,
				this.jdbc);
		this.fixture.platform.services().trustToolJwks("http://localhost:" + this.port + "/.well-known/jwks.json");
		String issuer = this.fixture.platform.issuer();

		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		assertThat(student.handIn(new MultipartForm().field("text", "Eerste versie.")
			.file("files", "verslag.pdf", "application/pdf", StudentFlowTests.PDF)).statusCode()).isEqualTo(302);
		// at least this hand-in's status (on a shared MariaDB database other tests' grades may be due as well)
		assertThat(this.worker.deliverDue()).isPositive();
		StudentClient again = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		assertThat(again.handIn(new MultipartForm().field("text", "Tweede versie.")).statusCode()).isEqualTo(302);
		assertThat(this.worker.deliverDue()).isPositive();
		assertThat(this.fixture.platform.services().requests(Endpoint.SCORES)).hasSize(2);
		assertThat(this.fixture.browser.launch("", "").statusCode()).isBetween(400, 499);

		HttpResponse<String> scrape = get(this.managementPort, "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		String metrics = scrape.body();
		String platform = "platform=\"" + issuer + "\"";
		assertThat(lines(metrics, "lti_launch_accepted_total")).contains(platform).contains("message_type=\"LtiResourceLinkRequest\"");
		assertThat(lines(metrics, "lti_launch_rejected_total")).contains("reason=\"ID_TOKEN_MISSING\"");
		assertThat(lines(metrics, "lti_grade_deliveries_total")).contains("outcome=\"delivered\"").contains(platform);
		assertThat(metrics).contains("lti_outbox_depth{").contains("lti_outbox_due{").contains("lti_outbox_failed{")
			.contains("lti_outbox_oldest_due_age_seconds{");
		String host = "host=\"" + URI.create(this.fixture.platform.jwksUri()).getHost() + "\"";
		assertThat(lines(metrics, "lti_jwks_fetches_total")).contains(host);
		assertThat(lines(metrics, "lti_jwks_cache_hits_total")).contains(host);
		assertThat(lines(metrics, "lti_access_token_fetches_total")).contains("outcome=\"issued\"").contains(platform);
		assertThat(lines(metrics, "lti_access_token_cache_hits_total")).contains(platform);
		assertThat(lines(metrics, "lti_handin_size_bytes_count")).contains(platform).endsWith(" 2");
		assertThat(metrics).contains("lti_handin_size_bytes_bucket{");
		assertThat(lines(metrics, "http_server_requests_seconds_bucket")).contains("uri=\"/lti/launch\"");
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);

		HttpResponse<String> onToolPort = get(this.port, "/actuator/prometheus");
		assertThat(onToolPort.statusCode()).as("refused on the tool's port").isIn(401, 403, 404);
		assertThat(onToolPort.body()).doesNotContain("lti_");
	}

	/** The sample lines of one metric, joined. */
	private static String lines(String metrics, String name) {
		String found = metrics.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.reduce((a, b) -> a + "\n" + b)
			.orElse("");
		assertThat(found).as("samples of %s", name).isNotEmpty();
		return found;
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
