package nl.werkproces.lti.rubric;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import nl.werkproces.lti.rubric.RubricException.Reason;

/**
 * Applies a teacher's {@link RubricChanges} to a rubric. The result is a new rubric with a new id, the next version
 * number, and references to the rubric it was made from and to the dossier-derived template. The given rubric, and
 * so the template, is never changed; a change set that fails leaves nothing behind.
 */
public class RubricEditor {

	private final Clock clock;

	private final Supplier<UUID> ids;

	/** An editor that stamps versions with the system clock and random ids. */
	public RubricEditor() {
		this(Clock.systemUTC(), UUID::randomUUID);
	}

	/**
	 * An editor that stamps versions with the given clock and random ids.
	 * @param clock the source of {@link RubricVersion#createdAt()}
	 */
	public RubricEditor(Clock clock) {
		this(clock, UUID::randomUUID);
	}

	/**
	 * An editor with the given clock and id source.
	 * @param clock the source of {@link RubricVersion#createdAt()}
	 * @param ids the source of ids for new versions
	 */
	public RubricEditor(Clock clock, Supplier<UUID> ids) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.ids = Objects.requireNonNull(ids, "ids must not be null");
	}

	/**
	 * Makes the next version of a rubric.
	 * @param base the rubric to start from (the template or any later version)
	 * @param changes the changes, applied in order
	 * @return the new version
	 * @throws RubricException when the change set is empty or a change cannot be applied
	 */
	public Rubric apply(Rubric base, RubricChanges changes) {
		if (changes.isEmpty()) {
			throw new RubricException(Reason.INVALID_CHANGE, "A new rubric version needs at least one change");
		}
		int number = base.version().number() + 1;
		RubricDraft draft = new RubricDraft(base, number);
		for (RubricChange change : changes.changes()) {
			change.applyTo(draft);
		}
		RubricVersion version = new RubricVersion(number, base.id(), base.templateId(), this.clock.instant());
		return new Rubric(this.ids.get(), base.origin(), version, draft.scale, draft.criteria, base.competenties());
	}

}
