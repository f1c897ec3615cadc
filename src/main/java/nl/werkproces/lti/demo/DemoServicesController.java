package nl.werkproces.lti.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.ags.AgsMediaTypes;
import nl.werkproces.lti.ags.LineItem;
import nl.werkproces.lti.ags.Score;
import nl.werkproces.lti.nrps.NrpsClient;
import nl.werkproces.lti.spec.LtiScopes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo platform's services, reached by the tool server-to-server: the token endpoint (answers JSON labelled
 * {@code text/html}, like Moodle), AGS line items and scores, and NRPS memberships of the demo course (paged).
 * Exempt from CSRF: they are called with a bearer token or a client assertion, never by a browser form.
 */
@RestController
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoServicesController {

	private static final MediaType MOODLE_JSON = MediaType.parseMediaType("text/html; charset=utf-8");

	private final DemoPlatformHolder holder;

	private final DemoAccessTokens tokens;

	private final DemoGradebook gradebook;

	private final JsonMapper json;

	DemoServicesController(DemoPlatformHolder holder, DemoAccessTokens tokens, DemoGradebook gradebook,
			JsonMapper json) {
		this.holder = holder;
		this.tokens = tokens;
		this.gradebook = gradebook;
		this.json = json;
	}

	@PostMapping(path = "/demo/platform/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> token(@RequestParam Map<String, String> form) {
		if (!"client_credentials".equals(form.get("grant_type"))
				|| !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
				|| form.get("client_assertion") == null) {
			return answer(400, MOODLE_JSON, Map.of("error", "invalid_request"));
		}
		DemoAccessTokens.Grant grant = this.tokens.grant(this.holder.platform(), form.get("client_assertion"),
				form.get("scope"));
		if (grant.error() != null) {
			return answer(400, MOODLE_JSON, Map.of("error", grant.error()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", grant.accessToken());
		body.put("token_type", "Bearer");
		body.put("expires_in", DemoAccessTokens.LIFETIME.toSeconds());
		body.put("scope", grant.scope());
		return answer(200, MOODLE_JSON, body);
	}

	@GetMapping("/demo/platform/services/lineitems")
	ResponseEntity<String> lineItems(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer) {
		if (!this.tokens.allows(bearer, LtiScopes.LINEITEM) && !this.tokens.allows(bearer, LtiScopes.LINEITEM_READONLY)) {
			return unauthorized();
		}
		List<Map<String, Object>> items = this.gradebook.lineItems().stream().map(this::view).toList();
		return answer(200, MediaType.parseMediaType(AgsMediaTypes.LINE_ITEM_CONTAINER), items);
	}

	@PostMapping(path = "/demo/platform/services/lineitems", consumes = AgsMediaTypes.LINE_ITEM)
	ResponseEntity<String> createLineItem(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer, @RequestBody String body) {
		if (!this.tokens.allows(bearer, LtiScopes.LINEITEM)) {
			return unauthorized();
		}
		LineItem wanted;
		try {
			wanted = this.json.readValue(body, LineItem.class);
		}
		catch (JacksonException ex) {
			return answer(400, MediaType.APPLICATION_JSON, Map.of("status", 400, "reason", "Invalid line item"));
		}
		if (wanted.label() == null || wanted.label().isBlank()) {
			return answer(400, MediaType.APPLICATION_JSON, Map.of("status", 400, "reason", "Invalid line item"));
		}
		return answer(201, MediaType.parseMediaType(AgsMediaTypes.LINE_ITEM), view(this.gradebook.create(wanted)));
	}

	@GetMapping("/demo/platform/services/lineitems/{id}/lineitem")
	ResponseEntity<String> lineItem(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
			@PathVariable int id) {
		if (!this.tokens.allows(bearer, LtiScopes.LINEITEM) && !this.tokens.allows(bearer, LtiScopes.LINEITEM_READONLY)) {
			return unauthorized();
		}
		return this.gradebook.lineItem(id)
			.map((item) -> answer(200, MediaType.parseMediaType(AgsMediaTypes.LINE_ITEM), view(item)))
			.orElseGet(() -> answer(404, MediaType.APPLICATION_JSON, Map.of("status", 404, "reason", "Not Found")));
	}

	@PostMapping(path = "/demo/platform/services/lineitems/{id}/lineitem/scores", consumes = AgsMediaTypes.SCORE)
	ResponseEntity<String> score(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
			@PathVariable int id, @RequestBody String body) {
		if (!this.tokens.allows(bearer, LtiScopes.SCORE)) {
			return unauthorized();
		}
		if (this.gradebook.lineItem(id).isEmpty()) {
			return answer(404, MediaType.APPLICATION_JSON, Map.of("status", 404, "reason", "Not Found"));
		}
		Score score;
		try {
			score = this.json.readValue(body, Score.class);
		}
		catch (JacksonException ex) {
			score = null;
		}
		MediaType scoreType = MediaType.parseMediaType(AgsMediaTypes.SCORE);
		DemoGradebook.ScoreAnswer result = (score != null) ? this.gradebook.record(id, score)
				: DemoGradebook.ScoreAnswer.INCORRECT;
		return switch (result) {
			case STORED -> ResponseEntity.ok().contentType(scoreType).body("");
			case NOT_NEWER -> ResponseEntity.status(409).contentType(scoreType).body("[]");
			case INCORRECT -> answer(400, MediaType.APPLICATION_JSON,
					Map.of("status", 400, "reason", "Incorrect score received"));
		};
	}

	@GetMapping("/demo/platform/services/memberships")
	ResponseEntity<String> memberships(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int from) {
		if (!this.tokens.allows(bearer, LtiScopes.NRPS_MEMBERSHIP_READONLY)) {
			return unauthorized();
		}
		DemoPlatform demo = this.holder.platform();
		List<DemoUser> users = List.of(DemoUser.values());
		int start = Math.min(Math.max(from, 0), users.size());
		int end = Math.min(start + Math.max(limit, 1), users.size());
		List<Map<String, Object>> members = new ArrayList<>();
		for (DemoUser user : users.subList(start, end)) {
			Map<String, Object> member = new LinkedHashMap<>();
			member.put("status", "Active");
			member.put("roles", List.of(user.shortRole()));
			member.put("user_id", user.subject());
			member.put("name", user.fullName());
			member.put("given_name", user.givenName());
			member.put("family_name", user.familyName());
			member.put("email", user.email());
			members.add(member);
		}
		Map<String, Object> container = new LinkedHashMap<>();
		container.put("id", demo.membershipsUrl());
		container.put("context", Map.of("id", DemoPlatform.CONTEXT_ID, "label", "ICT-2026", "title",
				"ICT-beheer leerjaar 2 (demo)"));
		container.put("members", members);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (end < users.size()) {
			response.header(HttpHeaders.LINK,
					"<" + demo.membershipsUrl() + "?limit=" + limit + "&from=" + end + ">; rel=\"next\"");
		}
		return response.contentType(MediaType.parseMediaType(NrpsClient.MEMBERSHIP_CONTAINER))
			.body(this.json.writeValueAsString(container));
	}

	private Map<String, Object> view(DemoGradebook.DemoLineItem item) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", this.holder.platform().lineItemUrl(item.id()));
		view.put("label", item.label());
		view.put("scoreMaximum", item.scoreMaximum());
		view.put("resourceId", (item.resourceId() != null) ? item.resourceId() : "");
		view.put("tag", (item.tag() != null) ? item.tag() : "");
		if (item.resourceLinkId() != null) {
			view.put("resourceLinkId", item.resourceLinkId());
		}
		return view;
	}

	private ResponseEntity<String> unauthorized() {
		return answer(401, MediaType.APPLICATION_JSON, Map.of("status", 401, "reason", "Unauthorized"));
	}

	private ResponseEntity<String> answer(int status, MediaType type, Object body) {
		return ResponseEntity.status(status).contentType(type).body(this.json.writeValueAsString(body));
	}

}
