package nl.werkproces.lti.storage;

/**
 * Where one file's bytes are: in its row ({@code inRow}, storage database) or in the object store under
 * {@code objectKey}. Exactly one of the two is set.
 */
public record FileLocation(byte[] inRow, String objectKey) {

	public static FileLocation inRow(byte[] content) {
		return new FileLocation(content, null);
	}

	public static FileLocation object(String key) {
		return new FileLocation(null, key);
	}

	public boolean isObject() {
		return this.objectKey != null;
	}

}
