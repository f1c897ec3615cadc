package nl.werkproces.lti.rubric;

import java.util.List;

/**
 * Generates the Dutch level descriptors of a criterion from its text, e.g. "Zoals beschreven: zorgt ervoor dat ...".
 * The qualifier before the colon says how the level differs from the norm, which is the dossier text itself
 * (voldoende: the norm for a beginning professional).
 */
final class LevelDescriptors {

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

}
