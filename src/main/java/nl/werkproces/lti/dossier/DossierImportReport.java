package nl.werkproces.lti.dossier;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did: which dossier version it is, whether it was new, what it holds and what the parser warned
 * about.
 *
 * @param dossierId the catalog id of the dossier version
 * @param created {@code true} when this import added the version, {@code false} when the identical source (same
 * SHA-256) was already in the catalog and nothing changed
 * @param titel the dossier's title
 * @param crebo the crebo, {@code null} when not stated
 * @param versie the versie as stated, {@code null} when not stated
 * @param geldigVanaf geldig vanaf, {@code null} when not stated
 * @param versionNumber the catalog's version number of this dossier (1 for the first import)
 * @param sourceKind text, PDF or XML
 * @param sourceSha256 SHA-256 of the source
 * @param profielen number of profielen
 * @param kerntaken number of kerntaken (basisdeel and profielen)
 * @param werkprocessen number of werkprocessen
 * @param werkprocessenTitleOnly how many werkprocessen the source names by title only (no criteria)
 * @param warnings the parser's warnings (Dutch)
 * @param ignored the parts of the source known to be irrelevant for the catalog and not read (XPath-like paths)
 */
public record DossierImportReport(long dossierId, boolean created, String titel, String crebo, String versie,
		LocalDate geldigVanaf, int versionNumber, SourceKind sourceKind, String sourceSha256, int profielen,
		int kerntaken, int werkprocessen, int werkprocessenTitleOnly, List<String> warnings, List<String> ignored) {

	public DossierImportReport {
		warnings = List.copyOf(warnings);
		ignored = List.copyOf(ignored);
	}

	static DossierImportReport of(DossierVersion version, boolean created, List<String> ignored) {
		Dossier dossier = version.dossier();
		DossierIdentity identity = dossier.identity();
		List<Werkproces> werkprocessen = dossier.allWerkprocessen();
		int titleOnly = (int) werkprocessen.stream().filter((werkproces) -> !werkproces.isDescribed()).count();
		return new DossierImportReport(version.id(), created, identity.titel(), identity.crebo(), identity.versie(),
				identity.geldigVanaf(), version.number(), dossier.source(), identity.sourceSha256(),
				dossier.profielen().size(), dossier.allKerntaken().size(), werkprocessen.size(), titleOnly,
				version.warnings(), ignored);
	}

}
