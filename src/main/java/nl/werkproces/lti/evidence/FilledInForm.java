package nl.werkproces.lti.evidence;

import java.util.List;

import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.rubric.Verdict;

/**
 * One student's filled-in beoordelingsformulier, as printed: from the final version of their grading, every text
 * ready to show in the reader's language (moments by the school's clock, cijfer with the language's decimal sign).
 *
 * @param dossierVersie the version the dossier states, {@code null} when it states none ({@code dossierImportedAt}
 * then names it)
 * @param receipt the hand-in, {@code null} when nothing was handed in (work on paper, observation)
 * @param history every final version of the grading, oldest first
 * @param contentHash the final version's hash in the activity's chain (what the chain check verifies)
 */
public record FilledInForm(String lang, String studentName, String activityTitle, String werkprocesCode,
		String werkprocesTitle, String profiel, String dossierTitle, String crebo, String dossierVersie,
		String dossierImportedAt, int rubricVersion, boolean rubricIsTemplate, List<Row> rows, String overallRemark,
		Integer points, Integer maximum, Integer cesuur, Verdict verdict, String cijfer, boolean knockOut,
		GradeMode gradeMode, String assessor, String secondAssessor, String finalizedAt, int versionNo,
		String contentHash, Receipt receipt, List<HistoryLine> history, String printedAt) {

	/**
	 * One criterion with what the assessor chose.
	 *
	 * @param levelLabel the chosen level's label in the rubric's words ("voldoende"), {@code null} when none
	 * @param descriptor what that level means for this criterion
	 */
	public record Row(int number, String text, boolean kritisch, Integer score, String levelLabel, String descriptor,
			String remark) {

	}

	/** The hand-in: when, whether late, how many times handed in, and the files with their SHA-256. */
	public record Receipt(String submittedAt, boolean late, int handInCount, List<ReceiptFile> files) {

	}

	/** A handed-in file. */
	public record ReceiptFile(String filename, long sizeBytes, String sha256) {

	}

	/**
	 * One final version of the grading.
	 *
	 * @param delivery whether its grade reached the gradebook: NONE, WAITING, DELIVERED, FAILED or SUPERSEDED
	 */
	public record HistoryLine(int versionNo, String finalizedAt, String assessor, String secondAssessor,
			Verdict verdict, String cijfer, Integer points, Integer maximum, String delivery) {

	}

}
