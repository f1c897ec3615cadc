package nl.werkproces.lti.activity;

import java.time.Instant;

/** What a teacher chose for a new activity (Deep Linking picker or first launch of a hand-made activity). */
public record ActivitySetup(long dossierId, String werkprocesCode, String profiel, GradeMode gradeMode, Instant dueAt,
		String instructions) {

}
