package nl.werkproces.lti.registration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A platform registration as an admin types it: the fields of the platforms file, deployment ids separated by
 * commas or spaces. {@link #errors()} names each wrong field with a message key.
 */
public record PlatformForm(String name, String issuer, String clientId, String authorizationEndpoint,
		String tokenEndpoint, String jwksUri, String deploymentIds) {

	public static PlatformForm empty() {
		return new PlatformForm("", "", "", "", "", "", "");
	}

	public static PlatformForm of(Platform platform) {
		return new PlatformForm(platform.name(), platform.issuer(), platform.clientId(),
				platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(),
				String.join(", ", platform.deploymentIds()));
	}

	/** Field name → message key of what is wrong; empty when the form can be saved. */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		text(errors, "name", this.name);
		text(errors, "clientId", this.clientId);
		url(errors, "issuer", this.issuer);
		url(errors, "authorizationEndpoint", this.authorizationEndpoint);
		url(errors, "tokenEndpoint", this.tokenEndpoint);
		url(errors, "jwksUri", this.jwksUri);
		if (ids().isEmpty() || ids().stream().anyMatch((id) -> id.length() > 255)) {
			errors.put("deploymentIds", "admin.platform.error.deployments");
		}
		if (!errors.containsKey("issuer") && this.issuer.trim().length() > 255) {
			errors.put("issuer", "admin.platform.error.tooLong");
		}
		return errors;
	}

	public PlatformSettings toSettings() {
		return new PlatformSettings(this.name.trim(), this.issuer.trim(), this.clientId.trim(),
				this.authorizationEndpoint.trim(), this.tokenEndpoint.trim(), this.jwksUri.trim(), ids());
	}

	private Set<String> ids() {
		Set<String> ids = new LinkedHashSet<>();
		if (this.deploymentIds != null) {
			Arrays.stream(this.deploymentIds.split("[,\\s]+")).filter((id) -> !id.isBlank()).forEach(ids::add);
		}
		return ids;
	}

	private static void text(Map<String, String> errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.put(field, "admin.platform.error.required");
		}
		else if (value.trim().length() > 255) {
			errors.put(field, "admin.platform.error.tooLong");
		}
	}

	private static void url(Map<String, String> errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.put(field, "admin.platform.error.required");
		}
		else if (!PlatformsFile.isHttpUrl(value.trim())) {
			errors.put(field, "admin.platform.error.url");
		}
	}

}
