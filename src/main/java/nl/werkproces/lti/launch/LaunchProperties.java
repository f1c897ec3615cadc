package nl.werkproces.lti.launch;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Launch settings.
 *
 * @param clockLeeway allowed clock difference when checking {@code exp} and {@code iat}
 * @param loginTimeout how long a login (state and nonce) may take from initiation to launch
 * @param sessionLifetime how long a launch session stays valid
 * @param maxFormSize largest accepted launch form
 */
@Validated
@ConfigurationProperties("lti.launch")
public record LaunchProperties(@NotNull @DefaultValue("60s") Duration clockLeeway,
		@NotNull @DefaultValue("10m") Duration loginTimeout, @NotNull @DefaultValue("8h") Duration sessionLifetime,
		@NotNull @DefaultValue("64KB") DataSize maxFormSize) {

}
