package nl.werkproces.lti.registration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.DynamicRegistrationException.Reason;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * LTI Dynamic Registration: admits the registration (a registration link, or a configuration URL under an
 * allow-listed issuer), reads and checks the platform's OpenID configuration, posts the tool's registration and
 * stores the platform with its deployment (only after the platform accepted). A dynamic registration only ever
 * creates a platform; it re-registers an existing one only through a link an admin made for that platform.
 * Refusals that may be takeover attempts are audited.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dr/v1p0">LTI Dynamic Registration 1.0</a>
 */
@Service
class DynamicRegistrations {

	private static final Logger log = LoggerFactory.getLogger(DynamicRegistrations.class);

	static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

	private static final String ACTOR = "dynamic-registration";

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
		URI configurationUri = configurationUri(configurationUrl);
		Admission admission = admit(configurationUrl, invite);
		try {
			return registerAdmitted(configurationUri, registrationToken, admission, toolBaseUrl);
		}
		catch (DynamicRegistrationException ex) {
			if (ex.reason().takeoverAttempt()) {
				this.audit.record(ACTOR, "platform.register-refused", admission + ": " + ex.reason().name(), null,
						Map.of("reason", ex.reason().name(), "detail", ex.getMessage(), "registrationLink",
								admission.describe(), "configurationUrl", configurationUri.toString()));
			}
			throw ex;
		}
	}

	private Platform registerAdmitted(URI configurationUri, String registrationToken, Admission admission,
			String toolBaseUrl) {
		PlatformConfiguration platform = PlatformConfiguration.of(this.client.configuration(configurationUri));
		String issuer = platform.issuer();
		if (!PlatformUrls.isUnder(configurationUri.toString(), issuer)) {
			throw new DynamicRegistrationException(Reason.ISSUER_MISMATCH,
					"the configuration's issuer is not its URL's origin and a path prefix of it");
		}
		if (admission.viaAllowList() && !allowListed(issuer)) {
			throw new DynamicRegistrationException(Reason.ISSUER_NOT_ALLOWED, "issuer " + issuer);
		}
		Platform target = reregistrationTarget(admission, issuer);
		Map<String, Object> answer = this.client.register(platform.registrationEndpoint(), registrationToken,
				ToolRegistration.of(toolBaseUrl, this.properties.toolName()));
		String clientId = (answer.get("client_id") instanceof String id && !id.isBlank() && id.length() <= 255) ? id
				: null;
		String deploymentId = (answer.get(TOOL_CONFIGURATION) instanceof Map<?, ?> tool
				&& tool.get("deployment_id") != null) ? String.valueOf(tool.get("deployment_id")) : null;
		if (clientId == null || deploymentId == null || deploymentId.isBlank() || deploymentId.length() > 255) {
			throw new DynamicRegistrationException(Reason.REGISTRATION_RESPONSE_INVALID,
					"answer without client_id or deployment_id");
		}
		String name = (admission.label() != null && !admission.label().isBlank()) ? admission.label()
				: platform.displayName();
		PlatformSettings settings = new PlatformSettings(name, issuer, clientId, platform.authorizationEndpoint(),
				platform.tokenEndpoint(), platform.jwksUri(), Set.of(deploymentId));
		if (target != null && !target.clientId().equals(clientId)) {
			throw new DynamicRegistrationException(Reason.REREGISTRATION_MISMATCH,
					"client id differs from the one of platform " + target.id());
		}
		if (target == null) {
			refuseExisting(issuer, clientId);
		}
		Platform registered;
		try {
			registered = this.transaction.execute((status) -> store(settings, target, admission));
		}
		catch (DuplicateKeyException | DbActionExecutionException ex) {
			if (!(ex instanceof DuplicateKeyException) && !(ex.getCause() instanceof DuplicateKeyException)) {
				throw ex;
			}
			throw new DynamicRegistrationException(Reason.PLATFORM_EXISTS, "registered meanwhile: " + clientId);
		}
		log.info("Dynamic registration: platform {} {} client {} with deployment {} ({})", issuer,
				(target != null) ? "re-registered" : "registered", clientId, deploymentId, admission);
		return registered;
	}

	private Platform store(PlatformSettings settings, Platform target, Admission admission) {
		Platform stored = (target != null) ? this.registrations.reregister(target.id(), settings)
				: this.registrations.create(settings, PlatformSource.DYNAMIC);
		if (admission.invite() != null && !this.invites.consume(admission.invite(), stored.issuer(), stored.id())) {
			throw new DynamicRegistrationException(Reason.INVITE_INVALID, "registration link used meanwhile");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("registrationLink", admission.describe());
		after.put("platform", stored.settings());
		this.audit.record(ACTOR, (target != null) ? "platform.reregister" : "platform.register",
				"platform " + stored.id() + " '" + stored.name() + "' (" + stored.issuer() + ", " + stored.clientId()
						+ ") " + admission,
				(target != null) ? target.settings() : null, after);
		return stored;
	}

	private URI configurationUri(String configurationUrl) {
		if (configurationUrl == null || configurationUrl.isBlank()) {
			throw new DynamicRegistrationException(Reason.PARAMETERS_MISSING, "no openid_configuration");
		}
		URI uri = httpUrl(configurationUrl, Reason.CONFIGURATION_URL_INVALID);
		return PlatformUrls.secure(configurationUrl)
			.orElseThrow(() -> new DynamicRegistrationException(Reason.CONFIGURATION_URL_NOT_HTTPS,
					"configuration URL on " + uri.getHost() + " is not https (or has user info)"));
	}

	/** A registration link, or else a configuration URL under an allow-listed issuer; nothing else gets further. */
	private Admission admit(String configurationUrl, String invite) {
		if (invite != null && !invite.isBlank()) {
			RegistrationInvites.OpenInvite open = this.invites.valid(invite)
				.orElseThrow(() -> new DynamicRegistrationException(Reason.INVITE_INVALID,
						"registration link unknown, expired or used"));
			return new Admission(invite, open.label(), open.reregisterPlatformId());
		}
		if (this.properties.allowedIssuers().stream().noneMatch((allowed) -> PlatformUrls.isUnder(configurationUrl,
				allowed))) {
			throw new DynamicRegistrationException(
					this.properties.allowedIssuers().isEmpty() ? Reason.INVITE_MISSING : Reason.ISSUER_NOT_ALLOWED,
					"no registration link and the configuration URL is not under an allow-listed issuer");
		}
		return new Admission(null, null, null);
	}

	private boolean allowListed(String issuer) {
		return this.properties.allowedIssuers().stream().anyMatch((allowed) -> PlatformUrls.sameIssuer(allowed, issuer));
	}

	/** The platform a re-registration link is for, when its issuer is the new registration's. */
	private Platform reregistrationTarget(Admission admission, String issuer) {
		if (admission.reregisterPlatformId() == null) {
			return null;
		}
		Platform target = this.registrations.findById(admission.reregisterPlatformId())
			.orElseThrow(() -> new DynamicRegistrationException(Reason.REREGISTRATION_MISMATCH,
					"platform " + admission.reregisterPlatformId() + " no longer exists"));
		if (!PlatformUrls.sameIssuer(target.issuer(), issuer) && !target.issuer().equals(issuer)) {
			throw new DynamicRegistrationException(Reason.REREGISTRATION_MISMATCH,
					"issuer " + issuer + " is not the issuer of platform " + target.id());
		}
		return target;
	}

	/** Dynamic registration never replaces a platform: the same issuer (as a URL) and client id is refused. */
	private void refuseExisting(String issuer, String clientId) {
		this.registrations.findAll()
			.stream()
			.filter((existing) -> existing.clientId().equals(clientId) && (existing.issuer().equals(issuer)
					|| PlatformUrls.sameIssuer(existing.issuer(), issuer)))
			.findFirst()
			.ifPresent((existing) -> {
				throw new DynamicRegistrationException(Reason.PLATFORM_EXISTS,
						"issuer and client id of platform " + existing.id() + " '" + existing.name() + "'");
			});
	}

	/**
	 * How a registration got past the door.
	 * @param invite the registration link's token, or {@code null} for the allow-list
	 * @param label the name the admin gave the link
	 * @param reregisterPlatformId the platform the link re-registers, or {@code null}
	 */
	private record Admission(String invite, String label, Long reregisterPlatformId) {

		boolean viaAllowList() {
			return this.invite == null;
		}

		String describe() {
			return viaAllowList() ? "allow-list" : "registration link '" + this.label + "'";
		}

		@Override
		public String toString() {
			return "via " + describe()
					+ ((this.reregisterPlatformId != null) ? " for platform " + this.reregisterPlatformId : "");
		}

	}

	private static URI httpUrl(String value, Reason reason) {
		try {
			URI uri = new URI(value);
			if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (Exception ex) {
			// reported below
		}
		throw new DynamicRegistrationException(reason, "not an http(s) URL");
	}

}
