package nl.werkproces.lti.registration;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * LTI Dynamic Registration.
 *
 * @param allowedIssuers platforms (issuer URLs: https, http only on loopback) that may register without a
 * registration link, compared as {@link PlatformUrls URLs}
 * @param inviteLifetime how long a registration link made by a tool admin stays valid
 * @param httpTimeout timeout of the requests to the platform's configuration and registration endpoints
 * @param toolName the name the tool registers under
 */
@Validated
@ConfigurationProperties("lti.registration")
public record DynamicRegistrationProperties(@DefaultValue List<String> allowedIssuers,
		@NotNull @DefaultValue("7d") Duration inviteLifetime, @NotNull @DefaultValue("10s") Duration httpTimeout,
		@NotNull @DefaultValue("Werkproces-LTI") String toolName) {

	public DynamicRegistrationProperties {
		for (String issuer : allowedIssuers) {
			if (PlatformUrls.secure(issuer).isEmpty()) {
				throw new IllegalArgumentException("lti.registration.allowed-issuers: '" + issuer
						+ "' is not an https URL without user info (http only on loopback)");
			}
		}
	}

}
