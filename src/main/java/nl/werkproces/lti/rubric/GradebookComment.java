package nl.werkproces.lti.rubric;

import java.util.Locale;

/**
 * The one-line summary of a scored rubric that goes with a grade to the Moodle gradebook (the AGS score's
 * {@code comment}), for example {@code B1-K2-W2 (Netwerk- en mediabeheerder): voldoende, 19/27 punten (cesuur 18),
 * cijfer 6,0}. A knock-out is named after the verdict, so a teacher sees why enough points still give onvoldoende.
 */
public final class GradebookComment {

	private GradebookComment() {
	}

	/**
	 * The summary in the language of a launch: English for an English locale, Dutch otherwise.
	 * @param rubric the scored rubric
	 * @param score its score
	 * @param locale the launch's locale, may be {@code null}
	 * @return the summary line
	 */
	public static String of(Rubric rubric, RubricScore score, Locale locale) {
		boolean english = (locale != null) && "en".equals(locale.getLanguage());
		return english ? english(rubric, score) : dutch(rubric, score);
	}

	/**
	 * The Dutch summary with a decimal comma.
	 * @param rubric the scored rubric
	 * @param score its score
	 * @return e.g. {@code B1-K2-W2 (Netwerk- en mediabeheerder): voldoende, 19/27 punten (cesuur 18), cijfer 6,0}
	 */
	public static String dutch(Rubric rubric, RubricScore score) {
		String knockOut = switch (score.knockOutCriteria().size()) {
			case 0 -> "";
			case 1 -> " (kritisch criterium onder voldoende)";
			default -> " (" + score.knockOutCriteria().size() + " kritische criteria onder voldoende)";
		};
		return rubric.origin().werkprocesLabel() + ": " + score.verdict().dutch() + knockOut + ", " + score.points()
				+ "/" + score.maximum() + " punten (cesuur " + score.cesuur() + "), cijfer "
				+ score.cijfer().toPlainString().replace('.', ',');
	}

	/**
	 * The English summary with a decimal point.
	 * @param rubric the scored rubric
	 * @param score its score
	 * @return e.g. {@code B1-K2-W2 (Netwerk- en mediabeheerder): sufficient, 19/27 points (pass mark 18), grade 6.0}
	 */
	public static String english(Rubric rubric, RubricScore score) {
		String knockOut = switch (score.knockOutCriteria().size()) {
			case 0 -> "";
			case 1 -> " (critical criterion below sufficient)";
			default -> " (" + score.knockOutCriteria().size() + " critical criteria below sufficient)";
		};
		return rubric.origin().werkprocesLabel() + ": " + score.verdict().english() + knockOut + ", " + score.points()
				+ "/" + score.maximum() + " points (pass mark " + score.cesuur() + "), grade "
				+ score.cijfer().toPlainString();
	}

}
