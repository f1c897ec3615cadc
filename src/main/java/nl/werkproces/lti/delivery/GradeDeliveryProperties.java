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
 * @param workerName start of this replica's worker id in the outbox's claims (the pod name in Kubernetes); empty:
 * "worker"
 * @param shutdownGrace how long deliveries under way may take to finish when the replica stops; then they are
 * interrupted and their claims given back, so another replica sends them at once
 */
@Validated
@ConfigurationProperties("lti.grades")
public record GradeDeliveryProperties(@DefaultValue("true") boolean scheduled,
		@NotNull @DefaultValue("10s") Duration pollInterval, @Min(1) @DefaultValue("20") int batchSize,
		@NotNull @DefaultValue("30s") Duration initialBackoff, @NotNull @DefaultValue("1h") Duration maxBackoff,
		@NotNull @DefaultValue("2m") Duration claimTimeout, @Min(1) @DefaultValue("16") int concurrency,
		@Min(1) @DefaultValue("8") int perPlatformConcurrency, String workerName,
		@NotNull @DefaultValue("20s") Duration shutdownGrace) {

	/** The worker's id: the name (at most 40 characters) and a random part. */
	String workerId(String random) {
		String name = (this.workerName == null || this.workerName.isBlank()) ? "worker" : this.workerName.strip();
		return ((name.length() > 40) ? name.substring(0, 40) : name) + "-" + random;
	}

}
