package nl.werkproces.lti.rubric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Generates the Dutch level descriptors of a criterion from its text, e.g. "Zoals beschreven: zorgt ervoor dat ...".
 * The qualifier before the colon says how the level differs from the norm, which is the dossier text itself
 * (voldoende: the norm for a beginning professional). Every qualifier has a message key
 * ({@code rubric.qualifier.…}), so pages can show it in their own language.
 */
final class LevelDescriptors {

	/** Dutch qualifier text (lower case) to its message key, for every kind, scale and score. */
	private static final Map<String, String> KEYS_BY_TEXT = keysByText();

	private LevelDescriptors() {
	}

	static List<Level> generate(CriterionKind kind, RubricScale scale, String criterionText) {
		return scale.scores()
			.stream()
			.map((score) -> new Level(score, scale.label(score), descriptor(kind, scale, score, criterionText)))
			.toList();
	}

	static String descriptor(CriterionKind kind, RubricScale scale, int score, String criterionText) {
		return qualifier(kind, scale, score) + ": " + DossierText.lowercaseFirst(criterionText);
	}

	/** Whether a level still has the descriptor this class would generate, i.e. the teacher did not edit it. */
	static boolean isGenerated(Criterion criterion, RubricScale scale, Level level) {
		return level.descriptor().equals(descriptor(criterion.kind(), scale, level.score(), criterion.text()));
	}

	/** How a level relates to the norm, without the criterion text: "Gedeeltelijk of alleen met sturing". */
	static String qualifier(CriterionKind kind, RubricScale scale, int score) {
		if (scale == RubricScale.OVG && score == 1) {
			return (kind == CriterionKind.PROCESS) ? "Niet, gedeeltelijk of alleen met sturing aangetoond"
					: "Niet of gedeeltelijk aangetoond";
		}
		return switch (score) {
			case 0 -> "Niet aangetoond";
			case 1 -> (kind == CriterionKind.PROCESS) ? "Gedeeltelijk of alleen met sturing"
					: "Gedeeltelijk of onvolledig";
			case 2 -> "Zoals beschreven";
			default -> (kind == CriterionKind.PROCESS) ? "Zelfstandig, goed onderbouwd en proactief"
					: "Volledig zoals beschreven, zelfstandig gerealiseerd en goed onderbouwd";
		};
	}

	/** The message key of {@link #qualifier}: {@code rubric.qualifier.process.1}, {@code rubric.qualifier.ovg.product.1}. */
	static String qualifierKey(CriterionKind kind, RubricScale scale, int score) {
		String ovg = (scale == RubricScale.OVG && score == 1) ? "ovg." : "";
		return "rubric.qualifier." + ovg + kind.name().toLowerCase(Locale.ROOT) + "." + score;
	}

	/**
	 * The qualifier a stored level descriptor was generated with, so that it can be shown short and translated. A
	 * descriptor counts as generated when it is a known qualifier followed by ": " and the criterion's own text (case,
	 * spacing and a final full stop aside), or a known qualifier alone. This holds for versions stored long ago too: it
	 * does not depend on the scale or kind a level has now, only on the text stored with it.
	 * @return the qualifier's message key and Dutch text; empty for a descriptor the teacher wrote
	 */
	static Optional<Qualifier> generatedQualifier(Criterion criterion, Level level) {
		String descriptor = level.descriptor().strip();
		Qualifier alone = known(descriptor);
		if (alone != null) {
			return Optional.of(alone);
		}
		int colon = descriptor.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		Qualifier qualifier = known(descriptor.substring(0, colon));
		boolean sameText = comparable(descriptor.substring(colon + 1)).equals(comparable(criterion.text()));
		return (qualifier != null && sameText) ? Optional.of(qualifier) : Optional.empty();
	}

	private static Qualifier known(String text) {
		String dutch = comparable(text);
		String key = KEYS_BY_TEXT.get(dutch);
		return (key != null) ? new Qualifier(key, text.strip().replaceAll("\\.$", "")) : null;
	}

	private static String comparable(String text) {
		String compact = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return compact.endsWith(".") ? compact.substring(0, compact.length() - 1).strip() : compact;
	}

	private static Map<String, String> keysByText() {
		Map<String, String> keys = new LinkedHashMap<>();
		for (RubricScale scale : RubricScale.values()) {
			for (CriterionKind kind : CriterionKind.values()) {
				for (int score : scale.scores()) {
					keys.putIfAbsent(comparable(qualifier(kind, scale, score)), qualifierKey(kind, scale, score));
				}
			}
		}
		return Map.copyOf(keys);
	}

	/** A generated level's qualifier: its message key and its Dutch text. */
	record Qualifier(String key, String dutch) {
	}

}
