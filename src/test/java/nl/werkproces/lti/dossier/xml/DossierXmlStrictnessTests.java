package nl.werkproces.lti.dossier.xml;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.TestDossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An import never loses content silently: {@link DossierXmlParser} refuses, naming the element and its place, what
 * it does not read, and lists what it knows to be irrelevant. Each case changes one thing in the test export.
 */
class DossierXmlStrictnessTests {

	private static final String WERKPROCES_1 = "/sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak"
			+ "/basiswerkprocessen/werkproces[1]";

	private final DossierXmlParser parser = new DossierXmlParser();

	@Test
	void refusesAnUnknownElementInAWerkprocesNamingItsPlace() {
		DossierFormatException refusal = refusal("<werkprocesgedrag><![CDATA[De beroepsbeoefenaar:",
				"<werkprocesvoorbeelden><![CDATA[Een voorbeeld.]]></werkprocesvoorbeelden>"
						+ "<werkprocesgedrag><![CDATA[De beroepsbeoefenaar:");

		assertThat(refusal.reason()).isEqualTo(Reason.XML_UNKNOWN_ELEMENT);
		assertThat(refusal.path()).isEqualTo(WERKPROCES_1 + "/werkprocesvoorbeelden");
		assertThat(refusal.dutchMessage()).contains("<werkprocesvoorbeelden>", refusal.path());
		assertThat(refusal.getMessage()).contains("Unknown element <werkprocesvoorbeelden>");
	}

	@Test
	void refusesAnUnknownElementInsideAnAanvullend() {
		DossierFormatException refusal = refusal(
				"<aanvullend><profiel referentie=\"4711\" /><omschrijving><![CDATA[De beheerder installeert ook servers.]]></omschrijving>",
				"<aanvullend><profiel referentie=\"4711\" /><toelichting>Waarom.</toelichting>"
						+ "<omschrijving><![CDATA[De beheerder installeert ook servers.]]></omschrijving>");

		assertThat(refusal.path())
			.isEqualTo(WERKPROCES_1 + "/werkprocesomschrijving/werkprocesomschrijvingperprofiel/aanvullend/toelichting");
	}

	@Test
	void refusesARepeatedElementTheReaderTakesOnce() {
		DossierFormatException refusal = refusal("<werkprocesresultaat><![CDATA[De storing is opgelost.]]>",
				"<werkprocesresultaat><![CDATA[Eerder.]]></werkprocesresultaat>"
						+ "<werkprocesresultaat><![CDATA[De storing is opgelost.]]>");

		assertThat(refusal.reason()).isEqualTo(Reason.XML_UNKNOWN_ELEMENT);
		assertThat(refusal.path()).endsWith("/werkproces[2]/werkprocesresultaat[2]");
	}

	@Test
	void refusesTextWhereTheReaderExpectsNone() {
		DossierFormatException refusal = refusal("<basiswerkprocessen>",
				"<basiswerkprocessen>Deze werkprocessen gelden voor iedereen.");

		assertThat(refusal.path()).endsWith("/kerntaak/basiswerkprocessen");
	}

	@Test
	void refusesAnAanvullendThatNamesNoProfiel() {
		DossierFormatException refusal = refusal(
				"<aanvullend><profiel referentie=\"4712\" /><omschrijving><![CDATA[Het netwerk is getest.]]>",
				"<aanvullend><omschrijving><![CDATA[Het netwerk is getest.]]>");

		assertThat(refusal.reason()).isEqualTo(Reason.XML_UNKNOWN_REFERENCE);
		assertThat(refusal.path()).endsWith("/werkprocesresultaatperprofiel/aanvullend[2]");
	}

	@Test
	void refusesAnUnknownAttributeOnAWerkprocesNamingElementAttributeAndPlace() {
		DossierFormatException refusal = refusal("<werkproces nr=\"11\" titel=\"Installeert systemen\" hoofdstuk=\"1\">",
				"<werkproces nr=\"11\" titel=\"Installeert systemen\" hoofdstuk=\"1\" subtitel=\"en netwerken\">");

		assertThat(refusal.reason()).isEqualTo(Reason.XML_UNKNOWN_ATTRIBUTE);
		assertThat(refusal.path()).isEqualTo(WERKPROCES_1 + "/@subtitel");
		assertThat(refusal.dutchMessage()).isEqualTo("Het XML-bestand bevat het onbekende attribuut subtitel op "
				+ "<werkproces> (" + WERKPROCES_1 + "/@subtitel); het dossier is geweigerd zodat er geen inhoud "
				+ "verloren gaat.");
		assertThat(refusal.getMessage()).isEqualTo("Unknown attribute subtitel on <werkproces> at " + WERKPROCES_1
				+ "/@subtitel; refused so that no content is lost.");
	}

	@Test
	void refusesAnUnknownAttributeOnATextFieldAndInsideAnAanvullend() {
		DossierFormatException onText = refusal("<werkprocesgedrag><![CDATA[De beroepsbeoefenaar:",
				"<werkprocesgedrag opmerking=\"concept\"><![CDATA[De beroepsbeoefenaar:");
		DossierFormatException onAanvullend = refusal(
				"<aanvullend><profiel referentie=\"4711\" /><complexiteit><![CDATA[De beheerder lost",
				"<aanvullend><profiel referentie=\"4711\" /><complexiteit niveau=\"hoog\"><![CDATA[De beheerder lost");
		DossierFormatException onProfielReference = refusal("<aanvullend><profiel referentie=\"4712\" /><complexiteit>",
				"<aanvullend><profiel referentie=\"4712\" alleen=\"ja\" /><complexiteit>");

		assertThat(onText.reason()).isEqualTo(Reason.XML_UNKNOWN_ATTRIBUTE);
		assertThat(onText.path()).isEqualTo(WERKPROCES_1 + "/werkprocesgedrag/@opmerking");
		assertThat(onAanvullend.reason()).isEqualTo(Reason.XML_UNKNOWN_ATTRIBUTE);
		assertThat(onAanvullend.path()).isEqualTo("/sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak"
				+ "/complexiteit/complexiteitperprofiel/aanvullend[1]/complexiteit/@niveau");
		assertThat(onProfielReference.path()).isEqualTo("/sbb/dossiers/dossier/basis/basistaken/basiskerntaken"
				+ "/kerntaak/complexiteit/complexiteitperprofiel/aanvullend[2]/profiel/@alleen");
	}

	@Test
	void listsTheKnownIrrelevantAttributesInTheReport() {
		DossierImport imported = this.parser.read(TestDossiers.testberoepXml());

		assertThat(imported.ignored()).contains("sbb/competenties/competentie/@code", "sbb/dossiers/dossier/@status",
				"sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak/@nr",
				"sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak/basiswerkprocessen/werkproces/@nr")
			.doesNotContain("sbb/dossiers/dossier/@titel", "sbb/dossiers/dossier/@versie",
					"sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak/@hoofdstuk");
	}

	@Test
	void anExportWithOnlyKnownElementsImportsAndListsTheIrrelevantOnes() {
		DossierImport imported = this.parser.read(TestDossiers.testberoepXml());

		assertThat(imported.ignored()).contains("sbb/dossiers/dossier/voorblad", "sbb/domeinen");
		assertThat(imported.warnings()).noneMatch((warning) -> warning.contains("overgeslagen"));
	}

	private DossierFormatException refusal(String original, String replacement) {
		String xml = new String(TestDossiers.testberoepXml(), StandardCharsets.UTF_8);
		assertThat(xml).contains(original);
		byte[] changed = xml.replaceFirst(Pattern.quote(original),
				Matcher.quoteReplacement(replacement)).getBytes(StandardCharsets.UTF_8);
		DossierFormatException refusal = catchThrowableOfType(DossierFormatException.class,
				() -> this.parser.read(changed));
		assertThat(refusal).as("refused").isNotNull();
		return refusal;
	}

}
