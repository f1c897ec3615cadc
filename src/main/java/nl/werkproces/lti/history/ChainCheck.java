package nl.werkproces.lti.history;

import java.time.Instant;
import java.util.List;

/**
 * Result of verifying hash chains: how many versions were checked, the first broken link, if any, and the links
 * whose personal content was erased on purpose (AVG), which are reported as erased, not as broken.
 *
 * @param broken {@code null} when every link holds
 * @param erased versions erased by a recorded erasure whose seal matches, in chain order
 */
public record ChainCheck(long activitiesChecked, long versionsChecked, BrokenLink broken, List<ErasedLink> erased) {

	public ChainCheck {
		erased = List.copyOf(erased);
	}

	public ChainCheck(long activitiesChecked, long versionsChecked, BrokenLink broken) {
		this(activitiesChecked, versionsChecked, broken, List.of());
	}

	public boolean intact() {
		return this.broken == null;
	}

	/**
	 * The first version whose stored hashes do not match its content or its predecessor.
	 *
	 * @param problem {@code CONTENT} (content_hash is not the hash of the row), {@code LINK} (previous_hash is
	 * not the previous version's content_hash, or a version is missing from the sequence) or {@code ERASURE} (the row
	 * says it was erased, but no recorded erasure of that student seals it with the hash it has)
	 */
	public record BrokenLink(long activityId, long studentUserId, long versionId, int versionNo, int chainSeq,
			String problem, String expected, String found) {
	}

	/**
	 * A version whose content was erased with its student (right of erasure): its hashes still link the chain, its
	 * content can no longer be checked.
	 */
	public record ErasedLink(long activityId, long versionId, int versionNo, int chainSeq, long erasureId,
			Instant erasedAt) {
	}

}
