package nl.werkproces.lti.rubric;

import org.springframework.util.Assert;

/**
 * Where a rubric comes from: the kwalificatiedossier (title and version), the werkproces and the profiel. Exam
 * evidence must show which version of the requirements a student was judged against, so every rubric, every
 * export and every grading carries this.
 *
 * @param dossierTitle title of the kwalificatiedossier, e.g. "ICT- en mediabeheer"
 * @param dossierVersion version of the dossier as the dossier states it, e.g. "2016"
 * @param werkprocesCode code such as {@code B1-K2-W2}
 * @param werkprocesTitle title of the werkproces
 * @param profiel name of the chosen profiel, or {@code null} when the rubric is for the basisdeel only
 */
public record RubricOrigin(String dossierTitle, String dossierVersion, String werkprocesCode, String werkprocesTitle,
		String profiel) {

	public RubricOrigin {
		Assert.hasText(dossierTitle, "dossierTitle must not be blank");
		Assert.hasText(dossierVersion, "dossierVersion must not be blank");
		Assert.hasText(werkprocesCode, "werkprocesCode must not be blank");
		Assert.hasText(werkprocesTitle, "werkprocesTitle must not be blank");
		profiel = (profiel == null || profiel.isBlank()) ? null : profiel.strip();
	}

	/**
	 * The werkproces code with the profiel in parentheses, or the code alone without a profiel.
	 * @return for example {@code B1-K2-W2 (Netwerk- en mediabeheerder)}
	 */
	public String werkprocesLabel() {
		return (this.profiel != null) ? this.werkprocesCode + " (" + this.profiel + ")" : this.werkprocesCode;
	}

}
