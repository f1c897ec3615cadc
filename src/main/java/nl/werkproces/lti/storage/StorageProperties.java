package nl.werkproces.lti.storage;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where hand-in files are kept.
 *
 * @param type where new files go: {@code database} (default) or {@code s3}
 * @param s3 the object store; needed for type {@code s3} and for a migration in either direction
 * @param migrate a migration to run instead of serving: {@code database-to-s3} or {@code s3-to-database}
 * (see {@link StorageMigration}); empty: none
 */
@Validated
@ConfigurationProperties("lti.storage")
public record StorageProperties(@NotNull @DefaultValue("database") StorageType type, @Valid @DefaultValue S3 s3,
		String migrate) {

	public StorageProperties {
		if (type == StorageType.S3 && !s3.configured()) {
			throw new IllegalArgumentException(
					"lti.storage.type=s3 needs lti.storage.s3.bucket (LTI_STORAGE_S3_BUCKET)");
		}
	}

	/**
	 * An S3-compatible object store (AWS S3, MinIO, Ceph, a cloud provider's object storage).
	 *
	 * @param endpoint the store's URL; empty: AWS S3 of the region
	 * @param bucket the bucket (it must exist; the tool does not create it)
	 * @param region the region (for other stores than AWS usually any value, such as the default)
	 * @param pathStyle whether the bucket goes into the path ({@code https://host/bucket/key}), as MinIO and most
	 * stores other than AWS need, instead of the host name
	 * @param accessKey access key id; empty: the AWS SDK's default credentials (environment, web identity of the
	 * pod's service account, instance profile)
	 * @param secretKey secret access key (give it through the environment, {@code LTI_STORAGE_S3_SECRETKEY})
	 * @param prefix start of every object key
	 */
	public record S3(URI endpoint, String bucket, @DefaultValue("eu-west-1") String region,
			@DefaultValue("false") boolean pathStyle, String accessKey, String secretKey,
			@DefaultValue("hand-ins/") String prefix) {

		public boolean configured() {
			return this.bucket != null && !this.bucket.isBlank();
		}

		public boolean hasStaticCredentials() {
			return this.accessKey != null && !this.accessKey.isBlank();
		}

		@Override
		public String toString() {
			return "S3[endpoint=" + this.endpoint + ", bucket=" + this.bucket + ", region=" + this.region
					+ ", pathStyle=" + this.pathStyle + ", accessKey=" + (hasStaticCredentials() ? "***" : "")
					+ ", secretKey=" + ((this.secretKey != null && !this.secretKey.isBlank()) ? "***" : "")
					+ ", prefix=" + this.prefix + "]";
		}

	}

}
