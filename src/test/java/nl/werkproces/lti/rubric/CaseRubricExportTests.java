package nl.werkproces.lti.rubric;

import java.net.URI;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRubricExportTests {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private final CaseRubricExport export = new CaseRubricExport(URI.create("https://werkproces.example.nl/case/"));

	private final JsonMapper json = JsonMapper.builder().build();

	private final Rubric rubric = TestRubrics.workedExample();

	@Test
	void cfRubricHasIdentityTitleDescriptionAndChangeTime() {
		JsonNode root = this.json.readTree(this.export.toJson(this.rubric));

		assertThat(root.get("identifier").asString()).isEqualTo(this.rubric.id().toString());
		assertThat(root.get("uri").asString())
			.isEqualTo("https://werkproces.example.nl/case/CFRubrics/" + this.rubric.id());
		assertThat(root.get("title").asString()).isEqualTo(
				"B1-K2-W2 Implementeert (een deel van) het informatiesysteem (Netwerk- en mediabeheerder)");
		assertThat(root.get("description").asString()).contains("kwalificatiedossier ICT- en mediabeheer, versie 2016")
			.contains("profiel Netwerk- en mediabeheerder")
			.contains("Maximum 27 punten, cesuur 18")
			.contains("Competenties (niet gescoord): Vakdeskundigheid toepassen");
		assertThat(root.get("lastChangeDateTime").asString()).isEqualTo("2025-09-01T08:00:00Z");
		assertThat(root.get("CFRubricCriteria")).hasSize(9);
	}

	@Test
	void criteriaHaveCategoryDescriptionPositionAndRubricId() {
		JsonNode criteria = this.json.readTree(this.export.toJson(this.rubric)).get("CFRubricCriteria");

		JsonNode first = criteria.get(0);
		assertThat(first.get("identifier").asString()).matches(UUID_PATTERN);
		assertThat(first.get("uri").asString())
			.isEqualTo("https://werkproces.example.nl/case/CFRubricCriteria/" + first.get("identifier").asString());
		assertThat(first.get("category").asString()).isEqualTo("Proces");
		assertThat(first.get("description").asString()).startsWith("Zorgt ervoor dat de implementatie");
		assertThat(first.get("position").asInt()).isEqualTo(1);
		assertThat(first.get("weight").asDouble()).isEqualTo(1.0);
		assertThat(first.get("rubricId").asString()).isEqualTo(this.rubric.id().toString());
		assertThat(criteria.get(5).get("category").asString()).isEqualTo("Proces, aanvullend");
		assertThat(criteria.get(7).get("category").asString()).isEqualTo("Product, kritisch");
		assertThat(criteria.get(8).get("category").asString()).isEqualTo("Product, kritisch, aanvullend");
		assertThat(criteria.get(8).get("position").asInt()).isEqualTo(9);
	}

	@Test
	void levelsHaveQualityScoreDescriptionFeedbackAndPosition() {
		JsonNode criterion = this.json.readTree(this.export.toJson(this.rubric)).at("/CFRubricCriteria/0");
		JsonNode levels = criterion.get("CFRubricCriterionLevels");

		assertThat(levels).hasSize(4);
		JsonNode voldoende = levels.get(2);
		assertThat(voldoende.get("identifier").asString()).matches(UUID_PATTERN);
		assertThat(voldoende.get("uri").asString()).isEqualTo(
				"https://werkproces.example.nl/case/CFRubricCriterionLevels/" + voldoende.get("identifier").asString());
		assertThat(voldoende.get("quality").asString()).isEqualTo("voldoende");
		assertThat(voldoende.get("score").asDouble()).isEqualTo(2.0);
		assertThat(voldoende.get("description").asString()).startsWith("Zoals beschreven: zorgt ervoor dat");
		assertThat(voldoende.get("feedback").asString()).isEqualTo("Zoals beschreven.");
		assertThat(voldoende.get("position").asInt()).isEqualTo(3);
		assertThat(voldoende.get("rubricCriterionId").asString()).isEqualTo(criterion.get("identifier").asString());
		assertThat(voldoende.get("lastChangeDateTime").asString()).isEqualTo("2025-09-01T08:00:00Z");
	}

	@Test
	void identifiersAreStableAndUnique() {
		JsonNode once = this.json.readTree(this.export.toJson(this.rubric));
		JsonNode twice = this.json.readTree(this.export.toJson(TestRubrics.workedExample()));

		assertThat(once).isEqualTo(twice);
		assertThat(once.findValuesAsString("identifier")).hasSize(1 + 9 + 9 * 4).doesNotHaveDuplicates();
	}

}
