package nl.werkproces.lti.registration;

import java.util.Set;
import java.util.TreeSet;

/** The values that register a platform, as written in the platforms file or entered by an admin. */
public record PlatformSettings(String name, String issuer, String clientId, String authorizationEndpoint,
		String tokenEndpoint, String jwksUri, Set<String> deploymentIds) {

	public PlatformSettings {
		deploymentIds = new TreeSet<>(deploymentIds);
	}

}
