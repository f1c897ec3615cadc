package nl.werkproces.lti.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.keys.ToolKeys;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Kies nieuwe inhoud" on the demo course, over real HTTP: the platform sends a Deep Linking request for one
 * existing activity (one item, data naming the activity, as Moodle does when a teacher edits an activity), and the
 * tool's signed answer replaces that activity's title and custom values while its resource link id and gradebook
 * column stay, so the next launch of the same resource link carries the new setup.
 */
@PlatformServicesTest
class DemoChooseNewContentTests {

	private static final Pattern FIELD = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	DemoPlatformHolder holder;

	@Autowired
	DemoActivities activities;

	@Autowired
	DemoGradebook gradebook;

	@Autowired
	ToolKeys keys;

	@Autowired
	JsonMapper json;

	DemoActivities.DemoActivity activity;

	@BeforeEach
	void addActivity() {
		this.activity = this.activities.add("B1-K1-W1 Werkproces", Map.of("werkproces_setup", "setup-old"), 27.0,
				"B1-K1-W1 Werkproces", "B1-K1-W1", "werkproces");
	}

	@Test
	void theCoursePageOffersNewContentPerActivityAndTheRequestAsksForOneItemForThatActivity() throws Exception {
		assertThat(get("/demo").body()).contains("id=\"choose-content-" + this.activity.resourceLinkId() + "\"",
				"Kies nieuwe inhoud");
		assertThat(get("/demo?lang=en").body()).contains("Choose new content");

		Map<String, String> login = fields(get("/demo/platform/launch?user=demo-teacher-1&target=window&kind=edit"
				+ "&activity=" + this.activity.resourceLinkId()).body());
		assertThat(login.get("lti_message_hint")).isEqualTo("window:nl:edit:" + this.activity.resourceLinkId());

		HttpResponse<String> auth = authorize("demo-teacher-1", login.get("lti_message_hint"));
		assertThat(auth.statusCode()).isEqualTo(200);
		Map<?, ?> claims = payload(fields(auth.body()).get("id_token"));
		assertThat(claims.get(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingRequest");
		Map<?, ?> settings = (Map<?, ?>) claims.get(LtiClaims.DEEP_LINKING_SETTINGS);
		assertThat(settings.get("accept_multiple")).isEqualTo(false);
		assertThat(settings.get("data")).isEqualTo("edit:" + this.activity.resourceLinkId());
	}

	@Test
	void aStudentOrAnUnknownActivityGetsNoContentRequest() throws Exception {
		assertThat(authorize("demo-student-1", "iframe:nl:edit:" + this.activity.resourceLinkId()).statusCode())
			.isEqualTo(400);
		assertThat(authorize("demo-teacher-1", "iframe:nl:edit:demo-activity-0-none").statusCode()).isEqualTo(400);
		assertThat(get("/demo/platform/launch?user=demo-teacher-1&kind=edit&activity=demo-activity-0-none")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void theChosenContentReplacesTheActivitysSetupAndKeepsItsResourceLinkAndColumn() throws Exception {
		int activitiesBefore = this.activities.all().size();

		HttpResponse<String> answer = returnContent("edit:" + this.activity.resourceLinkId(),
				List.of(item("B1-K2-W2 Werkproces", "setup-new")));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("Nieuwe inhoud gekozen voor de activiteit", "B1-K2-W2 Werkproces");
		DemoActivities.DemoActivity changed = this.activities.find(this.activity.resourceLinkId()).orElseThrow();
		assertThat(changed.title()).isEqualTo("B1-K2-W2 Werkproces");
		assertThat(changed.custom()).containsEntry("werkproces_setup", "setup-new");
		assertThat(changed.lineItemId()).isEqualTo(this.activity.lineItemId());
		assertThat(this.activities.all()).as("no activity added").hasSize(activitiesBefore);
		assertThat(this.gradebook.lineItem(this.activity.lineItemId()).orElseThrow().label())
			.isEqualTo("B1-K2-W2 Werkproces");
		Map<?, ?> launch = payload(this.holder.platform()
			.resourceLinkIdToken(DemoUser.bySubject("demo-teacher-1").orElseThrow(), changed, "n", "nl", "iframe"));
		assertThat(((Map<?, ?>) launch.get(LtiClaims.RESOURCE_LINK)).get("id")).isEqualTo(this.activity.resourceLinkId());
		assertThat(((Map<?, ?>) launch.get(LtiClaims.CUSTOM)).get("werkproces_setup")).isEqualTo("setup-new");
	}

	@Test
	void anAnswerWithTwoItemsOrForAnUnknownActivityChangesNothing() throws Exception {
		assertThat(returnContent("edit:" + this.activity.resourceLinkId(),
				List.of(item("B1-K2-W2", "setup-a"), item("B1-K2-W3", "setup-b"))).statusCode()).isEqualTo(400);
		assertThat(returnContent("edit:demo-activity-0-none", List.of(item("B1-K2-W2", "setup-a"))).statusCode())
			.isEqualTo(400);
		assertThat(this.activities.find(this.activity.resourceLinkId())).contains(this.activity);
	}

	private static Map<String, Object> item(String title, String setupKey) {
		return Map.of("type", "ltiResourceLink", "title", title, "custom", Map.of("werkproces_setup", setupKey));
	}

	private HttpResponse<String> returnContent(String data, List<Map<String, Object>> items) throws Exception {
		Instant now = Instant.now();
		String jwt = Jwts.builder()
			.header().keyId(this.keys.signingKey().kid()).and()
			.issuer(DemoPlatform.CLIENT_ID)
			.audience().single(this.holder.platform().issuer())
			.issuedAt(Date.from(now)).expiration(Date.from(now.plusSeconds(300)))
			.claim("nonce", "n-" + now.toEpochMilli())
			.claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
			.claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION_1_3)
			.claim(LtiClaims.DEPLOYMENT_ID, DemoPlatform.DEPLOYMENT_ID)
			.claim(LtiClaims.CONTENT_ITEMS, items)
			.claim(LtiClaims.DL_DATA, data)
			.signWith(this.keys.signingKey().privateKey(), Jwts.SIG.RS256)
			.compact();
		return post("/demo/platform/deep-linking/return", Map.of("JWT", jwt));
	}

	private HttpResponse<String> authorize(String user, String messageHint) throws Exception {
		DemoPlatform demo = this.holder.platform();
		Map<String, String> request = new LinkedHashMap<>();
		request.put("scope", "openid");
		request.put("response_type", "id_token");
		request.put("response_mode", "form_post");
		request.put("prompt", "none");
		request.put("client_id", DemoPlatform.CLIENT_ID);
		request.put("redirect_uri", demo.toolLaunchUrl());
		request.put("state", "state-1");
		request.put("nonce", "nonce-1");
		request.put("login_hint", user);
		request.put("lti_message_hint", messageHint);
		return get("/demo/platform/auth?" + form(request));
	}

	private Map<?, ?> payload(String jwt) {
		return this.json.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
	}

	private static Map<String, String> fields(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = FIELD.matcher(page);
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2).replace("&amp;", "&"));
		}
		return fields;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> values) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(values)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
