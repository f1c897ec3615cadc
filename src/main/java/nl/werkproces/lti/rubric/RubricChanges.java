package nl.werkproces.lti.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A teacher's change set for a rubric, applied in the order given by {@link RubricEditor#apply}. For example:
 *
 * <pre class="code">
 * RubricChanges changes = RubricChanges.create()
 * 	.editText("gedrag-2", "Werkt ordelijk en systematisch.")
 * 	.remove("gedrag-3")
 * 	.setKritisch("gedrag-4", true)
 * 	.changeScale(RubricScale.OVG);
 * </pre>
 *
 * Criteria are named by their key. Edited level descriptors are kept when the criterion text or the scale changes;
 * descriptors the teacher did not edit follow the new text and scale.
 */
public final class RubricChanges {

	private final List<RubricChange> changes = new ArrayList<>();

	private RubricChanges() {
	}

	/**
	 * An empty change set.
	 * @return a change set to add changes to
	 */
	public static RubricChanges create() {
		return new RubricChanges();
	}

	/**
	 * Replaces the text of a criterion.
	 * @param key the criterion
	 * @param text the new text
	 * @return this change set
	 */
	public RubricChanges editText(String key, String text) {
		return add(new RubricChange.EditText(key, text));
	}

	/**
	 * Replaces what one level of a criterion looks like.
	 * @param key the criterion
	 * @param score the level, on the scale in force at this point of the change set
	 * @param descriptor the new descriptor
	 * @return this change set
	 */
	public RubricChanges editDescriptor(String key, int score, String descriptor) {
		return add(new RubricChange.EditDescriptor(key, score, descriptor));
	}

	/**
	 * Adds a criterion of the teacher's own at the end, with generated descriptors.
	 * @param kind process or product
	 * @param text the criterion text
	 * @param kritisch whether it is a knock-out criterion
	 * @return this change set
	 */
	public RubricChanges add(CriterionKind kind, String text, boolean kritisch) {
		return add(new RubricChange.Add(Objects.requireNonNull(kind, "kind must not be null"), text, kritisch, -1));
	}

	/**
	 * Adds a criterion of the teacher's own at a position, with generated descriptors.
	 * @param kind process or product
	 * @param text the criterion text
	 * @param kritisch whether it is a knock-out criterion
	 * @param position 0-based position in the list after the insert
	 * @return this change set
	 */
	public RubricChanges insert(CriterionKind kind, String text, boolean kritisch, int position) {
		if (position < 0) {
			throw new IllegalArgumentException("position must not be negative but was " + position);
		}
		return add(new RubricChange.Add(Objects.requireNonNull(kind, "kind must not be null"), text, kritisch, position));
	}

	/**
	 * Removes a criterion.
	 * @param key the criterion
	 * @return this change set
	 */
	public RubricChanges remove(String key) {
		return add(new RubricChange.Remove(key));
	}

	/**
	 * Moves a criterion to a position.
	 * @param key the criterion
	 * @param position 0-based position in the list after the move
	 * @return this change set
	 */
	public RubricChanges moveTo(String key, int position) {
		return add(new RubricChange.MoveTo(key, position));
	}

	/**
	 * Puts all criteria in a new order.
	 * @param keys every criterion key once, in the new order
	 * @return this change set
	 */
	public RubricChanges reorder(List<String> keys) {
		return add(new RubricChange.Reorder(List.copyOf(keys)));
	}

	/**
	 * Makes a criterion kritisch (knock-out) or not.
	 * @param key the criterion
	 * @param kritisch the new value
	 * @return this change set
	 */
	public RubricChanges setKritisch(String key, boolean kritisch) {
		return add(new RubricChange.SetKritisch(key, kritisch));
	}

	/**
	 * Changes the scale of all criteria.
	 * @param scale the new scale
	 * @return this change set
	 */
	public RubricChanges changeScale(RubricScale scale) {
		return add(new RubricChange.ChangeScale(Objects.requireNonNull(scale, "scale must not be null")));
	}

	/**
	 * Whether the change set has no changes.
	 * @return {@code true} when nothing was added
	 */
	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	List<RubricChange> changes() {
		return List.copyOf(this.changes);
	}

	private RubricChanges add(RubricChange change) {
		this.changes.add(change);
		return this;
	}

}
