package nl.werkproces.lti.rubric;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * A rubric for one werkproces (and profiel) of one version of a kwalificatiedossier. Immutable: teacher edits
 * produce a new version through {@link RubricEditor}.
 *
 * @param id identifies this version of the rubric
 * @param origin dossier identity and version, werkproces, profiel
 * @param version number and references to the previous version and the template
 * @param scale the levels an assessor chooses from
 * @param criteria the scored criteria, in the order they are shown
 * @param competenties onderliggende competenties, shown as tags and never scored
 */
public record Rubric(UUID id, RubricOrigin origin, RubricVersion version, RubricScale scale, List<Criterion> criteria,
		List<String> competenties) {

	public Rubric {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(origin, "origin must not be null");
		Assert.notNull(version, "version must not be null");
		Assert.notNull(scale, "scale must not be null");
		criteria = List.copyOf(criteria);
		competenties = List.copyOf(competenties);
		Set<String> keys = new HashSet<>();
		for (Criterion criterion : criteria) {
			Assert.isTrue(keys.add(criterion.key()), () -> "duplicate criterion key " + criterion.key());
			List<Integer> scores = criterion.levels().stream().map(Level::score).toList();
			Assert.isTrue(scores.equals(scale.scores()),
					() -> "criterion " + criterion.key() + " must have one level per score of scale " + scale);
		}
	}

	/**
	 * The highest total: 3 points per criterion.
	 * @return M = 3n
	 */
	public int maximum() {
		return this.scale.maximum(this.criteria.size());
	}

	/**
	 * The lowest voldoende total: 2 points per criterion.
	 * @return C = 2n
	 */
	public int cesuur() {
		return this.scale.cesuur(this.criteria.size());
	}

	/**
	 * What a level of a criterion looks like, short, in Dutch (see {@link #descriptor} for pages in any language).
	 * @return the Dutch qualifier for a generated descriptor, a teacher's own descriptor whole
	 */
	public String shortDescriptor(Criterion criterion, Level level) {
		return descriptor(criterion, level).text();
	}

	/**
	 * What a level of a criterion looks like, short: the qualifier ("Gedeeltelijk of alleen met sturing") when the
	 * descriptor is a generated one, which only repeats the criterion's sentence; a teacher's own descriptor whole.
	 * Recognises generated descriptors of older stored versions too.
	 * @return the qualifier by message key, or the teacher's text
	 */
	public ShortDescriptor descriptor(Criterion criterion, Level level) {
		return LevelDescriptors.generatedQualifier(criterion, level)
			.map((qualifier) -> new ShortDescriptor(qualifier.key(), qualifier.dutch()))
			.orElseGet(() -> new ShortDescriptor(null, level.descriptor()));
	}

	/**
	 * The criterion with this key.
	 * @param key the criterion key
	 * @return the criterion, or empty when the rubric has none with this key
	 */
	public Optional<Criterion> criterion(String key) {
		return this.criteria.stream().filter((criterion) -> criterion.key().equals(key)).findFirst();
	}

	/**
	 * The dossier-derived template this rubric descends from.
	 * @return the template's id; this rubric's own id when it is the template
	 */
	public UUID templateId() {
		return this.version.isTemplate() ? this.id : this.version.templateId();
	}

}
