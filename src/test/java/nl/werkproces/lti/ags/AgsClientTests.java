package nl.werkproces.lti.ags;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedServices;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;
import nl.werkproces.lti.testing.SimulatedServices.RecordedRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Line items and scores against a simulated Moodle over real HTTP (LTI.md §5). */
@PlatformServicesTest
class AgsClientTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	AgsClient ags;

	@Autowired
	JsonMapper json;

	PlatformSimulator simulator;

	SimulatedServices services;

	Platform platform;

	@BeforeEach
	void registerPlatform() {
		this.simulator = PlatformSimulator.start();
		this.services = this.simulator.services().trustToolJwks("http://localhost:" + this.port + "/.well-known/jwks.json");
		this.platform = this.registrations.register(this.simulator.settings(), PlatformSource.ADMIN);
	}

	@AfterEach
	void stopPlatform() {
		this.simulator.close();
	}

	@Test
	void scorePostHasScoreMediaTypeBearerTokenAndQueryStringKept() {
		Instant at = Instant.parse("2026-11-30T03:33:34.406Z");
		ScoreResult result = this.ags.postScore(this.platform, this.services.lineItemUrl(2), Score.of("4", 6.0, 10.0,
				"B1-K2-W2: voldoende", at, ActivityProgress.Completed, GradingProgress.FullyGraded));
		assertThat(result.outcome()).isEqualTo(ScoreResult.Outcome.DELIVERED);
		RecordedRequest post = this.services.requests(Endpoint.SCORES).get(0);
		assertThat(post.method()).isEqualTo("POST");
		assertThat(post.uri())
			.isEqualTo(this.simulator.baseUrl() + "/mod/lti/services.php/2/lineitems/2/lineitem/scores?type_id=1");
		assertThat(post.header("Content-Type")).isEqualTo("application/vnd.ims.lis.v1.score+json");
		assertThat(post.header("Authorization")).matches("Bearer [0-9a-f]{32}");
		Map<String, Object> body = this.json.readValue(post.body(), new tools.jackson.core.type.TypeReference<>() {
		});
		assertThat(body).containsExactlyInAnyOrderEntriesOf(Map.of("userId", "4", "scoreGiven", 6.0, "scoreMaximum",
				10.0, "comment", "B1-K2-W2: voldoende", "timestamp", "2026-11-30T03:33:34.406Z", "activityProgress",
				"Completed", "gradingProgress", "FullyGraded"));
		assertThat(this.services.score(2, "4").scoreGiven()).isEqualTo(6.0);
	}

	@Test
	void oneTokenServesManyScores() {
		for (int second = 0; second < 4; second++) {
			assertThat(post("4", Instant.parse("2026-11-30T10:00:00Z").plusSeconds(second)).outcome())
				.isEqualTo(ScoreResult.Outcome.DELIVERED);
		}
		assertThat(this.services.requests(Endpoint.TOKEN)).hasSize(1);
		assertThat(this.services.requests(Endpoint.SCORES)).hasSize(4);
	}

	@Test
	void refusedTokenIsReplacedOnceAndTheScoreDelivered() {
		post("4", Instant.parse("2026-11-30T10:00:00Z"));
		this.services.revokeTokens();
		ScoreResult result = post("4", Instant.parse("2026-11-30T10:00:01Z"));
		assertThat(result.outcome()).isEqualTo(ScoreResult.Outcome.DELIVERED);
		assertThat(this.services.requests(Endpoint.TOKEN)).hasSize(2);
		List<RecordedRequest> scores = this.services.requests(Endpoint.SCORES);
		assertThat(scores).hasSize(3);
		assertThat(scores.get(1).header("Authorization")).isNotEqualTo(scores.get(2).header("Authorization"));
	}

	@Test
	void unauthorizedTwiceIsRetriedOnlyOnce() {
		this.services.failNext(Endpoint.SCORES, 401, 2);
		ScoreResult result = post("4", Instant.parse("2026-11-30T10:00:00Z"));
		assertThat(result.outcome()).isEqualTo(ScoreResult.Outcome.TEMPORARILY_FAILING);
		assertThat(this.services.requests(Endpoint.SCORES)).hasSize(2);
		assertThat(this.services.requests(Endpoint.TOKEN)).hasSize(2);
	}

	@Test
	void sameTimestampAgainIsAlreadyNewer() {
		post("4", Instant.parse("2026-11-30T10:00:00.100Z"));
		ScoreResult again = post("4", Instant.parse("2026-11-30T10:00:00.900Z"));
		assertThat(again.outcome()).isEqualTo(ScoreResult.Outcome.ALREADY_NEWER);
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void userWithoutGradedRoleIsRejectedWithThePlatformsText() {
		ScoreResult result = post("3", Instant.parse("2026-11-30T10:00:00Z"));
		assertThat(result.outcome()).isEqualTo(ScoreResult.Outcome.REJECTED);
		assertThat(result.status()).isEqualTo(400);
		assertThat(result.detail()).isEqualTo("Incorrect score received");
	}

	@Test
	void serverErrorAndTimeoutAreTemporary() {
		this.services.failNext(Endpoint.SCORES, 500, 1).failNext(Endpoint.SCORES, SimulatedServices.TIMEOUT, 1);
		ScoreResult error = post("4", Instant.parse("2026-11-30T10:00:00Z"));
		ScoreResult timeout = post("4", Instant.parse("2026-11-30T10:00:01Z"));
		assertThat(error.outcome()).isEqualTo(ScoreResult.Outcome.TEMPORARILY_FAILING);
		assertThat(error.status()).isEqualTo(500);
		assertThat(timeout.outcome()).isEqualTo(ScoreResult.Outcome.TEMPORARILY_FAILING);
		assertThat(timeout.detail()).contains("did not answer");
	}

	@Test
	void lineItemPagingFollowsMoodlesCurlyQuotedEscapedLinks() {
		this.services.addLineItem(3, "Harness extra column", 20, "harness-res-2", "harness-tag");
		this.services.addLineItem(4, "Deep-linked harness item", 50, "dl-res-1", "dl-tag");
		List<LineItem> items = this.ags.lineItems(this.platform, this.services.lineItemsUrl() + "&limit=1");
		assertThat(items).extracting(LineItem::id)
			.containsExactly(this.services.lineItemUrl(2), this.services.lineItemUrl(3), this.services.lineItemUrl(4));
		assertThat(this.services.requests(Endpoint.LINE_ITEMS)).extracting(RecordedRequest::uri)
			.containsExactly(this.services.lineItemsUrl() + "&limit=1",
					this.services.lineItemsUrl() + "&limit=1&from=1", this.services.lineItemsUrl() + "&limit=1&from=2");
	}

	@Test
	void findOrCreateFindsByResourceIdAndCreatesWhenMissing() {
		this.services.addLineItem(3, "Netwerk beheren", 10, "B1-K2-W2", "werkproces");
		LineItem found = this.ags.findOrCreateLineItem(this.platform, this.services.lineItemsUrl(),
				LineItem.of("Netwerk beheren", 10, "B1-K2-W2", "werkproces"));
		LineItem created = this.ags.findOrCreateLineItem(this.platform, this.services.lineItemsUrl(),
				LineItem.of("Werkplek inrichten", 10, "B1-K1-W1", "werkproces"));
		assertThat(found.id()).isEqualTo(this.services.lineItemUrl(3));
		assertThat(created.id()).isEqualTo(this.services.lineItemUrl(4));
		RecordedRequest create = this.services.requests(Endpoint.LINE_ITEMS).stream()
			.filter((request) -> request.method().equals("POST"))
			.findFirst()
			.orElseThrow();
		assertThat(create.header("Content-Type")).isEqualTo("application/vnd.ims.lis.v2.lineitem+json");
		assertThat(this.json.readValue(create.body(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
		})).containsExactlyInAnyOrderEntriesOf(Map.of("label",
				"Werkplek inrichten", "scoreMaximum", 10.0, "resourceId", "B1-K1-W1", "tag", "werkproces"));
	}

	private ScoreResult post(String userId, Instant at) {
		return this.ags.postScore(this.platform, this.services.lineItemUrl(2),
				Score.of(userId, 7.0, 10.0, null, at, ActivityProgress.Completed, GradingProgress.FullyGraded));
	}

}
