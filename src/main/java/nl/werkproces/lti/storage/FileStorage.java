package nl.werkproces.lti.storage;

/**
 * One place to keep the bytes of hand-in files. The metadata (name, type, size, SHA-256) always stays in the
 * database; a storage keeps the bytes and says where ({@link FileLocation}).
 */
public interface FileStorage {

	/**
	 * Keeps the bytes of a new file, before the row that points to them is written. Throws
	 * {@link FileStorageException} when the storage cannot take them; nothing is left behind then.
	 */
	FileLocation write(byte[] content, String sha256);

	/** The bytes, checked against their SHA-256; {@link FileStorageException} when they cannot be read or differ. */
	byte[] read(FileLocation location, String sha256);

	/** Removes bytes no row points to any more (a replaced hand-in, a write whose transaction failed). */
	void delete(FileLocation location);

}
