package nl.werkproces.lti.rubric;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * Where a rubric comes from: the kwalificatiedossier (title and version), the werkproces and the profiel. Exam
 * evidence must show which version of the requirements a student was judged against, so every rubric, every
 * export and every grading carries this.
 *
 * @param dossierTitle title of the kwalificatiedossier, e.g. "ICT- en mediabeheer"
 * @param dossierVersion the dossier version's identity as rubrics store it: the versie the dossier states and the
 * start of the source's SHA-256, e.g. "2016, bron 3fa4b2c1d0e9" (see {@code DossierVersion.label()}); for people
 * use {@link #statedVersion()} or the catalog's version text
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

	private static final Pattern SOURCE_SUFFIX = Pattern.compile("^(?:(.*), )?bron [0-9a-f]+$");

	/**
	 * The versie the dossier itself states, without the source hash of {@link #dossierVersion()}.
	 * @return for example "2016"; {@code null} when the dossier states no versie
	 */
	public String statedVersion() {
		Matcher matcher = SOURCE_SUFFIX.matcher(this.dossierVersion);
		if (!matcher.matches()) {
			return this.dossierVersion;
		}
		String versie = matcher.group(1);
		return (versie == null || versie.isBlank()) ? null : versie;
	}

	/**
	 * The werkproces code with the profiel in parentheses, or the code alone without a profiel.
	 * @return for example {@code B1-K2-W2 (Netwerk- en mediabeheerder)}
	 */
	public String werkprocesLabel() {
		return (this.profiel != null) ? this.werkprocesCode + " (" + this.profiel + ")" : this.werkprocesCode;
	}

}
