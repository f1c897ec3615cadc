package nl.werkproces.lti.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import nl.werkproces.lti.rubric.Verdict;

/**
 * One immutable version of a final grading: its full content when it became final, the grade it queued for the
 * gradebook ({@code outboxId}) and its place in the activity's hash chain.
 *
 * @param versionNo 1, 2, ... per grading (activity and student)
 * @param chainSeq 1, 2, ... per activity: the order of the hash chain
 * @param deliveryState state of the outbox entry this version queued ({@code DELIVERED} = reached the platform),
 * or {@code null} when it queued none
 */
public record GradingVersion(long id, long activityId, long platformId, long studentUserId, long gradingId,
		int versionNo, int chainSeq, UUID rubricVersionId, Map<String, Integer> levels, Map<String, String> remarks,
		String overallRemark, Integer points, Integer maximum, Integer cesuur, Verdict verdict, BigDecimal cijfer,
		boolean knockOut, long assessorUserId, Long secondAssessorUserId, Instant finalizedAt, Long outboxId,
		String previousHash, String contentHash, String deliveryState) {

	public GradingVersion {
		levels = Map.copyOf(levels);
		remarks = Map.copyOf(remarks);
	}

	public boolean reachedPlatform() {
		return "DELIVERED".equals(this.deliveryState);
	}

}
