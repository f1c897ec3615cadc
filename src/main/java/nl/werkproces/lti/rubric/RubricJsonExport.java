package nl.werkproces.lti.rubric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a rubric as plain JSON: origin (dossier title and version, werkproces, profiel), version history
 * references, scale, maximum, cesuur, competentie tags and the criteria with their levels. Field names follow the
 * model; the structure is stable for other tools to read.
 */
public final class RubricJsonExport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private RubricJsonExport() {
	}

	/**
	 * The rubric as JSON text.
	 * @param rubric the rubric
	 * @return indented JSON
	 */
	public static String toJson(Rubric rubric) {
		return JSON.writeValueAsString(toMap(rubric));
	}

	/**
	 * The rubric as JSON text.
	 * @param rubric the rubric
	 * @param versionText the dossier version as people read it (see {@link #toMap(Rubric, String)})
	 * @return indented JSON
	 */
	public static String toJson(Rubric rubric, String versionText) {
		return JSON.writeValueAsString(toMap(rubric, versionText));
	}

	/**
	 * The rubric as a JSON-ready structure of maps, lists, strings, numbers and booleans.
	 * @param rubric the rubric
	 * @return ordered map for serialisation
	 */
	public static Map<String, Object> toMap(Rubric rubric) {
		String stated = rubric.origin().statedVersion();
		return toMap(rubric, (stated != null) ? stated : "versie onbekend");
	}

	/**
	 * The rubric as a JSON-ready structure. {@code dossier.version} is the version as people read it ("2016", or
	 * "versie onbekend (geïmporteerd op …)"); {@code dossier.versionLabel} is the version's identity with the start
	 * of the source's SHA-256, as rubrics and gradings store it.
	 * @param rubric the rubric
	 * @param versionText the dossier version as people read it
	 * @return ordered map for serialisation
	 */
	public static Map<String, Object> toMap(Rubric rubric, String versionText) {
		RubricOrigin origin = rubric.origin();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", rubric.id().toString());
		json.put("dossier", ordered("title", origin.dossierTitle(), "version", versionText, "versionLabel",
				origin.dossierVersion()));
		json.put("werkproces", ordered("code", origin.werkprocesCode(), "title", origin.werkprocesTitle()));
		json.put("profiel", origin.profiel());
		RubricVersion version = rubric.version();
		json.put("version", ordered("number", version.number(), "previousId", string(version.previousId()),
				"templateId", rubric.templateId().toString(), "createdAt", version.createdAt().toString()));
		json.put("scale", rubric.scale().name());
		json.put("maximum", rubric.maximum());
		json.put("cesuur", rubric.cesuur());
		json.put("competenties", rubric.competenties());
		json.put("criteria", rubric.criteria().stream().map(RubricJsonExport::criterion).toList());
		return json;
	}

	private static Map<String, Object> criterion(Criterion criterion) {
		Map<String, Object> json = ordered("key", criterion.key(), "text", criterion.text(), "kind",
				criterion.kind().name());
		json.put("aanvullend", criterion.aanvullend());
		json.put("kritisch", criterion.kritisch());
		List<Map<String, Object>> levels = criterion.levels()
			.stream()
			.map((level) -> ordered("score", level.score(), "label", level.label(), "descriptor", level.descriptor()))
			.toList();
		json.put("levels", levels);
		return json;
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static String string(Object value) {
		return Objects.toString(value, null);
	}

}
