package nl.werkproces.lti.launch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone can post a broken launch. A flood is refused launch by launch as always, but fills the admin's list of
 * rejected launches only up to the per-minute budget; the rest is logged and counted, not stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RejectedLaunchFloodTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aFloodOfBrokenLaunchesStoresNoMoreThanTheBudget() throws Exception {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM rejected_launch").query(Long.class).single();
		HttpClient client = HttpClient.newHttpClient();
		int flood = RejectedLaunches.STORED_PER_MINUTE + 30;
		for (int i = 0; i < flood; i++) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder()
				.uri(URI.create("http://localhost:" + this.port + "/lti/launch"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("id_token=not.a.jwt%0Aforged&state=s" + i))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isBetween(400, 499);
		}

		long stored = this.jdbc.sql("SELECT COUNT(*) FROM rejected_launch").query(Long.class).single() - before;
		assertThat(stored).isPositive().isLessThanOrEqualTo(RejectedLaunches.STORED_PER_MINUTE);
		double unrecorded = this.meters.find("lti.launch.rejected.unrecorded").counters().stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
		assertThat(unrecorded).isGreaterThanOrEqualTo(flood - stored);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM rejected_launch WHERE detail LIKE ?")
			.param("%\n%")
			.query(Long.class)
			.single()).isZero();
	}

}
