package nl.werkproces.lti.health;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Health checks behind {@code /actuator/health/readiness}.
 *
 * @param databaseTimeout longest wait for a database connection to be taken and validated before the database counts
 * as down
 */
@Validated
@ConfigurationProperties("lti.health")
public record HealthProperties(@NotNull @DefaultValue("800ms") Duration databaseTimeout) {

}
