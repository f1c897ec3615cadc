package nl.werkproces.lti.dossier;

import java.util.List;
import java.util.Objects;

/**
 * The result of importing a dossier: the dossier and warnings (in Dutch) about what the parser
 * skipped, guessed or could not find.
 *
 * @param dossier the dossier
 * @param warnings the warnings, empty if the import was clean
 */
public record DossierImport(Dossier dossier, List<String> warnings) {

	public DossierImport {
		Objects.requireNonNull(dossier, "dossier");
		warnings = List.copyOf(warnings);
	}

}
