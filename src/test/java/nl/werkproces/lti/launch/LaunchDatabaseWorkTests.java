package nl.werkproces.lti.launch;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.StatementLog;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database work of a launch stays small when a class launches at once: rows shared by the class (context,
 * resource link) are read, not rewritten, when nothing changed; the first page after the launch does not read back
 * the session the launch has just written; every shortcut gives the same answer as the database; and a class of
 * new students launching at once (all inserting users) gets its pages, with no deadlock turned into an error. The
 * security filters are not wrapped in an observation each (that cost a tenth of a launch's CPU).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lti.grades.scheduled=false")
class LaunchDatabaseWorkTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	StatementLog log;

	@Autowired
	RecentLaunchSessions recent;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	PlatformSimulator platform;

	Platform registered;

	String base;

	@TestConfiguration
	static class LogStatements {

		@Bean
		static StatementLog statementLog() {
			return new StatementLog();
		}

	}

	@BeforeEach
	void registerPlatform() {
		this.platform = PlatformSimulator.start();
		this.registered = this.registrations.register(this.platform.settings(), PlatformSource.ADMIN);
		this.base = "http://localhost:" + this.port;
	}

	@AfterEach
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void launchOfAnotherStudentInTheSameCourseReadsTheCourseAndLinkWithoutWritingThem() {
		launch(new ToolBrowser(this.base), TestLaunches.resourceLink(this.platform, this.base));
		this.log.reset();
		launch(new ToolBrowser(this.base),
				TestLaunches.resourceLink(this.platform, this.base).with("sub", "77").with("name", "Kim Klasgenoot"));
		assertThat(this.log.statements("SELECT", "lti_context")).hasSize(1);
		assertThat(this.log.statements("SELECT", "resource_link")).hasSize(1);
		assertThat(this.log.statements("UPDATE", "lti_context")).isEmpty();
		assertThat(this.log.statements("UPDATE", "resource_link")).isEmpty();
		assertThat(this.log.statements("INSERT", "lti_user")).hasSize(1);
	}

	@Test
	void newCourseTitleAndUserNameAreStoredByTheNextLaunch() {
		launch(new ToolBrowser(this.base), TestLaunches.resourceLink(this.platform, this.base));
		this.log.reset();
		ToolBrowser browser = new ToolBrowser(this.base);
		HttpResponse<String> launched = launch(browser, TestLaunches.resourceLink(this.platform, this.base)
			.with("name", "Sam S. Student")
			.with(LtiClaims.CONTEXT, Map.of("id", "2", "label", "LTITEST", "title", "LTI Test Course 2026")));
		assertThat(this.log.statements("UPDATE", "lti_context")).hasSize(1);
		assertThat(this.log.statements("UPDATE", "lti_user")).hasSize(1);
		assertThat(this.log.statements("UPDATE", "resource_link")).isEmpty();
		assertThat(this.jdbc.sql("SELECT title FROM lti_context WHERE platform_id = ? AND context_key = '2'")
			.param(this.registered.id())
			.query(String.class)
			.single()).isEqualTo("LTI Test Course 2026");
		this.recent.clear();
		assertThat(browser.get(location(launched)).body()).contains("Welkom, Sam S. Student").contains("LTI Test Course 2026");
	}

	@Test
	void firstPageAfterTheLaunchDoesNotReadTheSessionBack() {
		ToolBrowser browser = new ToolBrowser(this.base);
		HttpResponse<String> launched = launch(browser, TestLaunches.resourceLink(this.platform, this.base));
		this.log.reset();
		HttpResponse<String> page = browser.get(location(launched));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Welkom, Sam Student").contains("LTI Test Course").contains("Werkproces B1-K1-W1");
		assertThat(this.log.statements("SELECT", "launch_session")).isEmpty();
	}

	@Test
	void firstPageOnAReplicaThatDidNotOpenTheSessionReadsItFromTheDatabaseAndShowsTheSame() {
		ToolBrowser browser = new ToolBrowser(this.base);
		HttpResponse<String> launched = launch(browser, TestLaunches.resourceLink(this.platform, this.base));
		String fromMemory = browser.get(location(launched)).body();
		this.recent.clear();
		this.log.reset();
		HttpResponse<String> page = browser.get(location(launched));
		assertThat(this.log.statements("SELECT", "launch_session")).hasSize(1);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(withoutCsrf(page.body())).isEqualTo(withoutCsrf(fromMemory));
	}

	@Test
	void sessionOpenedMomentsAgoIsRefusedOnceItsPlatformIsDisabled() {
		ToolBrowser browser = new ToolBrowser(this.base);
		HttpResponse<String> launched = launch(browser, TestLaunches.resourceLink(this.platform, this.base));
		this.registrations.setEnabled(this.registered.id(), false);
		assertThat(browser.get(location(launched)).statusCode()).isEqualTo(401);
	}

	@Test
	void securityFiltersOfTheLaunchAreNotObservedOneByOne() {
		ToolBrowser browser = new ToolBrowser(this.base);
		browser.get(location(launch(browser, TestLaunches.resourceLink(this.platform, this.base))));
		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meters.find("spring.security.filterchains").timers()).isEmpty();
		assertThat(this.meters.find("spring.security.authorizations").timers()).isEmpty();
	}

	@Test
	void thirtyTwoNewStudentsLaunchingAtOnceAllGetTheirPage() throws Exception {
		int students = 32;
		ExecutorService clients = Executors.newFixedThreadPool(students);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> pages = new ArrayList<>();
			for (int i = 0; i < students; i++) {
				String subject = "new-student-" + i;
				pages.add(clients.submit(() -> {
					ToolBrowser browser = new ToolBrowser(this.base);
					ToolBrowser.LoginRedirect login = browser.initiateLogin(this.platform);
					String token = this.platform.sign(TestLaunches.resourceLink(this.platform, this.base)
						.with("sub", subject)
						.claims(login.nonce()));
					start.await();
					HttpResponse<String> launched = browser.launch(token, login.state());
					return (launched.statusCode() == 303) ? browser.get(location(launched)).statusCode()
							: launched.statusCode();
				}));
			}
			start.countDown();
			for (Future<Integer> page : pages) {
				assertThat(page.get(60, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	private HttpResponse<String> launch(ToolBrowser browser, TestLaunches launch) {
		ToolBrowser.LoginRedirect login = browser.initiateLogin(this.platform);
		HttpResponse<String> launched = browser.launch(this.platform.sign(launch.claims(login.nonce())), login.state());
		assertThat(launched.statusCode()).isEqualTo(303);
		return launched;
	}

	private static String location(HttpResponse<String> launched) {
		return launched.headers().firstValue("Location").orElseThrow();
	}

	private static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[A-Za-z0-9_-]{20,}\"", "");
	}

}
