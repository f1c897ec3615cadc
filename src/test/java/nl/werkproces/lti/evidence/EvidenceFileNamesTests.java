package nl.werkproces.lti.evidence;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceFileNamesTests {

	@Test
	void accentsAreDroppedOtherScriptsKeptAndSeparatorsBecomeOneUnderscore() {
		assertThat(EvidenceFileNames.part("Şükrü Yılmaz", "x")).isEqualTo("Sukru_Yılmaz");
		assertThat(EvidenceFileNames.part("Γιώργος Παπαδόπουλος", "x")).isEqualTo("Γιωργος_Παπαδοπουλος");
		assertThat(EvidenceFileNames.part("../../etc/passwd", "x")).isEqualTo("etc_passwd");
		assertThat(EvidenceFileNames.part("  ", "student")).isEqualTo("student");
		assertThat(EvidenceFileNames.part(null, "student")).isEqualTo("student");
		assertThat(EvidenceFileNames.part("a".repeat(200), "x")).hasSize(EvidenceFileNames.MAX_LENGTH);
	}

	@Test
	void fileNamesKeepTheirExtensionAndLoseAnyPath() {
		assertThat(EvidenceFileNames.file("verslag (def).PDF")).isEqualTo("verslag_def.pdf");
		assertThat(EvidenceFileNames.file("C:\\Users\\kim\\foto.jpg")).isEqualTo("foto.jpg");
		assertThat(EvidenceFileNames.file("../geheim")).isEqualTo("geheim");
		assertThat(EvidenceFileNames.file(".bashrc")).isEqualTo("bashrc");
		assertThat(EvidenceFileNames.file("")).isEqualTo("bestand");
	}

	@Test
	void aNameTakenInAFolderGetsANumber() {
		EvidenceFileNames.Used used = new EvidenceFileNames.Used();
		assertThat(used.unique("verslag.pdf")).isEqualTo("verslag.pdf");
		assertThat(used.unique("Verslag.pdf")).isEqualTo("Verslag-2.pdf");
		assertThat(used.unique("verslag.pdf")).isEqualTo("verslag-3.pdf");
	}

	@Test
	void studentFilesAreNamedFamilyGivenAndUserId() {
		assertThat(EvidenceFileNames.studentPdf(StudentName.of(7, "sub", "Şükrü Yılmaz", null, null)))
			.isEqualTo("Yılmaz_Sukru_7.pdf");
		assertThat(EvidenceFileNames.studentPdf(StudentName.of(8, "sub-8", null, null, null))).isEqualTo("sub-8_x_8.pdf");
		assertThat(EvidenceFileNames.studentPdf(StudentName.of(9, "s", "Jan de Vries", "Jan", "de Vries")))
			.isEqualTo("de_Vries_Jan_9.pdf");
	}

	@Test
	void cijferHasOneDecimalWithTheLanguagesDecimalSign() {
		assertThat(FilledInForms.cijfer(new BigDecimal("6.8"), Locale.forLanguageTag("nl"))).isEqualTo("6,8");
		assertThat(FilledInForms.cijfer(new BigDecimal("10"), Locale.forLanguageTag("nl"))).isEqualTo("10,0");
		assertThat(FilledInForms.cijfer(new BigDecimal("6.8"), Locale.ENGLISH)).isEqualTo("6.8");
		assertThat(FilledInForms.cijfer(null, Locale.ENGLISH)).isNull();
	}

}
