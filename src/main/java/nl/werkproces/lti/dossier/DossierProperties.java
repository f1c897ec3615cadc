package nl.werkproces.lti.dossier;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * The dossier catalog.
 *
 * @param importFiles dossier files (text, PDF or XML) imported at start-up after the reference dossier; a file that
 * is already in the catalog is skipped, so restarts change nothing
 * @param maxFileSize the largest dossier file accepted (real dossiers are under 300 KB); larger uploads are refused
 * with 413 before they are read
 */
@ConfigurationProperties("lti.dossiers")
public record DossierProperties(List<Path> importFiles, DataSize maxFileSize) {

	/** The default {@link #maxFileSize()}. */
	public static final DataSize DEFAULT_MAX_FILE_SIZE = DataSize.ofMegabytes(5);

	@ConstructorBinding
	public DossierProperties {
		importFiles = (importFiles != null) ? List.copyOf(importFiles) : List.of();
		maxFileSize = (maxFileSize != null) ? maxFileSize : DEFAULT_MAX_FILE_SIZE;
		if (maxFileSize.toBytes() <= 0) {
			throw new IllegalArgumentException("lti.dossiers.max-file-size must be positive");
		}
	}

	/** Import files with the default limits. */
	public DossierProperties(List<Path> importFiles) {
		this(importFiles, null);
	}

}
