package nl.werkproces.lti.storage;

import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The file storage of hand-ins: new files go to the storage of {@code lti.storage.type}; an existing file is read
 * from where its row says it is, so a database that is being migrated (some rows with bytes, some with object keys)
 * serves every file.
 */
@Component
public class HandInFileStorage {

	private static final Logger log = LoggerFactory.getLogger(HandInFileStorage.class);

	private final FileStorage database = new DatabaseFileStorage();

	private final ObjectFileStorage objects;

	private final StorageType type;

	HandInFileStorage(StorageProperties properties, ObjectProvider<ObjectFileStorage> objects) {
		this.type = properties.type();
		this.objects = objects.getIfAvailable();
	}

	/** Where new files go. */
	public FileStorage forNewFiles() {
		return (this.type == StorageType.S3) ? objectStore() : this.database;
	}

	public byte[] read(FileLocation location, String sha256) {
		return location.isObject() ? objectStore().read(location, sha256) : this.database.read(location, sha256);
	}

	/**
	 * The bytes of a file kept in object storage as a stream from the store (never read whole into memory); the
	 * caller closes it and checks the SHA-256. {@link FileStorageException} when the store cannot be read.
	 */
	public InputStream openObject(String objectKey) {
		return objectStore().open(objectKey);
	}

	/** Removes bytes that no row points to any more; a failure is logged (the object stays, unused). */
	public void discard(FileLocation location) {
		if (!location.isObject()) {
			return;
		}
		try {
			objectStore().delete(location);
		}
		catch (FileStorageException ex) {
			log.warn("Hand-in file object {} not deleted [STORAGE_DELETE_FAILED]: {}", location.objectKey(),
					ex.getMessage());
		}
	}

	ObjectFileStorage objectStore() {
		if (this.objects == null) {
			throw new FileStorageException("a file is in object storage but lti.storage.s3.bucket is not set");
		}
		return this.objects;
	}

}
