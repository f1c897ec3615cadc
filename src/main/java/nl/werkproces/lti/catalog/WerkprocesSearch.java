package nl.werkproces.lti.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.werkproces.lti.dossier.Werkproces;

/**
 * The catalog's search: a werkproces matches when its code starts with the query (e.g. {@code B1-K2}), or when each
 * word of the query occurs in its code, title or omschrijving. Case and accents do not matter.
 */
public record WerkprocesSearch(String query, List<String> words) {

	static WerkprocesSearch of(String query) {
		String normalised = (query != null) ? fold(query.strip()) : "";
		List<String> words = Arrays.stream(normalised.split("\\s+")).filter((word) -> !word.isEmpty()).toList();
		return new WerkprocesSearch((query != null) ? query.strip() : "", words);
	}

	public boolean isEmpty() {
		return this.words.isEmpty();
	}

	boolean matches(Werkproces werkproces) {
		if (isEmpty()) {
			return true;
		}
		String code = fold(werkproces.code());
		if (code.startsWith(fold(this.query))) {
			return true;
		}
		String text = code + " " + fold(werkproces.titel()) + " " + fold(werkproces.omschrijving());
		return this.words.stream().allMatch(text::contains);
	}

	/** Lower case without accents, as the page's filter script does. */
	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
