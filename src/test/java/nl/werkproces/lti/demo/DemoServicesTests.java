package nl.werkproces.lti.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.ags.ActivityProgress;
import nl.werkproces.lti.ags.AgsClient;
import nl.werkproces.lti.ags.GradingProgress;
import nl.werkproces.lti.ags.LineItem;
import nl.werkproces.lti.ags.Score;
import nl.werkproces.lti.ags.ScoreResult;
import nl.werkproces.lti.delivery.DeliveryState;
import nl.werkproces.lti.delivery.Grade;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.delivery.GradeTarget;
import nl.werkproces.lti.keys.ToolKeys;
import nl.werkproces.lti.nrps.Membership;
import nl.werkproces.lti.nrps.NrpsClient;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.services.PlatformAccessTokens;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.spec.LtiScopes;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo platform's token endpoint, gradebook and memberships, used by the tool over real HTTP. */
@PlatformServicesTest
class DemoServicesTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoPlatformHolder holder;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	PlatformAccessTokens tokens;

	@Autowired
	AgsClient ags;

	@Autowired
	NrpsClient nrps;

	@Autowired
	GradeOutbox outbox;

	@Autowired
	GradeDeliveryWorker worker;

	@Autowired
	ToolKeys keys;

	@Autowired
	DemoGradebook gradebook;

	@Autowired
	JsonMapper json;

	DemoPlatform demo;

	Platform platform;

	@BeforeEach
	void findDemoPlatform() {
		this.demo = this.holder.platform();
		this.platform = this.registrations.find(this.demo.issuer(), DemoPlatform.CLIENT_ID).orElseThrow();
	}

	@Test
	void tokenEndpointAcceptsTheToolsAssertion() {
		assertThat(this.tokens.token(this.platform, Set.of(LtiScopes.SCORE)).value()).isNotBlank();
	}

	@Test
	void tokenEndpointRefusesAnAssertionSignedWithAnotherKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		Instant now = Instant.now();
		String forged = Jwts.builder()
			.header().keyId(this.keys.signingKey().kid()).and()
			.issuer(DemoPlatform.CLIENT_ID).subject(DemoPlatform.CLIENT_ID)
			.audience().single(this.demo.tokenUrl())
			.issuedAt(Date.from(now.minusSeconds(5))).expiration(Date.from(now.plusSeconds(300)))
			.id(UUID.randomUUID().toString())
			.signWith(generator.generateKeyPair().getPrivate(), Jwts.SIG.RS256)
			.compact();
		HttpResponse<String> response = postToken(forged);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Signature verification failed").doesNotContain("access_token");
	}

	@Test
	void tokenEndpointRefusesAnAssertionForAnotherAudience() throws Exception {
		Instant now = Instant.now();
		String assertion = Jwts.builder()
			.header().keyId(this.keys.signingKey().kid()).and()
			.issuer(DemoPlatform.CLIENT_ID).subject(DemoPlatform.CLIENT_ID)
			.audience().single("https://elsewhere.example/token")
			.issuedAt(Date.from(now.minusSeconds(5))).expiration(Date.from(now.plusSeconds(300)))
			.signWith(this.keys.signingKey().privateKey(), Jwts.SIG.RS256)
			.compact();
		HttpResponse<String> response = postToken(assertion);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_audience");
	}

	@Test
	void gradeQueuedByTheToolAppearsOnTheGradebookPage() throws Exception {
		GradeTarget target = GradeTarget.lineItem(this.platform.id(),
				this.demo.lineItemUrl(DemoGradebook.ACTIVITY_LINE_ITEM));
		this.outbox.enqueue(target, Grade.finished("demo-student-2", 7.5, 10,
				"B1-K1-W1: voldoende, cijfer 7,5\n\nAlgemene opmerking: Sterk plan\n\n1. Plant de werkzaamheden — 3 goed"));
		this.worker.deliverDue();
		assertThat(this.outbox.status(target, "demo-student-2").orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
		String page = get("/demo/gradebook");
		assertThat(page).contains("Cijferoverzicht", "Mohammed El Amrani", "7,5", "B1-K1-W1: voldoende, cijfer 7,5")
			.as("the teacher's remarks, line by line").contains("Algemene opmerking: Sterk plan\n\n1. Plant");
		assertThat(get("/demo/gradebook?lang=en")).contains("Gradebook", "Comment");
	}

	@Test
	void gradebookShowsTheScoresTimeOnTheSchoolsClock() throws Exception {
		String lineItem = this.ags.findOrCreateLineItem(this.platform, this.demo.lineItemsUrl(),
				LineItem.of("Werkproces B1-K3-W1 (demo)", 10, "B1-K3-W1", "werkproces")).id();
		// the moment OneClockTests shows on every page of the tool: after 23:00 UTC, the next day in Amsterdam
		Instant lateEvening = Instant.parse("2026-12-02T23:43:00Z");
		this.ags.postScore(this.platform, lineItem, Score.of("demo-student-2", 6.0, 10.0, null, lateEvening,
				ActivityProgress.Completed, GradingProgress.FullyGraded));
		assertThat(get("/demo/gradebook")).contains("3 december 2026 00:43 (Midden-Europese tijd)").doesNotContain("UTC");
		assertThat(get("/demo/gradebook?lang=en")).contains("3 December 2026 00:43 (Central European Time)");
	}

	@Test
	void gradebookFollowsMoodlesRulesForOlderAndStatusOnlyScores() {
		String lineItem = this.ags.findOrCreateLineItem(this.platform, this.demo.lineItemsUrl(),
				LineItem.of("Werkproces B1-K2-W2 (demo)", 27, "B1-K2-W2", "werkproces")).id();
		Instant at = Instant.parse("2026-11-30T10:00:00.500Z");
		assertThat(this.ags.postScore(this.platform, lineItem, score(19.0, at, GradingProgress.FullyGraded)).outcome())
			.isEqualTo(ScoreResult.Outcome.DELIVERED);
		assertThat(this.ags.postScore(this.platform, lineItem, score(20.0, at.plusMillis(300), GradingProgress.FullyGraded))
			.outcome()).isEqualTo(ScoreResult.Outcome.ALREADY_NEWER);
		this.ags.postScore(this.platform, lineItem, score(null, at.plusSeconds(5), GradingProgress.PendingManual));
		int id = Integer.parseInt(lineItem.replaceAll(".*/lineitems/(\\d+)/lineitem.*", "$1"));
		DemoGradebook.DemoGrade grade = this.gradebook.grade(id, "demo-student-1").orElseThrow();
		assertThat(grade.scoreGiven()).as("a status-only score clears the grade").isNull();
		assertThat(grade.scoreMaximum()).as("and keeps the column's maximum").isEqualTo(27.0);
		ScoreResult teacher = this.ags.postScore(this.platform, lineItem, new Score("demo-teacher-1", 5.0, 27.0, null,
				"2026-11-30T10:01:00.000Z", ActivityProgress.Completed, GradingProgress.FullyGraded));
		assertThat(teacher.outcome()).isEqualTo(ScoreResult.Outcome.REJECTED);
		assertThat(teacher.detail()).isEqualTo("Incorrect score received");
	}

	@Test
	void membershipsListTheDemoCourseOverSeveralPages() {
		List<Membership> members = this.nrps.members(this.platform, this.demo.membershipsUrl() + "?limit=2");
		assertThat(members).extracting(Membership::userId)
			.containsExactly("demo-student-1", "demo-student-2", "demo-teacher-1", "demo-teacher-2");
		assertThat(members.get(0).name()).isEqualTo("Sanne de Vries");
		assertThat(members.get(2).hasRole("Instructor")).isTrue();
	}

	@Test
	void launchCarriesTheServiceEndpoints() {
		String idToken = this.demo.resourceLinkIdToken(DemoUser.STUDENT, new DemoActivities.DemoActivity(DemoPlatform.RESOURCE_LINK_ID, "Werkproces B1-K1-W1 (demo)", java.util.Map.of(), DemoGradebook.ACTIVITY_LINE_ITEM), "nonce", "nl", "iframe");
		Map<?, ?> claims = this.json.readValue(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), Map.class);
		Map<?, ?> ags = (Map<?, ?>) claims.get(LtiClaims.AGS_ENDPOINT);
		assertThat(ags.get("lineitems")).isEqualTo(this.demo.lineItemsUrl());
		assertThat(ags.get("lineitem")).isEqualTo(this.demo.lineItemUrl(1));
		assertThat(ags.get("scope")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains(LtiScopes.SCORE, LtiScopes.LINEITEM);
		assertThat(((Map<?, ?>) claims.get(LtiClaims.NRPS)).get("context_memberships_url"))
			.isEqualTo(this.demo.membershipsUrl());
	}

	private static Score score(Double given, Instant at, GradingProgress progress) {
		return Score.of("demo-student-1", given, 27.0, null, at, ActivityProgress.Completed, progress);
	}

	private HttpResponse<String> postToken(String assertion) throws Exception {
		String form = "grant_type=client_credentials&client_assertion_type="
				+ URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
				+ "&client_assertion=" + assertion + "&scope=" + URLEncoder.encode(LtiScopes.SCORE, StandardCharsets.UTF_8);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.demo.tokenUrl()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
