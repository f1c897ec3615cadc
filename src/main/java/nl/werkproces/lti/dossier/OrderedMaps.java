package nl.werkproces.lti.dossier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable map copies that keep the dossier's order (unlike {@link Map#copyOf}).
 */
final class OrderedMaps {

	private OrderedMaps() {
	}

	static <K, V> Map<K, V> copyOf(Map<K, V> map) {
		Map<K, V> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
		return Collections.unmodifiableMap(copy);
	}

	/** Looks a profiel name up exactly, then ignoring case. */
	static <V> V byProfielNaam(Map<String, V> map, String profielNaam, V absent) {
		V exact = map.get(profielNaam);
		if (exact != null) {
			return exact;
		}
		return map.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(profielNaam))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(absent);
	}

}
