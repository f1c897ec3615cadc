package nl.werkproces.lti.storage;

/** Where the bytes of new hand-in files go ({@code lti.storage.type}). */
public enum StorageType {

	/** In the row of the file ({@code submission_file.content}): nothing else to run or back up. */
	DATABASE,

	/** In an S3-compatible object store, one object per file; the row keeps name, size, SHA-256 and the key. */
	S3

}
