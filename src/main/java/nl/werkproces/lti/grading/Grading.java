package nl.werkproces.lti.grading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import nl.werkproces.lti.rubric.Verdict;

/**
 * A teacher's grading of one student's work for one activity, with the rubric version it used. The score fields
 * are set once all levels are chosen (always when the grading is awaiting confirmation or final).
 *
 * @param levels chosen score per criterion key
 * @param remarks remark per criterion key
 * @param outboxId the grade queued for the gradebook by the last finalization
 */
public record Grading(long id, long activityId, long platformId, long studentUserId, UUID rubricVersionId,
		GradingStatus status, Map<String, Integer> levels, Map<String, String> remarks, String overallRemark,
		Integer points, Integer maximum, Integer cesuur, Verdict verdict, BigDecimal cijfer, boolean knockOut,
		long assessorUserId, Long secondAssessorUserId, Instant finalizedAt, Long outboxId, Instant updatedAt) {

	public Grading {
		levels = Map.copyOf(levels);
		remarks = Map.copyOf(remarks);
	}

	public boolean isFinal() {
		return this.status == GradingStatus.FINAL;
	}

	public boolean isEditable() {
		return this.status == GradingStatus.DRAFT;
	}

}
