package nl.werkproces.lti.services;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the tool calls the platforms' services (token endpoint, AGS, NRPS).
 *
 * @param connectTimeout connect timeout of a service request
 * @param readTimeout read timeout of a service request
 * @param assertionBackdate how far the client assertion's {@code iat} lies in the past (Moodle checks it with zero
 * clock tolerance)
 * @param assertionLifetime how long a client assertion is valid ({@code exp} - now)
 * @param tokenRefreshMargin an access token is renewed this long before its {@code expires_in} runs out
 * @param maxPages most pages followed through {@code Link rel="next"} in one listing
 */
@Validated
@ConfigurationProperties("lti.services")
public record ServicesProperties(@NotNull @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DefaultValue("20s") Duration readTimeout, @NotNull @DefaultValue("5s") Duration assertionBackdate,
		@NotNull @DefaultValue("5m") Duration assertionLifetime,
		@NotNull @DefaultValue("60s") Duration tokenRefreshMargin, @Min(1) @DefaultValue("200") int maxPages) {

}
