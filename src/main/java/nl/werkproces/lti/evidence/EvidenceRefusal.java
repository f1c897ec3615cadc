package nl.werkproces.lti.evidence;

import org.springframework.http.HttpStatus;

/**
 * Evidence that cannot be given: why (a messages key the error page shows, a reason code for the log) and the
 * status that says so.
 */
class EvidenceRefusal extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final String reasonCode;

	EvidenceRefusal(HttpStatus status, String messageKey, String reasonCode, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.messageKey = messageKey;
		this.reasonCode = reasonCode;
	}

	static EvidenceRefusal noGrading(long activityId, long userId) {
		return new EvidenceRefusal(HttpStatus.NOT_FOUND, "evidence.refused.noGrading", "NO_GRADING",
				"activity " + activityId + ", user " + userId);
	}

	static EvidenceRefusal notFinal(long activityId, long userId) {
		return new EvidenceRefusal(HttpStatus.CONFLICT, "evidence.refused.notFinal", "GRADING_NOT_FINAL",
				"activity " + activityId + ", user " + userId);
	}

	static EvidenceRefusal noFinalForms(long activityId) {
		return new EvidenceRefusal(HttpStatus.CONFLICT, "evidence.refused.noFinalForms", "NO_FINAL_GRADINGS",
				"activity " + activityId);
	}

	static EvidenceRefusal unknownStudent(long userId) {
		return new EvidenceRefusal(HttpStatus.NOT_FOUND, "evidence.refused.unknownStudent", "UNKNOWN_STUDENT",
				"user " + userId);
	}

	/** Nothing of the student in the archive's scope (or no such student there: the same answer, nothing revealed). */
	static EvidenceRefusal noWork(long userId) {
		return new EvidenceRefusal(HttpStatus.NOT_FOUND, "evidence.refused.noWork", "NO_WORK_IN_SCOPE", "user " + userId);
	}

	HttpStatus status() {
		return this.status;
	}

	String messageKey() {
		return this.messageKey;
	}

	String reasonCode() {
		return this.reasonCode;
	}

}
