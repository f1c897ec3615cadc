package nl.werkproces.lti.history;

/**
 * Result of verifying hash chains: how many versions were checked and the first broken link, if any.
 *
 * @param broken {@code null} when every link holds
 */
public record ChainCheck(long activitiesChecked, long versionsChecked, BrokenLink broken) {

	public boolean intact() {
		return this.broken == null;
	}

	/**
	 * The first version whose stored hashes do not match its content or its predecessor.
	 *
	 * @param problem {@code CONTENT} (content_hash is not the hash of the row) or {@code LINK} (previous_hash is
	 * not the previous version's content_hash, or a version is missing from the sequence)
	 */
	public record BrokenLink(long activityId, long studentUserId, long versionId, int versionNo, int chainSeq,
			String problem, String expected, String found) {
	}

}
