package nl.werkproces.lti.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the teacher said, as plain text for the gradebook (the AGS score's {@code comment}; Moodle shows it to
 * students and mentors as feedback): the {@link GradebookComment summary}, the overall remark, then each criterion
 * by number with its level and remark, in the launch's language. At most {@link #MAX_LENGTH} characters: a longer
 * text ends, at a line or word boundary, with a marker that says it was shortened.
 */
public final class GradebookFeedback {

	/** Readable in a gradebook cell and far within Moodle's feedback column and the outbox's {@code TEXT}. */
	public static final int MAX_LENGTH = 4000;

	private static final String[] ENGLISH_LEVELS = { "not shown", "insufficient", "sufficient", "good" };

	private GradebookFeedback() {
	}

	/**
	 * @param rubric the scored rubric
	 * @param score its score
	 * @param levels the chosen score per criterion key
	 * @param remarks the remark per criterion key (absent or blank: none)
	 * @param overallRemark the overall remark, may be {@code null}
	 * @param locale the launch's locale (English for an English locale, Dutch otherwise), may be {@code null}
	 * @return the comment, at most {@link #MAX_LENGTH} characters
	 */
	public static String of(Rubric rubric, RubricScore score, Map<String, Integer> levels,
			Map<String, String> remarks, String overallRemark, Locale locale) {
		boolean english = (locale != null) && "en".equals(locale.getLanguage());
		List<String> parts = new ArrayList<>();
		parts.add(GradebookComment.of(rubric, score, locale));
		if (overallRemark != null && !overallRemark.isBlank()) {
			parts.add((english ? "Overall remark: " : "Algemene opmerking: ") + overallRemark.strip());
		}
		List<String> criteria = new ArrayList<>();
		for (int i = 0; i < rubric.criteria().size(); i++) {
			criteria.add(criterion(i + 1, rubric.criteria().get(i), levels, remarks, english));
		}
		if (!criteria.isEmpty()) {
			parts.add(String.join("\n", criteria));
		}
		return bounded(String.join("\n\n", parts), english);
	}

	private static String criterion(int number, Criterion criterion, Map<String, Integer> levels,
			Map<String, String> remarks, boolean english) {
		StringBuilder line = new StringBuilder().append(number).append(". ").append(criterion.text().strip());
		Integer chosen = levels.get(criterion.key());
		if (chosen != null) {
			line.append(" — ").append(chosen).append(' ').append(label(criterion, chosen, english));
		}
		String remark = remarks.get(criterion.key());
		if (remark != null && !remark.isBlank()) {
			line.append(english ? ". Remark: " : ". Opmerking: ").append(remark.strip());
		}
		return line.toString();
	}

	private static String label(Criterion criterion, int chosen, boolean english) {
		if (english && chosen >= 0 && chosen < ENGLISH_LEVELS.length) {
			return ENGLISH_LEVELS[chosen];
		}
		return criterion.level(chosen).map(Level::label).orElse("");
	}

	private static String bounded(String text, boolean english) {
		if (text.length() <= MAX_LENGTH) {
			return text;
		}
		String marker = english ? "\n… (shortened: the full assessment is in the tool)"
				: "\n… (ingekort: de volledige beoordeling staat in de tool)";
		int end = MAX_LENGTH - marker.length();
		int lineBreak = text.lastIndexOf('\n', end);
		int space = text.lastIndexOf(' ', end);
		int cut = (lineBreak > end / 2) ? lineBreak : (space > end / 2) ? space : end;
		if (Character.isHighSurrogate(text.charAt(cut - 1))) {
			cut--;
		}
		return text.substring(0, cut).stripTrailing() + marker;
	}

}
