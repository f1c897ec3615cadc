package nl.werkproces.lti.evidence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandInZipFoldersTests {

	@Test
	void folderIsTheNameWithTheStudentsIdSoThatNamesakesGetTwoFolders() {
		assertThat(HandInZipFolders.folder("Sam Student", 12)).isEqualTo("Sam Student (12)");
		assertThat(HandInZipFolders.folder("Sam Student", 13)).isNotEqualTo(HandInZipFolders.folder("Sam Student", 12));
		assertThat(HandInZipFolders.folder("Şükrü Yılmaz", 7)).isEqualTo("Şükrü Yılmaz (7)");
	}

	@Test
	void separatorsDotsAndCharactersWindowsRefusesCannotLeaveTheFolder() {
		assertThat(HandInZipFolders.folder("../../etc", 1)).isEqualTo("_.._etc (1)");
		assertThat(HandInZipFolders.folder("..", 2)).isEqualTo("student (2)");
		assertThat(HandInZipFolders.folder(null, 3)).isEqualTo("student (3)");
		assertThat(HandInZipFolders.folder("a:b*c?\"d<e>f|g", 4)).isEqualTo("a_b_c__d_e_f_g (4)");
		assertThat(HandInZipFolders.file("..\\..\\evil.pdf")).isEqualTo("_.._evil.pdf");
		assertThat(HandInZipFolders.file("/etc/passwd")).isEqualTo("_etc_passwd");
		assertThat(HandInZipFolders.file("verslag.pdf.")).isEqualTo("verslag.pdf");
		assertThat(HandInZipFolders.file("...")).isEqualTo("bestand");
	}

	@Test
	void controlBidiAndFormatCharactersAreDropped() {
		assertThat(HandInZipFolders.file("rapport\u202Efdp.exe")).isEqualTo("rapportfdp.exe");
		assertThat(HandInZipFolders.folder("Sam\u0000\tStudent\n", 5)).isEqualTo("Sam Student (5)");
	}

	@Test
	void longNamesAreCutWithoutSplittingACharacterAndKeepTheirExtension() {
		String emoji = "😀".repeat(100);
		String folder = HandInZipFolders.folder(emoji, 9);
		assertThat(folder.codePointCount(0, folder.length())).isEqualTo(HandInZipFolders.MAX_FOLDER_LENGTH + 4);
		assertThat(folder).startsWith("😀").endsWith("😀 (9)");
		String file = HandInZipFolders.file("a".repeat(300) + ".pdf");
		assertThat(file).hasSize(HandInZipFolders.MAX_FILE_LENGTH).endsWith("a.pdf");
	}

	@Test
	void namesInOneFolderAreUniqueIgnoringCase() {
		HandInZipFolders.Folder folder = new HandInZipFolders.Folder();
		assertThat(folder.unique("verslag.pdf")).isEqualTo("verslag.pdf");
		assertThat(folder.unique("Verslag.PDF")).isEqualTo("Verslag (2).PDF");
		assertThat(folder.unique("verslag.pdf")).isEqualTo("verslag (3).pdf");
		assertThat(folder.unique("notities")).isEqualTo("notities");
		assertThat(folder.unique("notities")).isEqualTo("notities (2)");
	}

}
