package nl.werkproces.lti.rubric;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Rubric fixtures. The worked example is B1-K2-W2 for Netwerk- en mediabeheerder, copied by hand from
 * {@code shared/dossiers/ict-en-mediabeheer.txt} with the line breaks of the extracted text kept in the resultaat.
 */
final class TestRubrics {

	static final Instant DERIVED_AT = Instant.parse("2025-09-01T08:00:00Z");

	static final Clock CLOCK = Clock.fixed(DERIVED_AT, ZoneOffset.UTC);

	static final RubricOrigin WORKED_EXAMPLE_ORIGIN = new RubricOrigin("ICT- en mediabeheer", "2016", "B1-K2-W2",
			"Implementeert (een deel van) het informatiesysteem", "Netwerk- en mediabeheerder");

	private TestRubrics() {
	}

	static RubricSource workedExampleSource() {
		return new RubricSource(WORKED_EXAMPLE_ORIGIN, List.of(
				"zorgt ervoor dat de implementatie volgens plan verloopt. Hij bewaakt daarbij de voortgang ten aanzien van\n"
						+ "gedefinieerde deadlines en gestelde doelen.",
				"werkt ordelijk en systematisch en houdt rekening met de kwaliteits- en productiviteitseisen.",
				"blijft onder druk en spanning objectief in het beoordelen van en handelen naar omstandigheden.",
				"voert de geplande installatie- en configuratiewerkzaamheden correct uit en test daarbij de werking grondig.",
				"bespreekt waar nodig de afwijkingen in de uitvoering ten opzichte van de vooraf gedefinieerde planning met zijn\n"
						+ "opdrachtgever en rapporteert de resultaten volledig en correct."),
				"De implementatie stemt overeen met de opdracht en het ontwerp en is volgens het implementatieplan op juiste\n"
						+ "wijze uitgevoerd. De rapportage en documentatie zijn correct en volledig opgeleverd.",
				List.of("werkt conform de voorgeschreven procedures en veiligheidsvoorschriften",
						"is gedreven om de netwerk-/mediainfrastructuur zo optimaal mogelijk te krijgen en te behouden."),
				"Correct en volledig ge\u00efnstalleerde netwerkcomponenten en -besturingssystemen en indien van toepassing een\n"
						+ "correct en volledig werkend monitoringsysteem. Mogelijke koppelingen tussen netwerken dienen correct\n"
						+ "uitgevoerd te zijn en de netwerkbeveiliging voldoet aan de voorschriften en gestelde eisen.",
				List.of("Vakdeskundigheid toepassen", "Plannen en organiseren", "Kwaliteit leveren",
						"Met druk en tegenslag omgaan", "Samenwerken en overleggen", "Instructies en procedures opvolgen",
						"Kwaliteit leveren"));
	}

	/** The worked example as derived: 9 criteria, template version 1. */
	static Rubric workedExample() {
		return new RubricDerivation(CLOCK).derive(workedExampleSource());
	}

	/** A rubric of {@code size} process criteria; the criteria at the given (0-based) indexes are kritisch. */
	static Rubric ofSize(int size, int... kritischIndexes) {
		Set<Integer> kritisch = IntStream.of(kritischIndexes).boxed().collect(Collectors.toSet());
		List<Criterion> criteria = IntStream.range(0, size).mapToObj((i) -> {
			String text = "Voert handeling " + (i + 1) + " correct uit";
			return new Criterion("gedrag-" + (i + 1), text, CriterionKind.PROCESS, false, kritisch.contains(i),
					LevelDescriptors.generate(CriterionKind.PROCESS, RubricScale.POINTS_0_3, text));
		}).toList();
		return new Rubric(UUID.nameUUIDFromBytes(("size " + size).getBytes()), WORKED_EXAMPLE_ORIGIN,
				RubricVersion.template(DERIVED_AT), RubricScale.POINTS_0_3, criteria, List.of());
	}

	/** The chosen levels for a rubric, given in criterion order. */
	static Map<String, Integer> levels(Rubric rubric, int... scores) {
		if (scores.length != rubric.criteria().size()) {
			throw new IllegalArgumentException("need " + rubric.criteria().size() + " scores");
		}
		Map<String, Integer> levels = new LinkedHashMap<>();
		for (int i = 0; i < scores.length; i++) {
			levels.put(rubric.criteria().get(i).key(), scores[i]);
		}
		return levels;
	}

}
