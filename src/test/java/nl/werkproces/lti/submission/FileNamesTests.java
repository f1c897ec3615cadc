package nl.werkproces.lti.submission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploaded file names lose paths, control and bidi characters and Windows-reserved characters, but stay readable. */
class FileNamesTests {

	@Test
	void pathsAreDropped() {
		assertThat(FileNames.sanitise("../../etc/passwd.txt")).isEqualTo("passwd.txt");
		assertThat(FileNames.sanitise("C:\\Users\\sam\\Verslag B1-K2-W2.docx")).isEqualTo("Verslag B1-K2-W2.docx");
	}

	@Test
	void controlBidiAndReservedCharactersAreRemovedOrReplaced() {
		assertThat(FileNames.sanitise("ver\u0000sl\nag\u202Efdp.exe")).isEqualTo("verslagfdp.exe");
		assertThat(FileNames.sanitise("a\u0085b\u009b.pdf")).isEqualTo("ab.pdf");
		assertThat(FileNames.sanitise("plan <v2>: \"final\"?.pdf")).isEqualTo("plan _v2__ _final__.pdf");
	}

	@Test
	void readableNamesStay() {
		assertThat(FileNames.sanitise("Één netwerkadvies (definitief).pdf")).isEqualTo("Één netwerkadvies (definitief).pdf");
	}

	@Test
	void emptyOrDotOnlyNamesGetAFallback() {
		assertThat(FileNames.sanitise("")).isEqualTo("bestand");
		assertThat(FileNames.sanitise("..")).isEqualTo("bestand");
		assertThat(FileNames.sanitise(null)).isEqualTo("bestand");
	}

	@Test
	void longNamesAreShortenedKeepingTheExtension() {
		String name = FileNames.sanitise("a".repeat(300) + ".pdf");
		assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
	}

	@Test
	void knownTypesAreSniffedAndExecutablesRefused() {
		assertThat(FileTypes.matches("pdf", "%PDF-1.7".getBytes())).isTrue();
		assertThat(FileTypes.matches("docx", new byte[] { 'P', 'K', 3, 4, 0 })).isTrue();
		assertThat(FileTypes.matches("docx", "%PDF-1.7".getBytes())).isFalse();
		assertThat(FileTypes.matches("png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })).isTrue();
		assertThat(FileTypes.matches("jpg", new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 })).isTrue();
		assertThat(FileTypes.matches("txt", "gewoon tekst".getBytes())).isTrue();
		assertThat(FileTypes.matches("txt", new byte[] { 'a', 0, 'b' })).isFalse();
		assertThat(FileTypes.isExecutable(new byte[] { 0x7f, 'E', 'L', 'F' })).isTrue();
		assertThat(FileTypes.matches("txt", "#!/bin/sh".getBytes())).isFalse();
	}

}
