package nl.werkproces.lti.activity;

import java.time.Instant;

/**
 * A werkproces assignment of one platform: which dossier version, werkproces and profiel, how it is graded, when
 * it is due and what the teacher adds. {@code resourceLinkId} is empty while a deep-linked activity was not yet
 * launched.
 */
public record Activity(long id, long platformId, Long resourceLinkId, String setupKey, long dossierId,
		String werkprocesCode, String profiel, GradeMode gradeMode, Instant dueAt, String instructions) {

	public boolean isLateAt(Instant moment) {
		return this.dueAt != null && moment.isAfter(this.dueAt);
	}

}
