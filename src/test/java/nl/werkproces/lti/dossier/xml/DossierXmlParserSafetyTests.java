package nl.werkproces.lti.dossier.xml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.TestDossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DossierXmlParser} on hostile and non-dossier XML.
 */
class DossierXmlParserSafetyTests {

	private final DossierXmlParser parser = new DossierXmlParser();

	@Test
	void refusesAnXxePayloadWithoutReadingTheFile(@TempDir Path dir) throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE sbb [ <!ENTITY xxe SYSTEM "%s"> ]>
				<sbb><dossiers><dossier titel="&xxe;"/></dossiers></sbb>
				""".formatted(secret.toUri());

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(bytes(xml)))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.XML_DOCTYPE_REFUSED);
				assertThat(ex.dutchMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
				assertThat(ex.getMessage()).doesNotContain("TOP-SECRET");
			});
	}

	@Test
	void refusesXmlNestedTenThousandLevelsDeepWithoutOverflowingTheStack() {
		String xml = "<sbb><dossiers><dossier titel=\"Diep\">" + "<basis>".repeat(10_000) + "</basis>".repeat(10_000)
				+ "</dossier></dossiers></sbb>";

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(bytes(xml)))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.XML_TOO_DEEP);
				assertThat(ex.dutchMessage()).contains("dieper dan 64");
			});
	}

	@Test
	void refusesMoreThan500WerkprocessenBeforeBuildingTheDom() {
		String werkproces = "<werkproces titel=\"W\"><werkprocesgedrag>- werkt.</werkprocesgedrag></werkproces>";
		String xml = "<sbb><dossiers><dossier titel=\"Veel\"><basis><basistaken><basiskerntaken><kerntaak titel=\"K\">"
				+ "<basiswerkprocessen>" + werkproces.repeat(501)
				+ "</basiswerkprocessen></kerntaak></basiskerntaken></basistaken></basis></dossier></dossiers></sbb>";

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(bytes(xml)))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.TOO_MANY);
				assertThat(ex.dutchMessage()).contains("meer dan 500 werkprocessen");
			});
	}

	@Test
	void refusesMoreThan1000BulletsInOneList() {
		String xml = "<sbb><dossiers><dossier titel=\"Lang\"><basis><basistaken><basiskerntaken><kerntaak titel=\"K\""
				+ " hoofdstuk=\"1\"><basiswerkprocessen><werkproces titel=\"W\" hoofdstuk=\"1\"><werkprocesgedrag><![CDATA["
				+ "- werkt.\n".repeat(1001)
				+ "]]></werkprocesgedrag></werkproces></basiswerkprocessen></kerntaak></basiskerntaken></basistaken></basis>"
				+ "</dossier></dossiers></sbb>";

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(bytes(xml)))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.TOO_MANY);
				assertThat(ex.dutchMessage()).contains("meer dan 1000 opsommingstekens");
			});
	}

	@Test
	void refusesEntityExpansion() {
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [
				 <!ENTITY lol "lol">
				 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
				]>
				<sbb>&lol3;</sbb>
				""";

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(bytes(xml)))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.XML_DOCTYPE_REFUSED);
	}

	@Test
	void refusesAnExternalDtdInUtf16() {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
				+ "<!DOCTYPE sbb SYSTEM \"http://localhost:1/evil.dtd\">\n<sbb><dossiers/></sbb>";

		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.parser.read(xml.getBytes(StandardCharsets.UTF_16)))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.XML_DOCTYPE_REFUSED);
	}

	@Test
	void theParserItselfRefusesADoctypeHiddenBehindALongProlog(@TempDir Path dir) throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
		String xml = "<?xml version=\"1.0\"?>\n<!-- " + "x".repeat(70_000) + " -->\n"
				+ "<!DOCTYPE sbb [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
				+ "<sbb><dossiers><dossier titel=\"&xxe;\"/></dossiers></sbb>";

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(bytes(xml)))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.XML_INVALID);
				assertThat(ex.getMessage()).doesNotContain("TOP-SECRET");
			});
	}

	@Test
	void refusesXmlThatIsNotWellFormed() {
		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.parser.read(bytes("<sbb>\n<dossiers>\n<dossier titel=\"x\">\n</sbb>")))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.XML_INVALID);
				assertThat(ex.dutchMessage()).startsWith("Het XML-bestand is niet geldig (regel 4");
			});
	}

	@Test
	void refusesBytesThatAreNotXml() {
		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.parser.read(TestDossiers.ictEnMediabeheerText().getBytes(StandardCharsets.UTF_8)))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.XML_INVALID);
		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.parser.read(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2 }))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.XML_INVALID);
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(new byte[0]))
			.extracting(DossierFormatException::reason)
			.isEqualTo(Reason.EMPTY);
	}

	@Test
	void refusesXmlThatIsNotADossierExport() {
		for (String xml : new String[] { "<html><body>Hallo</body></html>", "<sbb><competenties/></sbb>",
				"<sbb><dossiers/></sbb>", "<export><dossiers><dossier titel=\"x\"/></dossiers></export>" }) {
			assertThatExceptionOfType(DossierFormatException.class).as(xml)
				.isThrownBy(() -> this.parser.read(bytes(xml)))
				.satisfies((ex) -> {
					assertThat(ex.reason()).isEqualTo(Reason.NOT_A_DOSSIER);
					assertThat(ex.dutchMessage()).contains("geen kwalificatiedossier");
				});
		}
	}

	@Test
	void refusesADossierWithoutKerntaken() {
		String xml = "<sbb><dossiers><dossier titel=\"Leeg\"><basis/><profielen/></dossier></dossiers></sbb>";

		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(bytes(xml)))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.NO_KERNTAKEN);
				assertThat(ex.dutchMessage()).isEqualTo("Dossier Leeg bevat geen kerntaken met werkprocessen.");
			});
	}

	@Test
	void parsesOrRefusesEveryTruncationOfTheSample() {
		byte[] sample = TestDossiers.dienstverleningXml();
		for (int end = 0; end < sample.length; end += sample.length / 50) {
			byte[] truncated = Arrays.copyOf(sample, end);
			assertThatExceptionOfType(DossierFormatException.class).as("truncated after %d bytes", end)
				.isThrownBy(() -> this.parser.read(truncated))
				.extracting(DossierFormatException::reason)
				.isIn(Reason.EMPTY, Reason.XML_INVALID);
		}
	}

	private static byte[] bytes(String xml) {
		return xml.getBytes(StandardCharsets.UTF_8);
	}

}
