package nl.werkproces.lti.overview;

import java.math.BigDecimal;
import java.time.Instant;

import nl.werkproces.lti.delivery.DeliveryState;
import nl.werkproces.lti.grading.GradingStatus;
import nl.werkproces.lti.rubric.Verdict;

/**
 * One student's work on one activity: the hand-in and the grading with its result, and where the last finalized
 * grade is on its way to the gradebook. Each part is empty when there is none.
 *
 * @param delivery the state of the grade queued by the last finalization, or {@code null}
 * @param rubricVersion the number of the rubric version the grading used
 */
public record Cell(Instant submittedAt, boolean late, GradingStatus status, Verdict verdict, BigDecimal cijfer,
		Integer points, Integer maximum, String overallRemark, Integer rubricVersion, DeliveryState delivery,
		Instant deliveredAt) {

	static final Cell EMPTY = new Cell(null, false, null, null, null, null, null, null, null, null, null);

	public boolean handedIn() {
		return this.submittedAt != null;
	}

	public boolean graded() {
		return this.status == GradingStatus.FINAL;
	}

	/** Handed in and not finally graded yet (a draft or a grading awaiting the second assessor counts). */
	public boolean toGrade() {
		return handedIn() && !graded();
	}

	public boolean onvoldoende() {
		return graded() && this.verdict == Verdict.ONVOLDOENDE;
	}

	/** Where the grade is for the gradebook, read with the grading's status. */
	public GradebookState gradebook() {
		if (this.delivery == null || this.delivery == DeliveryState.SUPERSEDED) {
			return GradebookState.NONE;
		}
		if (this.delivery == DeliveryState.FAILED) {
			return GradebookState.FAILED;
		}
		if (this.delivery == DeliveryState.WAITING) {
			return GradebookState.QUEUED;
		}
		return graded() ? GradebookState.IN_GRADEBOOK : GradebookState.REOPENED;
	}

	Cell withHandIn(Instant submittedAt, boolean late) {
		return new Cell(submittedAt, late, this.status, this.verdict, this.cijfer, this.points, this.maximum,
				this.overallRemark, this.rubricVersion, this.delivery, this.deliveredAt);
	}

	Cell withGrading(GradingStatus status, Verdict verdict, BigDecimal cijfer, Integer points, Integer maximum,
			String overallRemark, Integer rubricVersion, DeliveryState delivery, Instant deliveredAt) {
		return new Cell(this.submittedAt, this.late, status, verdict, cijfer, points, maximum, overallRemark,
				rubricVersion, delivery, deliveredAt);
	}

	/** Where a finalized grade is: not sent, on its way, in the gradebook, refused, or stale after a reopen. */
	public enum GradebookState {

		NONE, QUEUED, IN_GRADEBOOK, FAILED, REOPENED

	}

}
