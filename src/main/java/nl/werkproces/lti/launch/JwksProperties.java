package nl.werkproces.lti.launch;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platforms' key sets are fetched and cached.
 *
 * @param defaultCacheTime cache time when the platform sends no {@code Cache-Control: max-age}
 * @param minCacheTime lower bound for the platform's max-age
 * @param maxCacheTime upper bound for the platform's max-age
 * @param minRefreshInterval an unknown {@code kid} refreshes a key set at most once per interval
 * @param httpTimeout connect and read timeout of a key set request
 */
@Validated
@ConfigurationProperties("lti.jwks")
public record JwksProperties(@NotNull @DefaultValue("10m") Duration defaultCacheTime,
		@NotNull @DefaultValue("1m") Duration minCacheTime, @NotNull @DefaultValue("24h") Duration maxCacheTime,
		@NotNull @DefaultValue("30s") Duration minRefreshInterval, @NotNull @DefaultValue("5s") Duration httpTimeout) {

}
