package nl.werkproces.lti.storage;

/** The file storage cannot be reached or answered with an error; the operation changed nothing. */
public class FileStorageException extends RuntimeException {

	public FileStorageException(String message, Throwable cause) {
		super(message, cause);
	}

	public FileStorageException(String message) {
		super(message);
	}

}
