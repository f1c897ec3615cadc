package nl.werkproces.lti.launch;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.ConnectionHoldCounter;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class clicking at once: many complete launches (login initiation, signed id_token, launch, first page) at the
 * same moment, on a pool much smaller than the number of clients. No request may take a second connection while
 * holding one (with 32 clients that exhausts any pool and deadlocks it), and every launch must succeed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.connection-timeout=5000",
				"lti.grades.scheduled=false" })
class ConcurrentLaunchTests {

	private static final int CLIENTS = 32;

	private static final int LAUNCHES_PER_CLIENT = 3;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	ConnectionHoldCounter connections;

	@Autowired
	MeterRegistry meters;

	PlatformSimulator platform;

	@TestConfiguration
	static class CountConnections {

		@Bean
		static ConnectionHoldCounter connectionHoldCounter() {
			return new ConnectionHoldCounter();
		}

	}

	@BeforeEach
	void registerPlatform() {
		this.platform = PlatformSimulator.start();
		this.registrations.register(this.platform.settings(), PlatformSource.ADMIN);
	}

	@AfterEach
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void thirtyTwoClientsLaunchingAtOnceEachTakeOneConnectionAtATimeAndAllSucceed() throws Exception {
		String base = "http://localhost:" + this.port;
		launchOnce(new ToolBrowser(base), base, false, "warm-up");
		this.connections.reset();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				boolean teacher = c % 4 == 0;
				int clientNumber = c;
				Callable<Integer> client = () -> {
					ToolBrowser browser = new ToolBrowser(base);
					start.await();
					int ok = 0;
					for (int i = 0; i < LAUNCHES_PER_CLIENT; i++) {
						// every launch a student's first: users are inserted side by side (InnoDB gap locks)
						ok += launchOnce(browser, base, teacher, "student-" + clientNumber + "-" + i);
					}
					return ok;
				};
				results.add(clients.submit(client));
			}
			start.countDown();
			int succeeded = 0;
			for (Future<Integer> result : results) {
				succeeded += result.get(60, TimeUnit.SECONDS);
			}
			assertThat(succeeded).isEqualTo(CLIENTS * LAUNCHES_PER_CLIENT);
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(this.connections.nestedAcquisitions()).isEmpty();
		assertThat(this.connections.maxHeldByOneThread()).isEqualTo(1);
		assertThat(this.meters.find("hikaricp.connections.timeout").counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	private int launchOnce(ToolBrowser browser, String base, boolean teacher, String subject) {
		ToolBrowser.LoginRedirect login = browser.initiateLogin(this.platform);
		TestLaunches launch = TestLaunches.resourceLink(this.platform, base).with("sub", subject);
		if (teacher) {
			launch = launch.asInstructor();
		}
		HttpResponse<String> launched = browser.launch(this.platform.sign(launch.claims(login.nonce())), login.state());
		assertThat(launched.statusCode()).as("launch").isEqualTo(303);
		HttpResponse<String> page = browser.getFollowing(launched.headers().firstValue("Location").orElseThrow());
		assertThat(page.statusCode()).as("first page").isEqualTo(200);
		return 1;
	}

}
