package nl.werkproces.lti.rubric;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Exports a rubric as a 1EdTech CASE 1.0 {@code CFRubric} (Competencies and Academic Standards Exchange, Information
 * Model section "CFRubric", "CFRubricCriterion", "CFRubricCriterionLevel"; REST/JSON binding).
 * <ul>
 * <li>The rubric's identifier is the rubric id; criteria and levels get name-based UUIDs from the rubric id, the
 * criterion key and the score, so exporting the same rubric twice gives the same identifiers.</li>
 * <li>Each {@code uri} is the tool's base URI with the CASE resource path, e.g.
 * {@code .../CFRubrics/{identifier}}.</li>
 * <li>CASE has no fields for dossier version, kritisch or aanvullend: the rubric {@code description} names dossier,
 * version, werkproces, profiel, maximum and cesuur; the criterion {@code category} says "Proces" or "Product" and
 * adds "kritisch" and "aanvullend".</li>
 * <li>Levels: {@code quality} is the Dutch label, {@code score} the points, {@code description} the descriptor and
 * {@code feedback} the generic meaning of the level. All criteria weigh 1.</li>
 * </ul>
 */
public final class CaseRubricExport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final String baseUri;

	/**
	 * An export that makes URIs below the given base.
	 * @param baseUri the tool's public base URI for CASE resources, e.g. {@code https://werkproces.example.nl/case}
	 */
	public CaseRubricExport(URI baseUri) {
		Assert.isTrue(baseUri != null && baseUri.isAbsolute(), "baseUri must be an absolute URI");
		String base = baseUri.toString();
		this.baseUri = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * The rubric as CASE JSON text.
	 * @param rubric the rubric
	 * @return indented JSON of one CFRubric
	 */
	public String toJson(Rubric rubric) {
		return JSON.writeValueAsString(toMap(rubric));
	}

	/**
	 * The rubric as CASE JSON text.
	 * @param rubric the rubric
	 * @param versionText the dossier version as people read it, e.g. "versie 2016" or "versie onbekend (geïmporteerd
	 * op …)"
	 * @return indented JSON of one CFRubric
	 */
	public String toJson(Rubric rubric, String versionText) {
		return JSON.writeValueAsString(toMap(rubric, versionText));
	}

	/**
	 * The rubric as a CFRubric structure of maps and lists.
	 * @param rubric the rubric
	 * @return ordered map for serialisation
	 */
	public Map<String, Object> toMap(Rubric rubric) {
		String stated = rubric.origin().statedVersion();
		return toMap(rubric, (stated != null) ? "versie " + stated : "versie onbekend");
	}

	/**
	 * The rubric as a CFRubric structure of maps and lists.
	 * @param rubric the rubric
	 * @param versionText the dossier version as people read it
	 * @return ordered map for serialisation
	 */
	public Map<String, Object> toMap(Rubric rubric, String versionText) {
		String rubricId = rubric.id().toString();
		String changed = DateTimeFormatter.ISO_INSTANT.format(rubric.version().createdAt());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("identifier", rubricId);
		json.put("uri", this.baseUri + "/CFRubrics/" + rubricId);
		json.put("title", title(rubric.origin()));
		json.put("description", description(rubric, versionText));
		json.put("lastChangeDateTime", changed);
		List<Map<String, Object>> criteria = new ArrayList<>();
		for (int i = 0; i < rubric.criteria().size(); i++) {
			criteria.add(criterion(rubric, rubric.criteria().get(i), i + 1, changed));
		}
		json.put("CFRubricCriteria", criteria);
		return json;
	}

	private Map<String, Object> criterion(Rubric rubric, Criterion criterion, int position, String changed) {
		String criterionId = uuid(rubric.id() + "/" + criterion.key());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("identifier", criterionId);
		json.put("uri", this.baseUri + "/CFRubricCriteria/" + criterionId);
		json.put("category", category(criterion));
		json.put("description", criterion.text());
		json.put("weight", 1.0);
		json.put("position", position);
		json.put("rubricId", rubric.id().toString());
		json.put("lastChangeDateTime", changed);
		List<Map<String, Object>> levels = new ArrayList<>();
		for (int i = 0; i < criterion.levels().size(); i++) {
			levels.add(level(rubric, criterion, criterionId, criterion.levels().get(i), i + 1, changed));
		}
		json.put("CFRubricCriterionLevels", levels);
		return json;
	}

	private Map<String, Object> level(Rubric rubric, Criterion criterion, String criterionId, Level level,
			int position, String changed) {
		String levelId = uuid(rubric.id() + "/" + criterion.key() + "/" + level.score());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("identifier", levelId);
		json.put("uri", this.baseUri + "/CFRubricCriterionLevels/" + levelId);
		json.put("description", level.descriptor());
		json.put("quality", level.label());
		json.put("score", (double) level.score());
		json.put("feedback", LevelDescriptors.qualifier(criterion.kind(), rubric.scale(), level.score()) + ".");
		json.put("position", position);
		json.put("rubricCriterionId", criterionId);
		json.put("lastChangeDateTime", changed);
		return json;
	}

	private static String title(RubricOrigin origin) {
		String title = origin.werkprocesCode() + " " + origin.werkprocesTitle();
		return (origin.profiel() != null) ? title + " (" + origin.profiel() + ")" : title;
	}

	private static String description(Rubric rubric, String versionText) {
		RubricOrigin origin = rubric.origin();
		String profiel = (origin.profiel() != null) ? ", profiel " + origin.profiel() : "";
		String competenties = rubric.competenties().isEmpty() ? ""
				: " Competenties (niet gescoord): " + String.join(", ", rubric.competenties()) + ".";
		return "Beoordelingsrubric bij kwalificatiedossier " + origin.dossierTitle() + ", "
				+ versionText + ", werkproces " + origin.werkprocesCode() + profiel + ". Rubricversie "
				+ rubric.version().number() + ". Maximum " + rubric.maximum() + " punten, cesuur " + rubric.cesuur()
				+ "; onder voldoende op een kritisch criterium is onvoldoende." + competenties;
	}

	private static String category(Criterion criterion) {
		StringBuilder category = new StringBuilder((criterion.kind() == CriterionKind.PROCESS) ? "Proces" : "Product");
		if (criterion.kritisch()) {
			category.append(", kritisch");
		}
		if (criterion.aanvullend()) {
			category.append(", aanvullend");
		}
		return category.toString();
	}

	private static String uuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
