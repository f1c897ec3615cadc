package nl.werkproces.lti.rubric;

import java.util.List;

/**
 * The levels an assessor chooses from. Both scales score on the same 0..3 points axis, so maximum (3 per criterion),
 * cesuur (2 per criterion), verdict and cijfer follow the same rules whichever scale a school uses.
 * <ul>
 * <li>{@link #POINTS_0_3}: 0 niet aangetoond, 1 onvoldoende, 2 voldoende, 3 goed (the default).</li>
 * <li>{@link #OVG}: O = 1, V = 2, G = 3. "Onvoldoende" takes the place of both 0 and 1, because O/V/G does not
 * distinguish "not shown" from "shown but insufficient". Consequence: the lowest possible cijfer on this scale is
 * 3.3 (all O), not 1.0; the verdict, which is what O/V/G schools report, is unaffected.</li>
 * </ul>
 */
public enum RubricScale {

	/** Four levels, 0 niet aangetoond to 3 goed. */
	POINTS_0_3(List.of(0, 1, 2, 3)),

	/** Three levels: onvoldoende (1), voldoende (2), goed (3). */
	OVG(List.of(1, 2, 3));

	/** The highest score of any criterion on either scale. */
	public static final int HIGHEST_SCORE = 3;

	/** The score that counts as voldoende: the norm of the dossier for a beginning professional. */
	public static final int VOLDOENDE_SCORE = 2;

	private final List<Integer> scores;

	RubricScale(List<Integer> scores) {
		this.scores = scores;
	}

	/**
	 * The scores of this scale, lowest first.
	 * @return unmodifiable list of scores
	 */
	public List<Integer> scores() {
		return this.scores;
	}

	/**
	 * Whether an assessor may choose this score on this scale.
	 * @param score the score
	 * @return {@code true} when the scale has a level with this score
	 */
	public boolean allows(int score) {
		return this.scores.contains(score);
	}

	/**
	 * The Dutch label of a score on this scale.
	 * @param score one of {@link #scores()}
	 * @return "niet aangetoond", "onvoldoende", "voldoende" or "goed"
	 */
	public String label(int score) {
		if (!allows(score)) {
			throw new IllegalArgumentException("Scale " + this + " has no score " + score);
		}
		return switch (score) {
			case 0 -> "niet aangetoond";
			case 1 -> "onvoldoende";
			case 2 -> "voldoende";
			default -> "goed";
		};
	}

	/**
	 * The maximum M of a rubric with this many criteria.
	 * @param criteria number of criteria n
	 * @return 3n
	 */
	public int maximum(int criteria) {
		return HIGHEST_SCORE * criteria;
	}

	/**
	 * The cesuur C (the lowest voldoende total) of a rubric with this many criteria.
	 * @param criteria number of criteria n
	 * @return 2n
	 */
	public int cesuur(int criteria) {
		return VOLDOENDE_SCORE * criteria;
	}

}
