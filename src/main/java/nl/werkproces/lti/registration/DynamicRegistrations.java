package nl.werkproces.lti.registration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.DynamicRegistrationException.Reason;
import nl.werkproces.lti.spec.LtiScopes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * LTI Dynamic Registration: checks the invitation, reads and checks the platform's OpenID configuration, posts
 * the tool's registration and stores the platform with its deployment (only after the platform accepted).
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dr/v1p0">LTI Dynamic Registration 1.0</a>
 */
@Service
class DynamicRegistrations {

	private static final Logger log = LoggerFactory.getLogger(DynamicRegistrations.class);

	static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

	private final RegistrationInvites invites;

	private final PlatformConfigurationClient client;

	private final PlatformRegistrations registrations;

	private final DynamicRegistrationProperties properties;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	DynamicRegistrations(RegistrationInvites invites, PlatformConfigurationClient client,
			PlatformRegistrations registrations, DynamicRegistrationProperties properties,
			TransactionTemplate transaction, AuditLog audit) {
		this.audit = audit;
		this.invites = invites;
		this.client = client;
		this.registrations = registrations;
		this.properties = properties;
		this.transaction = transaction;
	}

	/**
	 * Registers the tool with the platform whose configuration URL and registration token Moodle passed.
	 * @param toolBaseUrl the tool's public base URL
	 */
	Platform register(String configurationUrl, String registrationToken, String invite, String toolBaseUrl) {
		if (configurationUrl == null || configurationUrl.isBlank()) {
			throw new DynamicRegistrationException(Reason.PARAMETERS_MISSING, "no openid_configuration");
		}
		URI configurationUri = httpUrl(configurationUrl, Reason.CONFIGURATION_URL_INVALID);
		String label = null;
		if (invite != null && !invite.isBlank()) {
			label = this.invites.validLabel(invite)
				.orElseThrow(() -> new DynamicRegistrationException(Reason.INVITE_INVALID,
						"registration link unknown, expired or used"));
		}
		else if (this.properties.allowedIssuers().stream().noneMatch(configurationUrl::startsWith)) {
			throw new DynamicRegistrationException(
					this.properties.allowedIssuers().isEmpty() ? Reason.INVITE_MISSING : Reason.ISSUER_NOT_ALLOWED,
					"no registration link and " + configurationUri.getHost() + " is not on the allow-list");
		}
		Map<String, Object> configuration = this.client.configuration(configurationUri);
		PlatformConfiguration platform = PlatformConfiguration.of(configuration);
		if (!configurationUrl.startsWith(platform.issuer())) {
			throw new DynamicRegistrationException(Reason.ISSUER_MISMATCH,
					"issuer " + platform.issuer() + " is not a prefix of " + configurationUrl);
		}
		if (invite == null || invite.isBlank()) {
			String issuer = platform.issuer();
			if (this.properties.allowedIssuers().stream().noneMatch((allowed) -> allowed.equals(issuer))) {
				throw new DynamicRegistrationException(Reason.ISSUER_NOT_ALLOWED, "issuer " + issuer);
			}
		}
		Map<String, Object> answer = this.client.register(platform.registrationEndpoint(), registrationToken,
				toolRegistration(toolBaseUrl, platform));
		String clientId = (answer.get("client_id") instanceof String id && !id.isBlank() && id.length() <= 255) ? id
				: null;
		String deploymentId = (answer.get(TOOL_CONFIGURATION) instanceof Map<?, ?> tool
				&& tool.get("deployment_id") != null) ? String.valueOf(tool.get("deployment_id")) : null;
		if (clientId == null || deploymentId == null || deploymentId.isBlank() || deploymentId.length() > 255) {
			throw new DynamicRegistrationException(Reason.REGISTRATION_RESPONSE_INVALID,
					"answer without client_id or deployment_id");
		}
		String name = (label != null && !label.isBlank()) ? label : platform.displayName();
		PlatformSettings settings = new PlatformSettings(name, platform.issuer(), clientId,
				platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(), Set.of(deploymentId));
		String usedInvite = invite;
		Platform registered = this.transaction.execute((status) -> {
			Platform stored = this.registrations.register(settings, PlatformSource.DYNAMIC);
			if (usedInvite != null && !usedInvite.isBlank()
					&& !this.invites.consume(usedInvite, platform.issuer(), stored.id())) {
				throw new DynamicRegistrationException(Reason.INVITE_INVALID, "registration link used meanwhile");
			}
			this.audit.record("dynamic-registration", "platform.register",
					"platform " + stored.id() + " (" + stored.issuer() + ", " + stored.clientId() + ")", null,
					stored.settings());
			return stored;
		});
		log.info("Dynamic registration: platform {} registered client {} with deployment {}", platform.issuer(),
				clientId, deploymentId);
		return registered;
	}

	private Map<String, Object> toolRegistration(String toolBaseUrl, PlatformConfiguration platform) {
		URI base = URI.create(toolBaseUrl);
		String launch = toolBaseUrl + "/lti/launch";
		Map<String, Object> tool = new LinkedHashMap<>();
		tool.put("domain", base.getHost() + ((base.getPort() != -1) ? ":" + base.getPort() : ""));
		tool.put("target_link_uri", launch);
		tool.put("description", "Werkprocesopdrachten uit het kwalificatiedossier, beoordeeld met een rubric.");
		tool.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email"));
		tool.put("messages", List.of(Map.of("type", "LtiDeepLinkingRequest", "target_link_uri", launch, "label",
				"Werkproces toevoegen", "placements", List.of("ContentArea"))));
		Map<String, Object> registration = new LinkedHashMap<>();
		registration.put("application_type", "web");
		registration.put("response_types", List.of("id_token"));
		registration.put("grant_types", List.of("implicit", "client_credentials"));
		registration.put("initiate_login_uri", toolBaseUrl + "/lti/login");
		registration.put("redirect_uris", List.of(launch));
		registration.put("client_name", this.properties.toolName());
		registration.put("jwks_uri", toolBaseUrl + "/.well-known/jwks.json");
		registration.put("token_endpoint_auth_method", "private_key_jwt");
		registration.put("scope", String.join(" ", LtiScopes.LINEITEM, LtiScopes.LINEITEM_READONLY,
				LtiScopes.RESULT_READONLY, LtiScopes.SCORE, LtiScopes.NRPS_MEMBERSHIP_READONLY));
		registration.put(TOOL_CONFIGURATION, tool);
		return registration;
	}

	static URI httpUrl(String value, Reason reason) {
		try {
			URI uri = new URI(value);
			if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (Exception ex) {
			// reported below
		}
		throw new DynamicRegistrationException(reason, "not an http(s) URL: " + value);
	}

}
