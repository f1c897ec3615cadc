package nl.werkproces.lti.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the chain check knows of the erasure a grading version names ({@code grading_version.erasure_id}).
 * <p>
 * An erasure stores, before it erases, the SHA-256 over the lines {@code id:content_hash} (in id order) of every
 * version whose content it erases ({@link #digest}). A version counts as erased on purpose only when the erasure it
 * names is recorded, is of the same platform and student, and that digest still matches the versions that name it:
 * marking another row as erased, or changing the hash of an erased row, breaks the chain instead.
 *
 * @param recorded whether the erasure row exists
 * @param sameStudent whether it erased the student (and platform) of the version
 * @param digestMatches whether its digest matches the versions that name it now
 * @param sealedDigest the digest stored with the erasure ({@code null} when not recorded)
 * @param currentDigest the digest over the versions that name it now
 */
public record ErasureSeal(long erasureId, Instant erasedAt, boolean recorded, boolean sameStudent, boolean digestMatches,
		String sealedDigest, String currentDigest) {

	boolean holds() {
		return this.recorded && this.sameStudent && this.digestMatches;
	}

	/** One erased version's id and content hash, as the digest covers it. */
	public record SealedVersion(long id, long activityId, String contentHash) {
	}

	/** The digest over the versions an erasure covers. */
	public static String digest(List<SealedVersion> versions) {
		StringBuilder lines = new StringBuilder();
		versions.stream()
			.sorted(Comparator.comparingLong(SealedVersion::id))
			.forEach((v) -> lines.append(v.id()).append(':').append(v.contentHash()).append('\n'));
		return GradingVersionHash.sha256(lines.toString());
	}

}
