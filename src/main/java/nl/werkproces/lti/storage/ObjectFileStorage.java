package nl.werkproces.lti.storage;

import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The bytes as objects in an S3-compatible bucket, one object per file under a key of its own
 * ({@code prefix + random UUID}), never shared or overwritten; the SHA-256 travels along as object metadata and is
 * checked on every read.
 */
class ObjectFileStorage implements FileStorage {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	ObjectFileStorage(S3Client s3, StorageProperties.S3 properties) {
		this.s3 = s3;
		this.bucket = properties.bucket();
		this.prefix = (properties.prefix() != null) ? properties.prefix() : "";
	}

	@Override
	public FileLocation write(byte[] content, String sha256) {
		String key = this.prefix + UUID.randomUUID();
		put(key, content, sha256);
		return FileLocation.object(key);
	}

	/** Writes the object under this key (the migration's keys are fixed per row, so that it can run again). */
	void put(String key, byte[] content, String sha256) {
		try {
			this.s3.putObject(PutObjectRequest.builder()
				.bucket(this.bucket)
				.key(key)
				.contentType("application/octet-stream")
				.metadata(Map.of("sha256", sha256))
				.build(), RequestBody.fromBytes(content));
		}
		catch (SdkException ex) {
			throw new FileStorageException("object storage did not store " + key + ": " + ex.getClass().getSimpleName(),
					ex);
		}
	}

	@Override
	public byte[] read(FileLocation location, String sha256) {
		if (!location.isObject()) {
			throw new FileStorageException("the file has no object key");
		}
		byte[] content;
		try {
			content = this.s3
				.getObjectAsBytes(GetObjectRequest.builder().bucket(this.bucket).key(location.objectKey()).build())
				.asByteArray();
		}
		catch (SdkException ex) {
			throw new FileStorageException(
					"object storage did not return " + location.objectKey() + ": " + ex.getClass().getSimpleName(), ex);
		}
		if (sha256 != null && !sha256.equals(Sha256.hex(content))) {
			throw new FileStorageException("object " + location.objectKey() + " does not have the file's SHA-256");
		}
		return content;
	}

	/**
	 * The object's bytes as a stream straight from the store, for copying without holding the file in memory; the
	 * caller closes it and checks the SHA-256 of what it read.
	 */
	InputStream open(String key) {
		try {
			return this.s3.getObject(GetObjectRequest.builder().bucket(this.bucket).key(key).build());
		}
		catch (SdkException ex) {
			throw new FileStorageException("object storage did not return " + key + ": " + ex.getClass().getSimpleName(),
					ex);
		}
	}

	@Override
	public void delete(FileLocation location) {
		if (!location.isObject()) {
			return;
		}
		try {
			this.s3.deleteObject(DeleteObjectRequest.builder().bucket(this.bucket).key(location.objectKey()).build());
		}
		catch (SdkException ex) {
			throw new FileStorageException(
					"object storage did not delete " + location.objectKey() + ": " + ex.getClass().getSimpleName(), ex);
		}
	}

}
