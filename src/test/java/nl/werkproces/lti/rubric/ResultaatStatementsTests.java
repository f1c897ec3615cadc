package nl.werkproces.lti.rubric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultaatStatementsTests {

	@Test
	void sentencesOnOneLineStayOneStatement() {
		assertThat(ResultaatStatements.split("Eerste zin. Tweede zin.")).containsExactly("Eerste zin. Tweede zin.");
	}

	@Test
	void lineEndingASentenceEndsTheStatement() {
		assertThat(ResultaatStatements.split("Eerste resultaat.\nTweede resultaat."))
			.containsExactly("Eerste resultaat.", "Tweede resultaat.");
	}

	@Test
	void lineEndingInTheMiddleOfASentenceIsWrapping() {
		assertThat(ResultaatStatements.split("Eerste deel van\nhet resultaat.\r\nNog een."))
			.containsExactly("Eerste deel van het resultaat.", "Nog een.");
	}

	@Test
	void sentenceEndBeforeAClosingBracketEndsTheStatement() {
		assertThat(ResultaatStatements.split("Opgelost (met een workaround.)\nDocumentatie is compleet"))
			.containsExactly("Opgelost (met een workaround.)", "Documentatie is compleet");
	}

	@Test
	void emptyAndNotApplicableGiveNoStatements() {
		assertThat(ResultaatStatements.split("")).isEmpty();
		assertThat(ResultaatStatements.split("\n \n")).isEmpty();
		assertThat(ResultaatStatements.split("N.v.t.")).isEmpty();
	}

}
