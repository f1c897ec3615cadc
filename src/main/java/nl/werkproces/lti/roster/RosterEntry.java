package nl.werkproces.lti.roster;

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
		return graded() && (this.delivery == null || this.delivery.state() != DeliveryState.DELIVERED);
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
