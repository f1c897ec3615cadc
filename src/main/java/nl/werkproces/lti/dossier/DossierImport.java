package nl.werkproces.lti.dossier;

import java.util.List;
import java.util.Objects;

/**
 * The result of reading a dossier source: the dossier, warnings (in Dutch) about what the parser guessed or could not
 * find, and the parts of the source known to be irrelevant for the catalog that were not read.
 *
 * @param dossier the dossier
 * @param warnings the warnings, empty if the import was clean
 * @param ignored the source's parts known to be irrelevant and not read, as XPath-like paths (e.g.
 * {@code sbb/dossiers/dossier/voorblad}); empty for text and PDF sources
 */
public record DossierImport(Dossier dossier, List<String> warnings, List<String> ignored) {

	public DossierImport {
		Objects.requireNonNull(dossier, "dossier");
		warnings = List.copyOf(warnings);
		ignored = List.copyOf(ignored);
	}

	/** A dossier read completely (text and PDF sources). */
	public DossierImport(Dossier dossier, List<String> warnings) {
		this(dossier, warnings, List.of());
	}

}
