package nl.werkproces.lti.storage;

/** The bytes stay in the file's row ({@code submission_file.content}, a LONGBLOB): written with the row. */
class DatabaseFileStorage implements FileStorage {

	@Override
	public FileLocation write(byte[] content, String sha256) {
		return FileLocation.inRow(content);
	}

	@Override
	public byte[] read(FileLocation location, String sha256) {
		if (location.inRow() == null) {
			throw new FileStorageException("the file's bytes are not in its row");
		}
		return location.inRow();
	}

	@Override
	public void delete(FileLocation location) {
		// deleted with the row
	}

}
