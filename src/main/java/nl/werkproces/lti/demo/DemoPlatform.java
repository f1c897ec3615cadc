package nl.werkproces.lti.demo;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jsonwebtoken.Jwts;

import nl.werkproces.lti.keys.JsonWebKeys;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSettings;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.spec.LtiClaims;
import nl.werkproces.lti.spec.LtiScopes;
import nl.werkproces.lti.spec.MessageType;

/**
 * The demo platform's identity: its issuer and endpoints under {@code /demo/platform} of this server (perhaps
 * under another host name than the tool's), an RSA key
 * made at start-up (kept in memory: the tool refreshes its JWKS cache on the new kid after a restart), the
 * id_tokens it signs (with the AGS and NRPS endpoints of {@link DemoServicesController}).
 */
class DemoPlatform {

	static final String CLIENT_ID = "werkproces-demo";

	static final String DEPLOYMENT_ID = "demo-deployment-1";

	static final String CONTEXT_ID = "demo-course-ict-2026";

	static final String RESOURCE_LINK_ID = "demo-activity-1";

	private final String baseUrl;

	private final String toolBaseUrl;

	private final KeyPair keys = newKeyPair();

	private final String kid = UUID.randomUUID().toString();

	private final Clock clock;

	DemoPlatform(String baseUrl, String toolBaseUrl, Clock clock) {
		this.baseUrl = baseUrl;
		this.toolBaseUrl = toolBaseUrl;
		this.clock = clock;
	}

	/** Where the demo platform reaches the tool (the same server, perhaps under another host name). */
	String toolBaseUrl() {
		return this.toolBaseUrl;
	}

	/** The tool's origin: the only one whose messages the course page's platform storage answers. */
	String toolOrigin() {
		java.net.URI uri = java.net.URI.create(this.toolBaseUrl);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	String baseUrl() {
		return this.baseUrl;
	}

	String issuer() {
		return this.baseUrl + "/demo";
	}

	String toolLaunchUrl() {
		return this.toolBaseUrl + "/lti/launch";
	}

	String tokenUrl() {
		return this.baseUrl + "/demo/platform/token";
	}

	String lineItemsUrl() {
		return this.baseUrl + "/demo/platform/services/lineitems?type_id=1";
	}

	String lineItemUrl(int id) {
		return this.baseUrl + "/demo/platform/services/lineitems/" + id + "/lineitem?type_id=1";
	}

	String membershipsUrl() {
		return this.baseUrl + "/demo/platform/services/memberships";
	}

	PlatformSettings settings() {
		return new PlatformSettings("Demoplatform", issuer(), CLIENT_ID, this.baseUrl + "/demo/platform/auth",
				tokenUrl(), this.baseUrl + "/demo/platform/jwks", java.util.Set.of(DEPLOYMENT_ID));
	}

	/** Registers the demo platform, enabling its registration again if a run with the demo off disabled it. */
	void register(PlatformRegistrations registrations) {
		Platform platform = registrations.register(settings(), PlatformSource.DEMO);
		if (!platform.enabled() && platform.source() == PlatformSource.DEMO) {
			registrations.setEnabled(platform.id(), true);
		}
	}

	Map<String, Object> jwks() {
		return Map.of("keys", List.of(JsonWebKeys.rsaSigningKey(this.kid, (RSAPublicKey) this.keys.getPublic())));
	}

	/** A signed resource link launch of the activity for the user, answering the tool's authentication request. */
	String resourceLinkIdToken(DemoUser user, DemoActivities.DemoActivity activity, String nonce, String locale,
			String documentTarget) {
		Map<String, Object> claims = commonClaims(user, locale, documentTarget);
		claims.put(LtiClaims.MESSAGE_TYPE, MessageType.RESOURCE_LINK.claimValue());
		claims.put(LtiClaims.RESOURCE_LINK, Map.of("id", activity.resourceLinkId(), "title", activity.title()));
		if (!activity.custom().isEmpty()) {
			claims.put(LtiClaims.CUSTOM, activity.custom());
		}
		claims.put(LtiClaims.AGS_ENDPOINT, Map.of("scope",
				List.of(LtiScopes.LINEITEM, LtiScopes.LINEITEM_READONLY, LtiScopes.SCORE), "lineitems", lineItemsUrl(),
				"lineitem", lineItemUrl(activity.lineItemId())));
		return sign(user, nonce, claims);
	}

	/**
	 * A signed Deep Linking request: the teacher adds activities to the demo course ({@code multiple}), or chooses
	 * new content for one existing activity (one item, as Moodle asks when an activity is edited).
	 */
	String deepLinkingIdToken(DemoUser user, String nonce, String locale, String documentTarget, String data,
			boolean multiple) {
		Map<String, Object> claims = commonClaims(user, locale, documentTarget);
		claims.put(LtiClaims.MESSAGE_TYPE, MessageType.DEEP_LINKING.claimValue());
		claims.put(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", deepLinkingReturnUrl(),
				"accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets",
				List.of("iframe", "window"), "accept_multiple", multiple, "auto_create", false, "data", data));
		claims.put(LtiClaims.AGS_ENDPOINT, Map.of("scope",
				List.of(LtiScopes.LINEITEM, LtiScopes.LINEITEM_READONLY, LtiScopes.SCORE), "lineitems", lineItemsUrl()));
		return sign(user, nonce, claims);
	}

	String deepLinkingReturnUrl() {
		return this.baseUrl + "/demo/platform/deep-linking/return";
	}

	private Map<String, Object> commonClaims(DemoUser user, String locale, String documentTarget) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(LtiClaims.VERSION, LtiClaims.LTI_VERSION_1_3);
		claims.put(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT_ID);
		claims.put(LtiClaims.TARGET_LINK_URI, toolLaunchUrl());
		claims.put(LtiClaims.ROLES, user.roles());
		claims.put(LtiClaims.CONTEXT, Map.of("id", CONTEXT_ID, "label", "ICT-2026", "title",
				"ICT-beheer leerjaar 2 (demo)", "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseSection")));
		claims.put(LtiClaims.LAUNCH_PRESENTATION,
				Map.of("locale", locale, "document_target", documentTarget, "return_url", this.baseUrl + "/demo"));
		claims.put(LtiClaims.TOOL_PLATFORM,
				Map.of("product_family_code", "werkproces-demo", "name", "Demoplatform", "guid", "werkproces-demo"));
		claims.put(LtiClaims.NRPS,
				Map.of("context_memberships_url", membershipsUrl(), "service_versions", List.of("2.0")));
		claims.put("name", user.fullName());
		claims.put("given_name", user.givenName());
		claims.put("family_name", user.familyName());
		claims.put("email", user.email());
		return claims;
	}

	private String sign(DemoUser user, String nonce, Map<String, Object> claims) {
		Instant now = this.clock.instant();
		return Jwts.builder()
			.header()
			.keyId(this.kid)
			.and()
			.issuer(issuer())
			.audience()
			.single(CLIENT_ID)
			.subject(user.subject())
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(Duration.ofMinutes(1))))
			.claim("nonce", nonce)
			.claims(claims)
			.signWith(this.keys.getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
