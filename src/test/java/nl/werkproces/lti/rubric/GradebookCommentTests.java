package nl.werkproces.lti.rubric;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static nl.werkproces.lti.rubric.TestRubrics.levels;
import static org.assertj.core.api.Assertions.assertThat;

class GradebookCommentTests {

	private final Rubric workedExample = TestRubrics.workedExample();

	private final RubricScore voldoende = RubricScoring.score(this.workedExample,
			levels(this.workedExample, 2, 3, 2, 2, 1, 2, 2, 3, 2));

	@Test
	void dutchSummaryOfWorkedExampleHasDecimalComma() {
		assertThat(GradebookComment.dutch(this.workedExample, this.voldoende))
			.isEqualTo("B1-K2-W2 (Netwerk- en mediabeheerder): voldoende, 19/27 punten (cesuur 18), cijfer 6,0");
	}

	@Test
	void englishSummaryOfWorkedExampleHasDecimalPoint() {
		assertThat(GradebookComment.english(this.workedExample, this.voldoende))
			.isEqualTo("B1-K2-W2 (Netwerk- en mediabeheerder): sufficient, 19/27 points (pass mark 18), grade 6.0");
	}

	@Test
	void summaryWithoutProfielHasNoParentheses() {
		Rubric basis = TestRubrics.ofSize(3);
		Rubric withoutProfiel = new Rubric(basis.id(),
				new RubricOrigin("ICT- en mediabeheer", "2016", "B1-K1-W1", "Stelt de wensen vast", null),
				basis.version(), basis.scale(), basis.criteria(), basis.competenties());

		RubricScore score = RubricScoring.score(withoutProfiel, levels(withoutProfiel, 3, 3, 3));

		assertThat(GradebookComment.dutch(withoutProfiel, score))
			.isEqualTo("B1-K1-W1: goed, 9/9 punten (cesuur 6), cijfer 10,0");
	}

	@Test
	void knockOutIsNamedAfterTheVerdict() {
		RubricScore knockOut = RubricScoring.score(this.workedExample,
				levels(this.workedExample, 3, 3, 3, 3, 3, 3, 3, 1, 1));

		assertThat(GradebookComment.dutch(this.workedExample, knockOut)).isEqualTo(
				"B1-K2-W2 (Netwerk- en mediabeheerder): onvoldoende (2 kritische criteria onder voldoende), 23/27 punten "
						+ "(cesuur 18), cijfer 5,0");
		assertThat(GradebookComment.english(this.workedExample, knockOut)).isEqualTo(
				"B1-K2-W2 (Netwerk- en mediabeheerder): insufficient (2 critical criteria below sufficient), 23/27 "
						+ "points (pass mark 18), grade 5.0");
	}

	@Test
	void localeChoosesTheLanguageWithDutchAsDefault() {
		assertThat(GradebookComment.of(this.workedExample, this.voldoende, Locale.forLanguageTag("en-GB")))
			.contains("sufficient");
		assertThat(GradebookComment.of(this.workedExample, this.voldoende, Locale.forLanguageTag("nl-NL")))
			.contains("voldoende");
		assertThat(GradebookComment.of(this.workedExample, this.voldoende, null)).contains("cijfer 6,0");
	}

}
