package nl.werkproces.lti.storage;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Moves the bytes of hand-in files between the database and the object store, one file at a time, so it can be
 * stopped at any moment and run again (it goes on where it stopped; a file already moved is left alone):
 * <ul>
 * <li>database to S3: the bytes are written under a key fixed for the row ({@code prefix + "file-" + id}), read
 * back and compared by SHA-256 with the row's, and only then does the row point to the object and lose its bytes;
 * <li>S3 to database: the object is read and compared by SHA-256, the row gets the bytes back, and only after that
 * commit is the object deleted.
 * </ul>
 * A file whose bytes do not match its SHA-256 is not moved and is counted as a problem; nothing is deleted before
 * its copy is checked; after {@value #MAX_FAILURES_IN_A_ROW} failures of the object store in a row the run stops.
 * Replicas keep serving meanwhile: every file is read from where its row says.
 */
@Service
public class StorageMigration {

	private static final Logger log = LoggerFactory.getLogger(StorageMigration.class);

	private static final int BATCH = 50;

	/** Failures of the object store in a row after which a run stops (it is unreachable; run it again later). */
	public static final int MAX_FAILURES_IN_A_ROW = 3;

	private final JdbcClient jdbc;

	private final HandInFileStorage storage;

	private final StorageProperties properties;

	StorageMigration(JdbcClient jdbc, HandInFileStorage storage, StorageProperties properties) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.properties = properties;
	}

	/** What one run did. */
	public record Report(int moved, int problems, int remaining) {

	}

	public Report databaseToS3() {
		ObjectFileStorage objects = this.storage.objectStore();
		int moved = 0;
		int problems = 0;
		int failuresInARow = 0;
		long after = 0;
		while (failuresInARow < MAX_FAILURES_IN_A_ROW) {
			List<Long> ids = this.jdbc.sql("""
					SELECT id FROM submission_file WHERE content IS NOT NULL AND object_key IS NULL AND id > ?
					ORDER BY id LIMIT ?""").params(after, BATCH).query(Long.class).list();
			if (ids.isEmpty()) {
				break;
			}
			for (long id : ids) {
				after = id;
				var row = this.jdbc.sql("SELECT content, sha256 FROM submission_file WHERE id = ? AND object_key IS NULL")
					.param(id)
					.query((rs, n) -> new Row(rs.getBytes(1), rs.getString(2)))
					.optional();
				if (row.isEmpty() || row.get().content() == null) {
					continue;
				}
				byte[] content = row.get().content();
				String sha256 = row.get().sha256();
				if (!sha256.equals(Sha256.hex(content))) {
					problems++;
					log.warn("Hand-in file {} not moved [STORAGE_MIGRATION_CHECKSUM]: its bytes do not match its SHA-256", id);
					continue;
				}
				String key = this.properties.s3().prefix() + "file-" + id;
				try {
					objects.put(key, content, sha256);
					objects.read(FileLocation.object(key), sha256);
				}
				catch (FileStorageException ex) {
					problems++;
					log.warn("Hand-in file {} not moved [STORAGE_MIGRATION_FAILED]: {}", id, ex.getMessage());
					if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
						break;
					}
					continue;
				}
				failuresInARow = 0;
				moved += this.jdbc.sql("""
						UPDATE submission_file SET object_key = ?, content = NULL
						WHERE id = ? AND object_key IS NULL AND content IS NOT NULL""").params(key, id).update();
			}
		}
		stoppedEarly(failuresInARow);
		int remaining = count("SELECT COUNT(*) FROM submission_file WHERE object_key IS NULL");
		log.info("Storage migration database-to-s3: {} file(s) moved, {} problem(s), {} file(s) still in the database",
				moved, problems, remaining);
		return new Report(moved, problems, remaining);
	}

	public Report s3ToDatabase() {
		ObjectFileStorage objects = this.storage.objectStore();
		int moved = 0;
		int problems = 0;
		int failuresInARow = 0;
		long after = 0;
		while (failuresInARow < MAX_FAILURES_IN_A_ROW) {
			List<Long> ids = this.jdbc.sql("""
					SELECT id FROM submission_file WHERE object_key IS NOT NULL AND id > ? ORDER BY id LIMIT ?""")
				.params(after, BATCH)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			for (long id : ids) {
				after = id;
				var row = this.jdbc.sql("SELECT object_key, sha256 FROM submission_file WHERE id = ?")
					.param(id)
					.query((rs, n) -> new ObjectRow(rs.getString(1), rs.getString(2)))
					.optional();
				if (row.isEmpty() || row.get().key() == null) {
					continue;
				}
				FileLocation location = FileLocation.object(row.get().key());
				byte[] content;
				try {
					content = objects.read(location, row.get().sha256());
				}
				catch (FileStorageException ex) {
					problems++;
					log.warn("Hand-in file {} not moved [STORAGE_MIGRATION_FAILED]: {}", id, ex.getMessage());
					if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
						break;
					}
					continue;
				}
				failuresInARow = 0;
				int updated = this.jdbc.sql("""
						UPDATE submission_file SET content = ?, object_key = NULL WHERE id = ? AND object_key = ?""")
					.params(content, id, row.get().key())
					.update();
				if (updated == 1) {
					moved++;
					this.storage.discard(location);
				}
			}
		}
		stoppedEarly(failuresInARow);
		int remaining = count("SELECT COUNT(*) FROM submission_file WHERE object_key IS NOT NULL");
		log.info("Storage migration s3-to-database: {} file(s) moved, {} problem(s), {} file(s) still in object storage",
				moved, problems, remaining);
		return new Report(moved, problems, remaining);
	}

	private static void stoppedEarly(int failuresInARow) {
		if (failuresInARow >= MAX_FAILURES_IN_A_ROW) {
			log.warn("Storage migration stopped [STORAGE_MIGRATION_STOPPED]: the object store failed {} times in a row; "
					+ "run the migration again once it is reachable", failuresInARow);
		}
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single().intValue();
	}

	private record Row(byte[] content, String sha256) {

	}

	private record ObjectRow(String key, String sha256) {

	}

}
