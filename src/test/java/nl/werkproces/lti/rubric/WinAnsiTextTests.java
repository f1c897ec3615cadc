package nl.werkproces.lti.rubric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WinAnsiTextTests {

	@Test
	void dutchTextPassesUnchanged() {
		String dutch = "Ge\u00efnstalleerde componenten, co\u00f6rdinatie, caf\u00e9, \u2018collega\u2019s\u2019 \u2013 \u201cgoed\u201d \u2026 \u20ac 5,50 \u00a7";

		assertThat(WinAnsiText.of(dutch)).isEqualTo(dutch);
	}

	@Test
	void decomposedAccentsAreComposed() {
		assertThat(WinAnsiText.of("gei\u0308nstalleerd")).isEqualTo("ge\u00efnstalleerd");
	}

	@Test
	void mathematicalSignsBecomeAscii() {
		assertThat(WinAnsiText.of("S \u2265 85 % \u2212 1 \u2192 klaar")).isEqualTo("S >= 85 % - 1 -> klaar");
	}

	@Test
	void lettersOutsideWinAnsiLoseTheirAccent() {
		assertThat(WinAnsiText.of("Erd\u0151s \u0141\u00f3d\u017a")).isEqualTo("Erdos ?\u00f3dz");
	}

	@Test
	void unknownCharactersBecomeQuestionMarks() {
		assertThat(WinAnsiText.of("\u65e5\u672c \ud83d\ude00")).isEqualTo("?? ?");
	}

	@Test
	void lineBreaksAndTabsBecomeSpaces() {
		assertThat(WinAnsiText.of("a\nb\tc\u00a0d")).isEqualTo("a b c d");
	}

}
