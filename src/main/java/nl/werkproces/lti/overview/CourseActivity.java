package nl.werkproces.lti.overview;

import nl.werkproces.lti.activity.GradeMode;

/**
 * A werkproces activity of a course, with what the overview and its exports show about it: the dossier version
 * (title, crebo, version), its kerntaak and the activity's current rubric version.
 *
 * @param title the resource link's title in the platform
 * @param rubricVersion the number of the rubric version grading uses now (1: the template)
 */
public record CourseActivity(long id, long resourceLinkId, String title, String werkprocesCode, String werkprocesTitel,
		String kerntaakCode, String kerntaakTitel, String profiel, GradeMode gradeMode, long dossierId,
		String dossierTitel, String crebo, String dossierVersie, int rubricVersion) {

}
