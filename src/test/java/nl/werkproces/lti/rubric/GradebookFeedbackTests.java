package nl.werkproces.lti.rubric;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static nl.werkproces.lti.rubric.TestRubrics.levels;
import static org.assertj.core.api.Assertions.assertThat;

class GradebookFeedbackTests {

	private final Rubric workedExample = TestRubrics.workedExample();

	private final Map<String, Integer> levels = levels(this.workedExample, 2, 3, 2, 2, 1, 2, 2, 3, 2);

	private final RubricScore score = RubricScoring.score(this.workedExample, this.levels);

	@Test
	void feedbackListsSummaryOverallRemarkAndEveryCriterionByNumberWithLevelAndRemark() {
		Criterion fifth = this.workedExample.criteria().get(4);
		String feedback = GradebookFeedback.of(this.workedExample, this.score, this.levels,
				Map.of(fifth.key(), "  Te weinig getest  "), "Goed verslag", Locale.forLanguageTag("nl"));
		assertThat(feedback).startsWith(GradebookComment.dutch(this.workedExample, this.score)
				+ "\n\nAlgemene opmerking: Goed verslag\n\n1. " + this.workedExample.criteria().get(0).text()
				+ " — 2 voldoende\n2. ");
		assertThat(feedback).contains("\n5. " + fifth.text() + " — 1 onvoldoende. Opmerking: Te weinig getest\n6. ");
		assertThat(feedback.lines().filter((line) -> line.matches("\\d+\\. .*"))).hasSize(9);
		assertThat(feedback).doesNotContain(fifth.key());
	}

	@Test
	void englishFeedbackHasEnglishLevelsAndNoOverallRemarkLineWhenThereIsNone() {
		String feedback = GradebookFeedback.of(this.workedExample, this.score, this.levels, Map.of(), null,
				Locale.ENGLISH);
		assertThat(feedback).startsWith(GradebookComment.english(this.workedExample, this.score) + "\n\n1. ")
			.contains(" — 3 good\n")
			.contains(" — 1 insufficient\n")
			.doesNotContain("Overall remark")
			.doesNotContain("voldoende");
	}

	@Test
	void longRemarksAreCutAtALineOrWordWithAMarkerWithinTheLimit() {
		Map<String, String> remarks = new HashMap<>();
		this.workedExample.criteria().forEach((c) -> remarks.put(c.key(), "Uitgebreide toelichting ".repeat(40)));
		String feedback = GradebookFeedback.of(this.workedExample, this.score, this.levels, remarks,
				"Algemeen 😀 ".repeat(30), Locale.forLanguageTag("nl"));
		assertThat(feedback).hasSizeLessThanOrEqualTo(GradebookFeedback.MAX_LENGTH)
			.startsWith(GradebookComment.dutch(this.workedExample, this.score))
			.endsWith("\n… (ingekort: de volledige beoordeling staat in de tool)");
		String beforeMarker = feedback.substring(0, feedback.indexOf("\n… (ingekort"));
		assertThat(beforeMarker).doesNotEndWith(" ").matches("(?s).*(toelichting|\\d+ \\w+)$");
	}

	@Test
	void shortFeedbackIsNeverCut() {
		String feedback = GradebookFeedback.of(this.workedExample, this.score, this.levels, Map.of(), "Kort",
				Locale.forLanguageTag("nl"));
		assertThat(feedback).doesNotContain("ingekort").endsWith(" — 2 voldoende");
	}

}
