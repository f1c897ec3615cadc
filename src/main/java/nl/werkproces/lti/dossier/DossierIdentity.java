package nl.werkproces.lti.dossier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which kwalificatiedossier, in which version: kept with every rubric and grading so that exam
 * evidence shows which requirements a student was judged against.
 *
 * @param titel the dossier's title, never blank
 * @param crebo the dossier's crebo code, {@code null} when the source does not state it
 * @param versie the version as printed, {@code null} when the source does not state it
 * @param geldigVanaf the date from which the dossier is valid, {@code null} when not stated
 * @param sourceSha256 SHA-256 (hex) of the imported source, identifying the exact text read
 */
public record DossierIdentity(String titel, String crebo, String versie, LocalDate geldigVanaf,
		String sourceSha256) {

	public DossierIdentity {
		Objects.requireNonNull(titel, "titel");
		if (titel.isBlank()) {
			throw new IllegalArgumentException("titel must not be blank");
		}
		Objects.requireNonNull(sourceSha256, "sourceSha256");
	}

}
