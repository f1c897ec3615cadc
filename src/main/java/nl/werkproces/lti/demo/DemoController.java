package nl.werkproces.lti.demo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.launch.SecureTokens;
import nl.werkproces.lti.web.FrameAncestorsFilter;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo platform's pages and endpoints: a course page with launch buttons, the platform side of the OIDC
 * login (initiation and authorization endpoint) and its key set. It speaks to the tool exactly as Moodle does,
 * through the browser and over HTTP.
 */
@Controller
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoController {

	private final DemoPlatformHolder holder;

	private final ToolUrls urls;

	private final DemoActivities activities;

	DemoController(DemoPlatformHolder holder, ToolUrls urls, DemoActivities activities) {
		this.holder = holder;
		this.urls = urls;
		this.activities = activities;
	}

	/** The demo course with its people; on another host name than the platform's, go to the platform's. */
	@GetMapping("/demo")
	Object course(HttpServletRequest request, Model model, HttpServletResponse response) {
		DemoPlatform demo = this.holder.platform();
		if (!sameOrigin(this.urls.baseUrl(request), URI.create(demo.baseUrl()))) {
			return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(demo.baseUrl() + "/demo")).build();
		}
		model.addAttribute("issuer", demo.issuer());
		model.addAttribute("toolOrigin", demo.toolOrigin());
		FrameAncestorsFilter.allowFramesOf(response, demo.toolOrigin());
		model.addAttribute("activities", this.activities.all());
		model.addAttribute("clientId", DemoPlatform.CLIENT_ID);
		model.addAttribute("deploymentId", DemoPlatform.DEPLOYMENT_ID);
		return "demo/course";
	}

	/** The platform starts a launch: an auto-submitted login initiation to the tool, as Moodle posts it. */
	@GetMapping("/demo/platform/launch")
	String launch(@RequestParam String user, @RequestParam(defaultValue = "iframe") String target,
			@RequestParam(defaultValue = "nl") String lang,
			@RequestParam(defaultValue = DemoPlatform.RESOURCE_LINK_ID) String activity,
			@RequestParam(defaultValue = "link") String kind, Model model, HttpServletResponse response) {
		DemoPlatform demo = this.holder.platform();
		DemoUser demoUser = DemoUser.bySubject(user)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown demo user"));
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("iss", demo.issuer());
		fields.put("login_hint", demoUser.subject());
		fields.put("target_link_uri", demo.toolLaunchUrl());
		if (this.activities.find(activity).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown demo activity");
		}
		fields.put("lti_message_hint", hint(target, lang) + ":" + messageKind(kind) + ":" + activity);
		fields.put("client_id", DemoPlatform.CLIENT_ID);
		fields.put("lti_deployment_id", DemoPlatform.DEPLOYMENT_ID);
		if (!"window".equals(target)) {
			// the course page around the iframe keeps state and nonce for the tool (LTI Client Side postMessages)
			fields.put("lti_storage_target", "_parent");
		}
		model.addAttribute("action", demo.toolBaseUrl() + "/lti/login");
		FrameAncestorsFilter.allowFormsTo(response, demo.toolOrigin());
		model.addAttribute("fields", fields);
		return "demo/autopost";
	}

	/**
	 * The platform's OIDC authorization endpoint: checks the tool's authentication request like Moodle's
	 * {@code auth.php} and answers with a signed id_token, form_posted to the redirect URI.
	 */
	@GetMapping("/demo/platform/auth")
	String authorize(@RequestParam Map<String, String> request, Model model, HttpServletResponse response) {
		DemoPlatform demo = this.holder.platform();
		require("openid".equals(request.get("scope")), "scope");
		require("id_token".equals(request.get("response_type")), "response_type");
		require("form_post".equals(request.get("response_mode")), "response_mode");
		require("none".equals(request.get("prompt")), "prompt");
		require(DemoPlatform.CLIENT_ID.equals(request.get("client_id")), "client_id");
		require(demo.toolLaunchUrl().equals(request.get("redirect_uri")), "redirect_uri");
		require(request.get("state") != null && request.get("nonce") != null, "state/nonce");
		DemoUser user = DemoUser.bySubject(Objects.requireNonNullElse(request.get("login_hint"), ""))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "login_hint"));
		String[] hint = Objects.requireNonNullElse(request.get("lti_message_hint"), "iframe:nl").split(":", 4);
		String locale = (hint.length > 1) ? hint[1] : "nl";
		String idToken;
		if (hint.length > 2 && "dl".equals(hint[2])) {
			require(!user.learner(), "only teachers add activities");
			idToken = demo.deepLinkingIdToken(user, request.get("nonce"), locale, hint[0], "demo-" + SecureTokens.next(),
					true);
		}
		else if (hint.length > 3 && "edit".equals(hint[2])) {
			// "choose new content" of an existing activity: the answer replaces that activity's content
			require(!user.learner(), "only teachers choose content");
			DemoActivities.DemoActivity activity = this.activities.find(hint[3])
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown activity"));
			idToken = demo.deepLinkingIdToken(user, request.get("nonce"), locale, hint[0],
					DemoDeepLinkingController.EDIT_PREFIX + activity.resourceLinkId(), false);
		}
		else {
			DemoActivities.DemoActivity activity = this.activities
				.find((hint.length > 3) ? hint[3] : DemoPlatform.RESOURCE_LINK_ID)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown activity"));
			idToken = demo.resourceLinkIdToken(user, activity, request.get("nonce"), locale, hint[0]);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id_token", idToken);
		fields.put("state", request.get("state"));
		model.addAttribute("action", demo.toolLaunchUrl());
		FrameAncestorsFilter.allowFormsTo(response, demo.toolOrigin());
		model.addAttribute("fields", fields);
		return "demo/autopost";
	}

	@GetMapping(path = "/demo/platform/jwks", produces = "application/json")
	@ResponseBody
	Map<String, Object> jwks() {
		return this.holder.platform().jwks();
	}

	private static String messageKind(String kind) {
		return switch (kind) {
			case "dl", "edit" -> kind;
			default -> "link";
		};
	}

	private static String hint(String target, String lang) {
		String documentTarget = "window".equals(target) ? "window" : "iframe";
		String locale = "en".equals(lang) ? "en" : "nl";
		return documentTarget + ":" + locale;
	}

	private static void require(boolean condition, String parameter) {
		if (!condition) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Invalid request: " + parameter);
		}
	}

	private static boolean sameOrigin(URI a, URI b) {
		return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
				&& a.getPort() == b.getPort();
	}

}
