package nl.werkproces.lti.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * What the grading form sends: {@code level.<criterion>} (score), {@code remark.<criterion>} and
 * {@code overallRemark}. Unchosen levels and blank remarks are left out.
 */
public record GradingInput(Map<String, Integer> levels, Map<String, String> remarks, String overallRemark) {

	public GradingInput {
		levels = Map.copyOf(levels);
		remarks = Map.copyOf(remarks);
	}

	public static GradingInput from(MultiValueMap<String, String> form) {
		Map<String, Integer> levels = new LinkedHashMap<>();
		Map<String, String> remarks = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			String value = values.isEmpty() ? null : values.get(0);
			if (value == null || value.isBlank()) {
				return;
			}
			if (name.startsWith("level.")) {
				levels.put(name.substring(6), parseLevel(name.substring(6), value));
			}
			else if (name.startsWith("remark.")) {
				remarks.put(name.substring(7), value.strip());
			}
		});
		String overall = form.getFirst("overallRemark");
		return new GradingInput(levels, remarks, (overall != null && !overall.isBlank()) ? overall.strip() : null);
	}

	private static Integer parseLevel(String key, String value) {
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new GradingException(GradingException.Reason.INVALID_LEVEL, List.of(key));
		}
	}

}
