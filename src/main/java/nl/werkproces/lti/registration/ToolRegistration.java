package nl.werkproces.lti.registration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.spec.LtiScopes;

/**
 * The tool's client registration as it posts it to the platform: OpenID client metadata with the LTI tool
 * configuration (launch and Deep Linking message, claims, scopes of the services).
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dr/v1p0">LTI Dynamic Registration 1.0</a>
 */
public final class ToolRegistration {

	private ToolRegistration() {
	}

	static Map<String, Object> of(String toolBaseUrl, String toolName) {
		URI base = URI.create(toolBaseUrl);
		String launch = toolBaseUrl + "/lti/launch";
		Map<String, Object> tool = new LinkedHashMap<>();
		tool.put("domain", base.getHost() + ((base.getPort() != -1) ? ":" + base.getPort() : ""));
		tool.put("target_link_uri", launch);
		tool.put("description", "Werkprocesopdrachten uit het kwalificatiedossier, beoordeeld met een rubric.");
		tool.put("claims", List.of("iss", "sub", "name", "given_name", "family_name"));
		tool.put("messages", List.of(Map.of("type", "LtiDeepLinkingRequest", "target_link_uri", launch, "label",
				"Werkproces toevoegen", "placements", List.of("ContentArea"))));
		Map<String, Object> registration = new LinkedHashMap<>();
		registration.put("application_type", "web");
		registration.put("response_types", List.of("id_token"));
		registration.put("grant_types", List.of("implicit", "client_credentials"));
		registration.put("initiate_login_uri", toolBaseUrl + "/lti/login");
		registration.put("redirect_uris", List.of(launch));
		registration.put("client_name", clientName(toolName, base));
		registration.put("jwks_uri", toolBaseUrl + "/.well-known/jwks.json");
		registration.put("token_endpoint_auth_method", "private_key_jwt");
		registration.put("scope", String.join(" ", LtiScopes.LINEITEM, LtiScopes.LINEITEM_READONLY,
				LtiScopes.RESULT_READONLY, LtiScopes.SCORE, LtiScopes.NRPS_MEMBERSHIP_READONLY));
		registration.put(DynamicRegistrations.TOOL_CONFIGURATION, tool);
		return registration;
	}

	/**
	 * The name the platform lists the tool under: the configured name with the tool's host (and port, when not the
	 * scheme's default), "Werkproces-LTI (lti.school.nl)", so a test and a production instance registered in the
	 * same Moodle can be told apart in its tool list. A name that names the host already is left as it is.
	 */
	public static String clientName(String toolName, URI base) {
		String host = base.getHost() + ((base.getPort() != -1) ? ":" + base.getPort() : "");
		if (host.equals("null") || toolName.contains(host)) {
			return toolName;
		}
		return toolName + " (" + host + ")";
	}

}
