package nl.werkproces.lti.dossier;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON stored in the catalog's {@code content} and {@code warnings} columns: the nested parts of kerntaken and
 * werkprocessen, whose keys (codes, profiel names) are columns of their own. Field names are part of the stored
 * format.
 */
final class StoredContent {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private StoredContent() {
	}

	record OfKerntaak(String complexiteit, String verantwoordelijkheidEnZelfstandigheid,
			List<String> vakkennisEnVaardigheden, Map<String, KerntaakAanvulling> aanvullingen) {

		static OfKerntaak of(Kerntaak kerntaak) {
			return new OfKerntaak(kerntaak.complexiteit(), kerntaak.verantwoordelijkheidEnZelfstandigheid(),
					kerntaak.vakkennisEnVaardigheden(), kerntaak.aanvullingen());
		}

		Kerntaak toKerntaak(String code, String titel, List<Werkproces> werkprocessen) {
			return new Kerntaak(code, titel, this.complexiteit, this.verantwoordelijkheidEnZelfstandigheid,
					orEmpty(this.vakkennisEnVaardigheden), orEmpty(this.aanvullingen), werkprocessen);
		}

	}

	record OfWerkproces(String omschrijving, String resultaat, List<String> gedrag, List<String> competenties,
			Map<String, ProfielAanvulling> aanvullingen) {

		static OfWerkproces of(Werkproces werkproces) {
			return new OfWerkproces(werkproces.omschrijving(), werkproces.resultaat(), werkproces.gedrag(),
					werkproces.competenties(), werkproces.aanvullingen());
		}

		Werkproces toWerkproces(String code, String titel) {
			return new Werkproces(code, titel, this.omschrijving, this.resultaat, orEmpty(this.gedrag),
					orEmpty(this.competenties), orEmpty(this.aanvullingen));
		}

	}

	static String write(Object content) {
		return JSON.writeValueAsString(content);
	}

	static <T> T read(String json, Class<T> type) {
		return JSON.readValue(json, type);
	}

	static List<String> readList(String json) {
		return JSON.readValue(json, new TypeReference<List<String>>() {
		});
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
		return (map != null) ? map : Map.of();
	}

}
