package nl.werkproces.lti.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One imported version of a kwalificatiedossier in the catalog. Versions never change: a changed source is imported
 * as a new version (the next {@link #number()} of the same dossier), so gradings can point at the exact version of
 * the requirements they were judged against.
 *
 * @param id the catalog id of this version
 * @param dossier the parsed dossier
 * @param number 1 for the first import of this dossier (same crebo, else same title), counting up per changed source
 * @param sourceFilename the name of the imported file, {@code null} when unknown
 * @param importedAt when it was imported
 * @param importedBy who imported it (an admin's name, or {@code system})
 * @param warnings the parser's warnings (Dutch)
 */
public record DossierVersion(long id, Dossier dossier, int number, String sourceFilename, Instant importedAt,
		String importedBy, List<String> warnings) {

	/** Characters of the source's SHA-256 shown in a version label. */
	private static final int SHORT_SHA = 12;

	public DossierVersion {
		Objects.requireNonNull(dossier, "dossier");
		Objects.requireNonNull(importedAt, "importedAt");
		Objects.requireNonNull(importedBy, "importedBy");
		warnings = List.copyOf(warnings);
	}

	/** The dossier's identity: title, crebo, versie, geldig vanaf, source SHA-256. */
	public DossierIdentity identity() {
		return this.dossier.identity();
	}

	/**
	 * The version as rubrics, exports and gradings name it: the versie the dossier states (if any) and the start of
	 * the source's SHA-256, e.g. {@code 2, bron 3fa4b2c1d0e9} or {@code bron 3fa4b2c1d0e9}. Unique per imported
	 * source, so two imports never share a rubric template.
	 */
	public String label() {
		String bron = "bron " + identity().sourceSha256().substring(0, SHORT_SHA);
		return (identity().versie() != null) ? identity().versie() + ", " + bron : bron;
	}

	/** The profiel with the given name, ignoring case. */
	public Optional<Profiel> profiel(String naam) {
		return this.dossier.profiel(naam);
	}

	/** The werkproces with the given code, ignoring case. */
	public Optional<Werkproces> werkproces(String code) {
		return this.dossier.werkproces(code);
	}

	/**
	 * The kerntaak a werkproces belongs to.
	 * @param werkproces a werkproces of this dossier
	 * @return its kerntaak
	 */
	public Kerntaak kerntaakOf(Werkproces werkproces) {
		return this.dossier.kerntaak(Codes.kerntaakOf(werkproces.code())).orElseThrow();
	}

	/**
	 * The profiel whose own kerntaken hold a werkproces.
	 * @param werkproces a werkproces of this dossier
	 * @return the profiel, empty for a werkproces of the basisdeel
	 */
	public Optional<Profiel> ownerOf(Werkproces werkproces) {
		return this.dossier.profielen()
			.stream()
			.filter((profiel) -> profiel.kerntaken()
				.stream()
				.anyMatch((kerntaak) -> kerntaak.werkproces(werkproces.code()).isPresent()))
			.findFirst();
	}

}
