package nl.werkproces.lti.registration;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.testing.MoodleRegistrationEndpoints;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody takes over a registered platform through dynamic registration: not with a registration link made for
 * another school, not through the allow-list, not from a look-alike address. Only a link an admin made to
 * re-register one platform re-registers it, and only from that platform.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationTakeoverTests {

	/** The school's real Moodle, registered from the platforms file. */
	static final PlatformSimulator school = PlatformSimulator.start();

	/** Its registration endpoints: in the takeover tests they serve the attacker's keys under the school's issuer. */
	static final MoodleRegistrationEndpoints schoolRegistration = new MoodleRegistrationEndpoints(school, "tok");

	/** Someone else's platform (the attacker's keys and endpoints). */
	static final PlatformSimulator attacker = PlatformSimulator.start();

	static final MoodleRegistrationEndpoints attackerRegistration = new MoodleRegistrationEndpoints(attacker, "tok");

	/** A registered platform whose issuer is a string prefix of the attacker's address: a look-alike by port. */
	static final PlatformSimulator victim = PlatformSimulator.start()
		.withIssuer(attacker.baseUrl().substring(0, attacker.baseUrl().length() - 1));

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	RegistrationInvites invites;

	@Autowired
	AuditLog audit;

	ToolBrowser browser;

	Platform schoolPlatform;

	Platform victimPlatform;

	@DynamicPropertySource
	static void allowList(DynamicPropertyRegistry registry) {
		registry.add("lti.registration.allowed-issuers", () -> school.issuer() + "," + victim.issuer());
	}

	@AfterAll
	static void stop() {
		school.close();
		attacker.close();
		victim.close();
	}

	@BeforeEach
	void registerPlatforms() {
		this.schoolPlatform = this.registrations.register(school.settings(), PlatformSource.FILE);
		this.victimPlatform = this.registrations.register(victim.settings(), PlatformSource.FILE);
		schoolRegistration.keysOf(attacker).clientId(PlatformSimulator.CLIENT_ID);
		attackerRegistration.issuer(null);
		attackerRegistration.clientId(PlatformSimulator.CLIENT_ID);
		this.browser = new ToolBrowser("http://localhost:" + this.port);
	}

	@Test
	void takeoverThroughRegistrationLinkIsRefusedAndAudited() {
		String link = this.invites.create("Andere school", "beheerder");
		HttpResponse<String> page = register(schoolRegistration, link);
		DynamicRegistrationTests.assertRefused(page, 409, "PLATFORM_EXISTS");
		assertThat(page.body()).contains("is al geregistreerd").contains("opnieuw registreren");
		assertUnchanged(this.schoolPlatform);
		assertAudited("platform.register-refused", "Andere school", "PLATFORM_EXISTS");
		assertThat(this.audit.recent(1).get(0).after()).as("the audit names the platform that was kept")
			.contains("platform " + this.schoolPlatform.id());
		assertThat(this.invites.valid(link)).as("a refused registration does not use the link up").isPresent();
		assertLaunches(school);
		assertThat(launch(attacker, school).statusCode()).as("the attacker cannot launch as the school")
			.isNotEqualTo(303);
	}

	@Test
	void takeoverThroughAllowListIsRefusedAndAudited() {
		HttpResponse<String> page = register(schoolRegistration, null);
		DynamicRegistrationTests.assertRefused(page, 409, "PLATFORM_EXISTS");
		assertUnchanged(this.schoolPlatform);
		assertAudited("platform.register-refused", "allow-list", "PLATFORM_EXISTS");
		assertLaunches(school);
	}

	@Test
	void takeoverFromLookAlikeAddressThroughRegistrationLinkIsRefusedAndAudited() {
		attackerRegistration.issuer(victim.issuer());
		String link = this.invites.create("Andere school", "beheerder");
		HttpResponse<String> page = register(attackerRegistration, link);
		DynamicRegistrationTests.assertRefused(page, 400, "ISSUER_MISMATCH");
		assertThat(attackerRegistration.lastRegistration()).isNull();
		assertUnchanged(this.victimPlatform);
		assertAudited("platform.register-refused", "Andere school", "ISSUER_MISMATCH");
		assertLaunches(victim);
	}

	@Test
	void takeoverFromLookAlikeAddressThroughAllowListIsRefused() {
		attackerRegistration.issuer(victim.issuer());
		int fetches = attackerRegistration.configurationFetches();
		HttpResponse<String> page = register(attackerRegistration, null);
		DynamicRegistrationTests.assertRefused(page, 403, "ISSUER_NOT_ALLOWED");
		assertThat(attackerRegistration.configurationFetches()).as("the look-alike is not contacted")
			.isEqualTo(fetches);
		assertUnchanged(this.victimPlatform);
		assertLaunches(victim);
	}

	@Test
	void reregistrationLinkForPlatformReregistersItWithItsNewKeys() {
		PlatformSimulator newKeys = PlatformSimulator.start().withIssuer(school.issuer());
		try {
			schoolRegistration.keysOf(newKeys);
			String link = this.invites.createReregistration(this.schoolPlatform.id(), "ROC Test", "beheerder");
			HttpResponse<String> page = register(schoolRegistration, link);
			assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
			Platform reregistered = this.registrations.findById(this.schoolPlatform.id()).orElseThrow();
			assertThat(reregistered.jwksUri()).isEqualTo(newKeys.jwksUri());
			assertThat(reregistered.name()).isEqualTo("ROC Test");
			assertThat(reregistered.source()).isEqualTo(PlatformSource.FILE);
			assertThat(this.registrations.findAll().stream().filter((p) -> p.issuer().equals(school.issuer())))
				.as("no second platform")
				.hasSize(1);
			assertAudited("platform.reregister", "ROC Test", "platform " + this.schoolPlatform.id());
			assertLaunches(newKeys);
			assertThat(this.invites.valid(link)).as("single use").isEmpty();
		}
		finally {
			newKeys.close();
		}
	}

	@Test
	void reregistrationLinkIsRefusedForAnotherIssuer() {
		String link = this.invites.createReregistration(this.schoolPlatform.id(), "ROC Test", "beheerder");
		HttpResponse<String> page = register(attackerRegistration, link);
		DynamicRegistrationTests.assertRefused(page, 403, "REREGISTRATION_MISMATCH");
		assertThat(attackerRegistration.lastRegistration()).as("the platform is not asked to register").isNull();
		assertThat(this.registrations.find(attacker.issuer(), PlatformSimulator.CLIENT_ID)).isEmpty();
		assertUnchanged(this.schoolPlatform);
		assertAudited("platform.register-refused", "ROC Test", "REREGISTRATION_MISMATCH");
	}

	@Test
	void reregistrationLinkIsRefusedForAnotherClientId() {
		schoolRegistration.clientId("another-client");
		String link = this.invites.createReregistration(this.schoolPlatform.id(), "ROC Test", "beheerder");
		HttpResponse<String> page = register(schoolRegistration, link);
		DynamicRegistrationTests.assertRefused(page, 403, "REREGISTRATION_MISMATCH");
		assertUnchanged(this.schoolPlatform);
		assertThat(this.registrations.find(school.issuer(), "another-client")).isEmpty();
		assertLaunches(school);
	}

	@Test
	void registrationLinkIsUsedOnceEvenByTwoRegistrationsAtOnce() throws Exception {
		PlatformSimulator first = PlatformSimulator.start();
		PlatformSimulator second = PlatformSimulator.start();
		try {
			CyclicBarrier bothAsked = new CyclicBarrier(2);
			Runnable await = () -> {
				try {
					bothAsked.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException | BrokenBarrierException | TimeoutException ex) {
					throw new IllegalStateException(ex);
				}
			};
			MoodleRegistrationEndpoints one = new MoodleRegistrationEndpoints(first, "tok");
			MoodleRegistrationEndpoints two = new MoodleRegistrationEndpoints(second, "tok");
			one.beforeAnswer(await);
			two.beforeAnswer(await);
			String link = this.invites.create("ROC Gelijktijdig", "beheerder");
			CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> register(one, link));
			CompletableFuture<HttpResponse<String>> b = CompletableFuture
				.supplyAsync(() -> new ToolBrowser(this.browser.toolBaseUrl()).get(registerPath(two, link)));
			List<Integer> statuses = List.of(a.get(30, TimeUnit.SECONDS).statusCode(),
					b.get(30, TimeUnit.SECONDS).statusCode());
			assertThat(statuses).containsExactlyInAnyOrder(200, 403);
			long created = this.registrations.findAll()
				.stream()
				.filter((platform) -> platform.name().equals("ROC Gelijktijdig"))
				.count();
			assertThat(created).isEqualTo(1);
			assertAudited("platform.register", "ROC Gelijktijdig", "platform ");
		}
		finally {
			first.close();
			second.close();
		}
	}

	private HttpResponse<String> register(MoodleRegistrationEndpoints platform, String link) {
		return this.browser.get(registerPath(platform, link));
	}

	private static String registerPath(MoodleRegistrationEndpoints platform, String link) {
		return "/lti/register?openid_configuration="
				+ URLEncoder.encode(platform.configurationUrl(), StandardCharsets.UTF_8) + "&registration_token=tok"
				+ ((link != null) ? "&invite=" + URLEncoder.encode(link, StandardCharsets.UTF_8) : "");
	}

	private void assertUnchanged(Platform before) {
		Platform now = this.registrations.findById(before.id()).orElseThrow();
		assertThat(now.settings()).isEqualTo(before.settings());
		assertThat(now.source()).isEqualTo(before.source());
	}

	private void assertAudited(String action, String... words) {
		AuditLog.AuditEvent last = this.audit.recent(1).get(0);
		assertThat(last.action()).isEqualTo(action);
		assertThat(last.target()).contains(words);
	}

	private void assertLaunches(PlatformSimulator platform) {
		HttpResponse<String> launch = launch(platform, platform);
		assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
	}

	/** A login initiation and launch from the platform, with the id_token signed by the signer's key. */
	private HttpResponse<String> launch(PlatformSimulator signer, PlatformSimulator platform) {
		ToolBrowser user = new ToolBrowser(this.browser.toolBaseUrl());
		ToolBrowser.LoginRedirect login = user.initiateLogin(platform);
		return user.launch(signer.sign(TestLaunches.resourceLink(platform, user.toolBaseUrl()).claims(login.nonce())),
				login.state());
	}

}
