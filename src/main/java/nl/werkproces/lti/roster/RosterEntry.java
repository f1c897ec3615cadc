package nl.werkproces.lti.roster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import nl.werkproces.lti.delivery.DeliveryState;
import nl.werkproces.lti.delivery.GradeDeliveryStatus;
import nl.werkproces.lti.grading.Grading;
import nl.werkproces.lti.grading.HandInsToGrade.HandIn;

/**
 * One student on the roster. {@code userId} is empty for a course member (Names and Roles) who never opened the
 * activity: the tool cannot grade them yet.
 */
public record RosterEntry(Long userId, String subject, String name, HandIn handIn, Grading grading,
		GradeDeliveryStatus delivery) {

	public String displayName() {
		return (this.name != null && !this.name.isBlank()) ? this.name : this.subject;
	}

	public boolean handedIn() {
		return this.handIn != null;
	}

	public boolean graded() {
		return this.grading != null && this.grading.isFinal();
	}

	public boolean toGrade() {
		return handedIn() && !graded();
	}

	public boolean gradeNotDelivered() {
		return graded() && gradebookState() != GradebookState.IN_GRADEBOOK;
	}

	/** Where the grade is: the newest score sent for this student, read with the grading's status. */
	public GradebookState gradebookState() {
		if (this.delivery == null || this.delivery.state() == DeliveryState.SUPERSEDED) {
			return GradebookState.NONE;
		}
		if (this.delivery.state() == DeliveryState.FAILED) {
			return GradebookState.FAILED;
		}
		boolean delivered = this.delivery.state() == DeliveryState.DELIVERED;
		if (this.delivery.scoreGiven() == null) {
			return delivered ? GradebookState.HAND_IN_REPORTED : GradebookState.HAND_IN_REPORTING;
		}
		if (!delivered) {
			return GradebookState.QUEUED;
		}
		return (this.grading != null && !this.grading.isFinal()) ? GradebookState.REOPENED
				: GradebookState.IN_GRADEBOOK;
	}

	/**
	 * The score the gradebook has or gets, as the reader writes numbers: a cijfer with one decimal ("5,5", "6.0"),
	 * points whole ("19").
	 */
	public String shownScore(Locale locale, boolean cijfer) {
		if (this.delivery == null || this.delivery.scoreGiven() == null) {
			return "";
		}
		BigDecimal score = BigDecimal.valueOf(this.delivery.scoreGiven());
		String plain = cijfer ? score.setScale(1, RoundingMode.HALF_UP).toPlainString()
				: score.stripTrailingZeros().toPlainString();
		return (locale != null && "en".equals(locale.getLanguage())) ? plain : plain.replace('.', ',');
	}

	public boolean matches(RosterFilter filter) {
		return switch (filter) {
			case ALL -> true;
			case NOT_HANDED_IN -> !handedIn();
			case TO_GRADE -> toGrade();
			case GRADED -> graded();
			case NOT_DELIVERED -> gradeNotDelivered();
		};
	}

}
