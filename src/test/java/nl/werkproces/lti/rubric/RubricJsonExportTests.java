package nl.werkproces.lti.rubric;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RubricJsonExportTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void jsonCarriesOriginVersionScaleAndTotals() {
		Rubric rubric = TestRubrics.workedExample();

		JsonNode root = this.json.readTree(RubricJsonExport.toJson(rubric));

		assertThat(root.get("id").asString()).isEqualTo(rubric.id().toString());
		assertThat(root.at("/dossier/title").asString()).isEqualTo("ICT- en mediabeheer");
		assertThat(root.at("/dossier/version").asString()).isEqualTo("2016");
		assertThat(root.at("/werkproces/code").asString()).isEqualTo("B1-K2-W2");
		assertThat(root.at("/werkproces/title").asString())
			.isEqualTo("Implementeert (een deel van) het informatiesysteem");
		assertThat(root.get("profiel").asString()).isEqualTo("Netwerk- en mediabeheerder");
		assertThat(root.at("/version/number").asInt()).isEqualTo(1);
		assertThat(root.at("/version/previousId").isNull()).isTrue();
		assertThat(root.at("/version/templateId").asString()).isEqualTo(rubric.id().toString());
		assertThat(root.at("/version/createdAt").asString()).isEqualTo("2025-09-01T08:00:00Z");
		assertThat(root.get("scale").asString()).isEqualTo("POINTS_0_3");
		assertThat(root.get("maximum").asInt()).isEqualTo(27);
		assertThat(root.get("cesuur").asInt()).isEqualTo(18);
		assertThat(root.get("competenties")).hasSize(6);
	}

	@Test
	void jsonHasEveryCriterionWithFlagsAndLevels() {
		JsonNode criteria = this.json.readTree(RubricJsonExport.toJson(TestRubrics.workedExample())).get("criteria");

		assertThat(criteria).hasSize(9);
		JsonNode resultaat = criteria.get(7);
		assertThat(resultaat.get("key").asString()).isEqualTo("resultaat-1");
		assertThat(resultaat.get("kind").asString()).isEqualTo("PRODUCT");
		assertThat(resultaat.get("kritisch").asBoolean()).isTrue();
		assertThat(resultaat.get("aanvullend").asBoolean()).isFalse();
		assertThat(resultaat.get("text").asString()).startsWith("De implementatie stemt overeen");
		assertThat(resultaat.get("levels")).hasSize(4);
		assertThat(resultaat.at("/levels/2/score").asInt()).isEqualTo(2);
		assertThat(resultaat.at("/levels/2/label").asString()).isEqualTo("voldoende");
		assertThat(resultaat.at("/levels/2/descriptor").asString()).startsWith("Zoals beschreven: de implementatie");
	}

	@Test
	void editedVersionPointsToPreviousAndTemplate() {
		Rubric template = TestRubrics.workedExample();
		Rubric edited = new RubricEditor(TestRubrics.CLOCK).apply(template,
				RubricChanges.create().changeScale(RubricScale.OVG));

		JsonNode root = this.json.readTree(RubricJsonExport.toJson(edited));

		assertThat(root.at("/version/number").asInt()).isEqualTo(2);
		assertThat(root.at("/version/previousId").asString()).isEqualTo(template.id().toString());
		assertThat(root.at("/version/templateId").asString()).isEqualTo(template.id().toString());
		assertThat(root.get("scale").asString()).isEqualTo("OVG");
		assertThat(root.at("/criteria/0/levels")).hasSize(3);
	}

	@Test
	void theStoredVersionLabelWithTheSourceHashIsOnlyAnIdentityNeverTheVersionPeopleRead() {
		Rubric base = TestRubrics.workedExample();
		RubricOrigin versionless = new RubricOrigin("ICT- en mediabeheer", "bron 3fa4b2c1d0e9", "B1-K2-W2", "Implementeert",
				null);
		RubricOrigin stated = new RubricOrigin("ICT- en mediabeheer", "2, bron 3fa4b2c1d0e9", "B1-K2-W2", "Implementeert",
				null);
		Rubric rubric = new Rubric(base.id(), versionless, base.version(), base.scale(), base.criteria(), List.of());

		JsonNode root = this.json.readTree(RubricJsonExport.toJson(rubric, "versie onbekend (geïmporteerd op 1 september 2025)"));

		assertThat(root.at("/dossier/version").asString()).isEqualTo("versie onbekend (geïmporteerd op 1 september 2025)");
		assertThat(root.at("/dossier/versionLabel").asString()).isEqualTo("bron 3fa4b2c1d0e9");
		assertThat(this.json.readTree(RubricJsonExport.toJson(rubric)).at("/dossier/version").asString())
			.isEqualTo("versie onbekend");
		assertThat(versionless.statedVersion()).isNull();
		assertThat(stated.statedVersion()).isEqualTo("2");
		assertThat(TestRubrics.WORKED_EXAMPLE_ORIGIN.statedVersion()).as("a label stored without hash").isEqualTo("2016");
	}

}
