package nl.werkproces.lti.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.spec.LtiClaims;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo platform's Deep Linking return URL (Moodle's {@code contentitem_return.php}): checks the tool's signed
 * answer against the tool's JWKS and adds each {@code ltiResourceLink} as an activity with its gradebook column.
 */
@Controller
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoDeepLinkingController {

	/** The {@code data} of a Deep Linking request that chooses new content for the activity named after it. */
	static final String EDIT_PREFIX = "edit:";

	private final DemoPlatformHolder holder;

	private final DemoActivities activities;

	private final JsonMapper json;

	DemoDeepLinkingController(DemoPlatformHolder holder, DemoActivities activities, JsonMapper json) {
		this.holder = holder;
		this.activities = activities;
		this.json = json;
	}

	@PostMapping("/demo/platform/deep-linking/return")
	String added(@RequestParam(name = "JWT") String jwt, Model model) {
		DemoPlatform demo = this.holder.platform();
		Claims claims;
		try {
			claims = Jwts.parser()
				.keyLocator(new DemoToolKeyLocator(demo.toolBaseUrl() + "/.well-known/jwks.json", this.json))
				.clockSkewSeconds(0)
				.requireIssuer(DemoPlatform.CLIENT_ID)
				.requireAudience(demo.issuer())
				.build()
				.parseSignedClaims(jwt)
				.getPayload();
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Invalid deep linking response");
		}
		if (!"LtiDeepLinkingResponse".equals(claims.get(LtiClaims.MESSAGE_TYPE))
				|| !DemoPlatform.DEPLOYMENT_ID.equals(claims.get(LtiClaims.DEPLOYMENT_ID))
				|| !(claims.get(LtiClaims.CONTENT_ITEMS) instanceof List<?> items)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Invalid deep linking response");
		}
		List<Map<?, ?>> links = items.stream()
			.filter((entry) -> entry instanceof Map<?, ?> item && "ltiResourceLink".equals(item.get("type")))
			.<Map<?, ?>>map((entry) -> (Map<?, ?>) entry)
			.toList();
		List<String> added = new java.util.ArrayList<>();
		if (claims.get(LtiClaims.DL_DATA) instanceof String data && data.startsWith(EDIT_PREFIX)) {
			// one item was asked for (accept_multiple false): it replaces the content of the edited activity
			if (links.size() != 1) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Invalid deep linking response");
			}
			String title = String.valueOf(links.get(0).get("title"));
			this.activities.replaceContent(data.substring(EDIT_PREFIX.length()), title, custom(links.get(0)))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown activity"));
			model.addAttribute("added", List.of(title));
			model.addAttribute("changed", true);
			return "demo/added";
		}
		for (Map<?, ?> item : links) {
			Map<?, ?> lineItem = (item.get("lineItem") instanceof Map<?, ?> line) ? line : Map.of();
			Double maximum = (lineItem.get("scoreMaximum") instanceof Number number) ? number.doubleValue() : null;
			String title = String.valueOf(item.get("title"));
			this.activities.add(title, custom(item), maximum, (String) lineItem.get("label"),
					(String) lineItem.get("resourceId"), (String) lineItem.get("tag"));
			added.add(title);
		}
		model.addAttribute("added", added);
		model.addAttribute("changed", false);
		return "demo/added";
	}

	private static Map<String, String> custom(Map<?, ?> item) {
		Map<String, String> custom = new LinkedHashMap<>();
		if (item.get("custom") instanceof Map<?, ?> values) {
			values.forEach((key, value) -> custom.put(String.valueOf(key), String.valueOf(value)));
		}
		return custom;
	}

}
