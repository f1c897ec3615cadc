package nl.werkproces.lti.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How grades are delivered to the platforms.
 *
 * @param scheduled whether the worker runs on its own (tests switch it off and drive it)
 * @param pollInterval pause between two rounds of the worker
 * @param batchSize most grades one worker claims per round
 * @param initialBackoff wait after the first failed attempt; doubles per attempt, with jitter
 * @param maxBackoff longest wait between two attempts
 * @param claimTimeout how long a claimed grade stays reserved for one worker (after a crash another takes over)
 * @param concurrency most grades this replica sends at the same time
 * @param perPlatformConcurrency most grades this replica sends to one platform at the same time
 */
@Validated
@ConfigurationProperties("lti.grades")
public record GradeDeliveryProperties(@DefaultValue("true") boolean scheduled,
		@NotNull @DefaultValue("10s") Duration pollInterval, @Min(1) @DefaultValue("20") int batchSize,
		@NotNull @DefaultValue("30s") Duration initialBackoff, @NotNull @DefaultValue("1h") Duration maxBackoff,
		@NotNull @DefaultValue("2m") Duration claimTimeout, @Min(1) @DefaultValue("16") int concurrency,
		@Min(1) @DefaultValue("8") int perPlatformConcurrency) {

}
