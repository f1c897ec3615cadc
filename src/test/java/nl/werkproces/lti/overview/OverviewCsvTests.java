package nl.werkproces.lti.overview;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the overview's CSV writes fields for Dutch Excel. */
class OverviewCsvTests {

	@Test
	void cijferIsWrittenWithADecimalComma() {
		assertThat(OverviewCsv.field(new BigDecimal("5.5"))).isEqualTo("5,5");
		assertThat(OverviewCsv.field(new BigDecimal("10.0"))).isEqualTo("10,0");
	}

	@Test
	void fieldWithSeparatorQuoteOrLineBreakIsQuotedWithQuotesDoubled() {
		assertThat(OverviewCsv.field("Jansen; Piet")).isEqualTo("\"Jansen; Piet\"");
		assertThat(OverviewCsv.field("Piet \"PJ\" Jansen")).isEqualTo("\"Piet \"\"PJ\"\" Jansen\"");
		assertThat(OverviewCsv.field("regel\nregel")).isEqualTo("\"regel\nregel\"");
		assertThat(OverviewCsv.field("Şükrü Yılmaz")).isEqualTo("Şükrü Yılmaz");
	}

	@Test
	void nameThatLooksLikeAFormulaIsWrittenAsText() {
		assertThat(OverviewCsv.field("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK(");
		assertThat(OverviewCsv.field("+31 6")).isEqualTo("'+31 6");
	}

	@Test
	void fileStartsWithTheByteOrderMarkAndEndsRowsWithCrLfWithTheHistoryAfterAnEmptyLine() {
		byte[] csv = OverviewCsv.write(new OverviewTable(List.of(List.of("a", "b"), List.of("c", new BigDecimal("6.0"))), 1,
				List.of(List.of("Student", "Versie"), List.of("c", 2))), "Geschiedenis");

		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))
			.isEqualTo("a;b\r\nc;6,0\r\n\r\nGeschiedenis\r\nStudent;Versie\r\nc;2\r\n");
	}

}
