package nl.werkproces.lti.dossier;

import java.time.Clock;
import java.util.Optional;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;

import org.slf4j.Logger;

import nl.werkproces.lti.audit.AuditLog;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a kwalificatiedossier file into the {@link DossierCatalog}. The parser is chosen by content (PDF, XML,
 * else text). All or nothing: a file that is not a dossier changes nothing, and a dossier is stored in one
 * transaction. Importing a source that is already in the catalog (same SHA-256) changes nothing and reports the
 * stored version; a changed source of a known dossier becomes its next version, the earlier ones are kept. Safe
 * when two replicas import the same file at once (the SHA-256 is unique).
 */
@Service
public class DossierImports {

	private static final Logger logger = LoggerFactory.getLogger(DossierImports.class);

	private final DossierStore store;

	private final DossierCatalog catalog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DossierSources sources = new DossierSources();

	private final AuditLog audit;

	private final DossierProperties properties;

	DossierImports(DossierStore store, DossierCatalog catalog, TransactionTemplate transactions, Clock clock,
			AuditLog audit, DossierProperties properties) {
		this.audit = audit;
		this.properties = properties;
		this.store = store;
		this.catalog = catalog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Imports a dossier file.
	 * @param filename the file's name (gives the title when the source states none), may be {@code null}
	 * @param bytes the file's content
	 * @param importedBy who imports it
	 * @return what was imported, or which stored version the file is
	 * @throws DossierFormatException when the file is not a readable kwalificatiedossier; nothing is stored
	 */
	public DossierImportReport importFile(String filename, byte[] bytes, String importedBy) {
		return importFile(filename, bytes, importedBy, null);
	}

	/**
	 * Imports a dossier file, with the title to use when the source states none.
	 * @param filename the file's name, may be {@code null}
	 * @param bytes the file's content
	 * @param importedBy who imports it
	 * @param fallbackTitel the title when the source states none (blank: the file name is used)
	 * @return what was imported, or which stored version the file is
	 * @throws DossierFormatException when the file is not a readable kwalificatiedossier; nothing is stored
	 */
	public DossierImportReport importFile(String filename, byte[] bytes, String importedBy, String fallbackTitel) {
		DossierImport imported;
		checkSize((bytes != null) ? bytes.length : 0);
		try {
			imported = this.sources.read(filename, (bytes != null) ? bytes : new byte[0], fallbackTitel);
		}
		catch (DossierFormatException ex) {
			logger.warn("Dossier import refused: reason {}", ex.reason());
			throw ex;
		}
		String sha256 = imported.dossier().identity().sourceSha256();
		// versions imported before SHA-256s were taken of the content were identified by the file's bytes
		Optional<DossierVersion> known = this.catalog.findBySourceSha256(sha256)
			.or(() -> this.catalog.findBySourceSha256(SourceDigest.of(bytes)));
		if (known.isPresent()) {
			return DossierImportReport.of(known.get(), false, imported.ignored());
		}
		try {
			return store(filename, imported, importedBy);
		}
		catch (DuplicateKeyException ex) {
			// another replica or request stored the same source, or the same version number, just now
			Optional<DossierVersion> raced = this.catalog.findBySourceSha256(sha256);
			return raced.isPresent() ? DossierImportReport.of(raced.get(), false, imported.ignored())
					: store(filename, imported, importedBy);
		}
	}

	/**
	 * Refuses a file larger than {@code lti.dossiers.max-file-size}; call it before reading an upload's bytes.
	 * @param size the file's size in bytes
	 * @throws DossierFormatException ({@link Reason#TOO_LARGE}) when it is too large
	 */
	public void checkSize(long size) {
		long max = this.properties.maxFileSize().toBytes();
		if (size > max) {
			String limit = (max >= 1024 * 1024) ? (max / (1024 * 1024)) + " MB" : (max / 1024) + " KB";
			logger.warn("Dossier import refused: reason {}", Reason.TOO_LARGE);
			throw new DossierFormatException(Reason.TOO_LARGE,
					"Het bestand is groter dan " + limit + "; zo groot is geen kwalificatiedossier.",
					"The file is larger than " + limit + ".");
		}
	}

	private DossierImportReport store(String filename, DossierImport imported, String importedBy) {
		String lineage = DossierStore.lineage(imported.dossier().identity());
		Long id = this.transactions.execute((status) -> {
			Long stored = this.store.insert(imported, this.store.nextVersionNumber(lineage), filename,
					this.clock.instant(), importedBy);
			this.audit.record(importedBy, "dossier.import",
					"dossier " + stored + " (" + imported.dossier().identity().titel() + ")", null,
					java.util.Map.of("file", String.valueOf(filename), "sha256",
							imported.dossier().identity().sourceSha256()));
			return stored;
		});
		DossierVersion version = this.catalog.find(id).orElseThrow();
		logger.info("Dossier imported: id {}, \"{}\" version {}, {} source {}, by {}", id, version.dossier().titel(),
				version.number(), version.dossier().source(), version.identity().sourceSha256(), importedBy);
		return DossierImportReport.of(version, true, imported.ignored());
	}

}
