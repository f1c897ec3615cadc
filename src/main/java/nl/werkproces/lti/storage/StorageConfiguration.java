package nl.werkproces.lti.storage;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The S3 client and the object storage, when {@code lti.storage.s3.bucket} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${lti.storage.s3.bucket:}'.isBlank()")
class StorageConfiguration {

	@Bean(destroyMethod = "close")
	S3Client handInS3Client(StorageProperties properties) {
		StorageProperties.S3 s3 = properties.s3();
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(s3.region()))
			// plain (not aws-chunked) uploads: every S3-compatible store reads them; a hand-in is in memory anyway
			.serviceConfiguration(S3Configuration.builder()
				.pathStyleAccessEnabled(s3.pathStyle())
				.chunkedEncodingEnabled(false)
				.build())
			.credentialsProvider(credentials(s3))
			.httpClient(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(5))
				.socketTimeout(Duration.ofSeconds(30))
				.build())
			// only the checksums every S3-compatible store understands (no aws-chunked trailers)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.overrideConfiguration((override) -> override.apiCallTimeout(Duration.ofSeconds(60)));
		if (s3.endpoint() != null) {
			builder.endpointOverride(s3.endpoint());
		}
		return builder.build();
	}

	@Bean
	ObjectFileStorage objectFileStorage(S3Client handInS3Client, StorageProperties properties) {
		return new ObjectFileStorage(handInS3Client, properties.s3());
	}

	private static AwsCredentialsProvider credentials(StorageProperties.S3 s3) {
		if (s3.hasStaticCredentials()) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

}
