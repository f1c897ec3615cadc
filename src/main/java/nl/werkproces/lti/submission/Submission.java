package nl.werkproces.lti.submission;

import java.time.Instant;
import java.util.List;

/**
 * A student's hand-in for an activity: the latest text and files, how often it was handed in and whether the last
 * hand-in came after the due date.
 */
public record Submission(long id, long activityId, long platformId, long userId, String text, int handInCount,
		Instant submittedAt, boolean late, List<SubmittedFile> files) {

	public long totalBytes() {
		return this.files.stream().mapToLong(SubmittedFile::sizeBytes).sum();
	}

	/** A stored file, without its content. */
	public record SubmittedFile(long id, String filename, String contentType, long sizeBytes, String sha256) {

		public String size() {
			return Sizes.format(this.sizeBytes);
		}

	}

	/** A stored file with its content, for download. */
	public record FileContent(String filename, String contentType, byte[] content) {

	}

}
