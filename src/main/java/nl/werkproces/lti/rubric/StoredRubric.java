package nl.werkproces.lti.rubric;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rubric as stored in {@code rubric_version.content}: the record structure as JSON. Field names are part of the
 * stored format.
 */
final class StoredRubric {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private StoredRubric() {
	}

	static String write(Rubric rubric) {
		return JSON.writeValueAsString(rubric);
	}

	static Rubric read(String json) {
		return JSON.readValue(json, Rubric.class);
	}

}
