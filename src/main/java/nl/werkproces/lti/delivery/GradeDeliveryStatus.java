package nl.werkproces.lti.delivery;

import java.time.Instant;

/**
 * Whether a student's grade reached the gradebook, and why not: for the teacher's view.
 *
 * @param id the outbox entry (for {@code GradeOutbox.retryNow})
 * @param lastError plain words: why the last attempt failed, or the platform's answer when it refused
 * @param nextAttemptAt when a waiting grade is tried again
 */
public record GradeDeliveryStatus(long id, String userSub, DeliveryState state, Double scoreGiven,
		Double scoreMaximum, Instant scoreTimestamp, int attempts, Instant nextAttemptAt, String lastError,
		DeliveryProblem lastProblem, Instant deliveredAt) {

}
