package nl.werkproces.lti.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the catalog at start-up: the reference dossier ICT- en mediabeheer that ships with the tool (so the catalog
 * is never empty), then the files of {@code lti.dossiers.import-files}. Sources already in the catalog are
 * recognised by their SHA-256, so a restart, or two replicas starting at once, import nothing twice. A configured
 * file that cannot be read or is not a dossier stops the start, naming the file.
 */
@Component
@Order(1)
class DossierSeed implements ApplicationRunner {

	static final String REFERENCE_RESOURCE = "/dossiers/ict-en-mediabeheer.txt";

	static final String REFERENCE_TITEL = "ICT- en mediabeheer";

	static final String IMPORTED_BY = "system";

	private static final Logger logger = LoggerFactory.getLogger(DossierSeed.class);

	private final DossierImports imports;

	private final DossierProperties properties;

	DossierSeed(DossierImports imports, DossierProperties properties) {
		this.imports = imports;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		DossierImportReport reference = this.imports.importFile("ict-en-mediabeheer.txt", referenceText(),
				IMPORTED_BY, REFERENCE_TITEL);
		log(REFERENCE_RESOURCE, reference);
		for (Path file : this.properties.importFiles()) {
			log(file.toString(), importFile(file));
		}
	}

	private DossierImportReport importFile(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("lti.dossiers.import-files: cannot read " + file + ": " + ex.getMessage(),
					ex);
		}
		try {
			return this.imports.importFile(file.getFileName().toString(), bytes, IMPORTED_BY);
		}
		catch (DossierFormatException ex) {
			throw new IllegalStateException("lti.dossiers.import-files: " + file + " is not a kwalificatiedossier ("
					+ ex.reason() + "): " + ex.getMessage(), ex);
		}
	}

	static byte[] referenceText() {
		try (InputStream in = DossierSeed.class.getResourceAsStream(REFERENCE_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + REFERENCE_RESOURCE + " on the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void log(String source, DossierImportReport report) {
		if (report.created()) {
			logger.info("Dossier {} added to the catalog as id {} ({} werkprocessen)", source, report.dossierId(),
					report.werkprocessen());
		}
		else {
			logger.debug("Dossier {} already in the catalog as id {}", source, report.dossierId());
		}
	}

}
