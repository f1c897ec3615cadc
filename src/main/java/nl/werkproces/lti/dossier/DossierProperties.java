package nl.werkproces.lti.dossier;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dossier catalog.
 *
 * @param importFiles dossier files (text, PDF or XML) imported at start-up after the reference dossier; a file that
 * is already in the catalog is skipped, so restarts change nothing
 */
@ConfigurationProperties("lti.dossiers")
public record DossierProperties(List<Path> importFiles) {

	public DossierProperties {
		importFiles = (importFiles != null) ? List.copyOf(importFiles) : List.of();
	}

}
