package nl.werkproces.lti.rubric;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import nl.werkproces.lti.rubric.RubricException.Reason;

/**
 * One teacher change to a rubric, applied to a {@link RubricDraft}. Built through {@link RubricChanges}. Level
 * descriptors the teacher has not edited follow the criterion text and the scale; edited ones are kept.
 */
sealed interface RubricChange {

	void applyTo(RubricDraft draft);

	private static String requireText(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new RubricException(Reason.INVALID_CHANGE, what + " must not be blank");
		}
		return DossierText.normalise(text);
	}

	record EditText(String key, String text) implements RubricChange {

		@Override
		public void applyTo(RubricDraft draft) {
			Criterion old = draft.get(this.key);
			Criterion edited = old.withText(requireText(this.text, "Text of criterion " + this.key));
			List<Level> levels = old.levels()
				.stream()
				.map((level) -> LevelDescriptors.isGenerated(old, draft.scale, level)
						? regenerated(level, edited, draft) : level)
				.toList();
			draft.replace(edited.withLevels(levels));
		}

		private static Level regenerated(Level level, Criterion criterion, RubricDraft draft) {
			return new Level(level.score(), level.label(),
					LevelDescriptors.descriptor(criterion.kind(), draft.scale, level.score(), criterion.text()));
		}

	}

	record EditDescriptor(String key, int score, String descriptor) implements RubricChange {

		@Override
		public void applyTo(RubricDraft draft) {
			Criterion criterion = draft.get(this.key);
			if (!draft.scale.allows(this.score)) {
				throw new RubricException(Reason.LEVEL_NOT_ON_SCALE,
						"Scale " + draft.scale + " has no level " + this.score + " to describe");
			}
			String text = requireText(this.descriptor, "Descriptor of level " + this.score + " of " + this.key);
			draft.replace(criterion.withLevels(criterion.levels()
				.stream()
				.map((level) -> (level.score() == this.score) ? new Level(level.score(), level.label(), text) : level)
				.toList()));
		}

	}

	/** Adds a criterion at {@code position} (0-based), or at the end when it is negative. */
	record Add(CriterionKind kind, String text, boolean kritisch, int position) implements RubricChange {

		@Override
		public void applyTo(RubricDraft draft) {
			String criterionText = requireText(this.text, "Text of a new criterion");
			if (this.position > draft.criteria.size()) {
				throw new RubricException(Reason.INVALID_CHANGE, "Cannot add a criterion at position " + this.position
						+ " of " + draft.criteria.size());
			}
			Criterion added = new Criterion(draft.newKey(), criterionText, this.kind, false, this.kritisch,
					LevelDescriptors.generate(this.kind, draft.scale, criterionText));
			draft.criteria.add((this.position < 0) ? draft.criteria.size() : this.position, added);
		}

	}

	record Remove(String key) implements RubricChange {

		@Override
		public void applyTo(RubricDraft draft) {
			draft.criteria.remove(draft.indexOf(this.key));
		}

	}

	record MoveTo(String key, int position) implements RubricChange {

		@Override
		public void applyTo(RubricDraft draft) {
			if (this.position < 0 || this.position >= draft.criteria.size()) {
				throw new RubricException(Reason.INVALID_CHANGE, "Cannot move " + this.key + " to position "
						+ this.position + " of " + draft.criteria.size());
			}
			Criterion criterion = draft.criteria.remove(draft.indexOf(this.key));
			draft.criteria.add(this.position, criterion);
		}

	}

	record Reorder(List<String> keys) implements RubricChange {

		@Override
		public void applyTo(RubricDraft draft) {
			if (this.keys.size() != draft.criteria.size() || new HashSet<>(this.keys).size() != this.keys.size()) {
				throw new RubricException(Reason.INVALID_CHANGE,
						"A new order must list each of the " + draft.criteria.size() + " criteria once: " + this.keys);
			}
			List<Criterion> ordered = new ArrayList<>();
			for (String key : this.keys) {
				ordered.add(draft.get(key));
			}
			draft.criteria.clear();
			draft.criteria.addAll(ordered);
		}

	}

	record SetKritisch(String key, boolean kritisch) implements RubricChange {

		@Override
		public void applyTo(RubricDraft draft) {
			draft.replace(draft.get(this.key).withKritisch(this.kritisch));
		}

	}

	record ChangeScale(RubricScale scale) implements RubricChange {

		@Override
		public void applyTo(RubricDraft draft) {
			RubricScale from = draft.scale;
			draft.criteria.replaceAll((criterion) -> criterion.withLevels(this.scale.scores()
				.stream()
				.map((score) -> criterion.level(score)
					.filter((level) -> !LevelDescriptors.isGenerated(criterion, from, level))
					.map((edited) -> new Level(score, this.scale.label(score), edited.descriptor()))
					.orElseGet(() -> new Level(score, this.scale.label(score),
							LevelDescriptors.descriptor(criterion.kind(), this.scale, score, criterion.text()))))
				.toList()));
			draft.scale = this.scale;
		}

	}

}
