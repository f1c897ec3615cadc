package nl.werkproces.lti.rubric;

import java.util.ArrayList;
import java.util.List;

import nl.werkproces.lti.rubric.RubricException.Reason;

/** The mutable working copy that {@link RubricChange}s are applied to, one change after the other. */
final class RubricDraft {

	final List<Criterion> criteria;

	final int versionNumber;

	RubricScale scale;

	private int added;

	RubricDraft(Rubric base, int versionNumber) {
		this.criteria = new ArrayList<>(base.criteria());
		this.scale = base.scale();
		this.versionNumber = versionNumber;
	}

	int indexOf(String key) {
		for (int i = 0; i < this.criteria.size(); i++) {
			if (this.criteria.get(i).key().equals(key)) {
				return i;
			}
		}
		throw new RubricException(Reason.UNKNOWN_CRITERION, "Rubric has no criterion " + key + " to change");
	}

	Criterion get(String key) {
		return this.criteria.get(indexOf(key));
	}

	void replace(Criterion criterion) {
		this.criteria.set(indexOf(criterion.key()), criterion);
	}

	/** A key no earlier version can have used: teacher criteria are numbered per version. */
	String newKey() {
		return "eigen-" + this.versionNumber + "-" + (++this.added);
	}

}
