package nl.werkproces.lti.dossier.xml;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.ProfielAanvulling;
import nl.werkproces.lti.dossier.TextBlock;
import nl.werkproces.lti.dossier.Werkproces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link DossierXmlParser} on small exports in SBB's format that the sample does not cover:
 * the older forms of additions per profiel (child elements referring to a profiel's {@code nr}, or
 * "Voor &lt;profiel&gt; geldt aanvullend:" text; SBB's {@code aanvullend} list form is in
 * {@link DossierXmlAanvullingenTests}), refusals of what cannot be placed, markup in texts, missing
 * hoofdstuk numbers, several dossiers.
 */
class DossierXmlParserGeneralityTests {

	private static final String COMPETENTIES = """
			<competenties>
			  <competentie nr="1" titel="Analyseren" code="M" />
			  <competentie nr="2" titel="Kwaliteit leveren" code="S" />
			  <competentie nr="3" titel="Presenteren" code="I" />
			</competenties>
			""";

	private static final String PROFIELEN = """
			<profielen titel="Profieldeel">
			  <profiel nr="100" titel="Beheerder" hoofdstuk="1" niveau="4"><profielkerntaken/></profiel>
			  <profiel nr="200" titel="Netwerkbeheerder" hoofdstuk="2" niveau="3"><profielkerntaken/></profiel>
			</profielen>
			""";

	private final DossierXmlParser parser = new DossierXmlParser();

	@Test
	void readsAdditionsPerProfielFromElementsThatReferToTheProfiel() {
		String werkproces = """
				<werkproces nr="11" titel="Doet iets" hoofdstuk="1">
				  <werkprocesomschrijving><![CDATA[Basis.]]><werkprocesomschrijvingperprofiel>
				    <profiel referentie="200"><![CDATA[Extra voor netwerk.]]></profiel>
				  </werkprocesomschrijvingperprofiel></werkprocesomschrijving>
				  <werkprocesresultaat><![CDATA[Klaar.]]><werkprocesresultaatperprofiel /></werkprocesresultaat>
				  <werkprocesgedrag><![CDATA[De beheerder:
				- werkt netjes;
				- ruimt op.]]><werkprocesgedragperprofiel>
				    <profiel referentie="200"><![CDATA[De netwerkbeheerder:
				- meet het netwerk door.]]></profiel>
				  </werkprocesgedragperprofiel></werkprocesgedrag>
				  <werkprocescompetenties>
				    <competentie referentie="1" />
				    <werkprocescompetentiesperprofiel>
				      <profiel referentie="200"><competentie referentie="2" /><competentie referentie="3" /></profiel>
				    </werkprocescompetentiesperprofiel>
				  </werkprocescompetenties>
				</werkproces>
				""";

		DossierImport imported = this.parser.read(export(basisKerntaak(werkproces)));

		Werkproces result = imported.dossier().werkproces("B1-K1-W1").orElseThrow();
		assertThat(result.omschrijving()).isEqualTo("Basis.");
		assertThat(result.gedrag()).containsExactly("werkt netjes;", "ruimt op.");
		assertThat(result.competenties()).containsExactly("Analyseren");
		assertThat(result.aanvullingen()).containsOnlyKeys("Netwerkbeheerder");
		ProfielAanvulling aanvulling = result.aanvullingFor("Netwerkbeheerder");
		assertThat(aanvulling.omschrijving()).isEqualTo("Extra voor netwerk.");
		assertThat(aanvulling.resultaat()).isEmpty();
		assertThat(aanvulling.gedrag()).containsExactly("meet het netwerk door.");
		assertThat(aanvulling.competenties()).containsExactly("Kwaliteit leveren", "Presenteren");
		assertThat(imported.warnings()).isEmpty();
	}

	@Test
	void readsAdditionsPerProfielFromGeldtAanvullendText() {
		String werkproces = """
				<werkproces nr="11" titel="Doet iets" hoofdstuk="1">
				  <werkprocesomschrijving><![CDATA[Basis.]]></werkprocesomschrijving>
				  <werkprocesresultaat><![CDATA[Klaar.]]><werkprocesresultaatperprofiel><![CDATA[
				Voor Beheerder geldt aanvullend:
				Alles is beheerd.
				Voor Netwerkbeheerder geldt aanvullend:
				N.v.t.]]></werkprocesresultaatperprofiel></werkprocesresultaat>
				  <werkprocesgedrag><![CDATA[- werkt.]]></werkprocesgedrag>
				  <werkprocescompetenties><competentie referentie="2" /></werkprocescompetenties>
				</werkproces>
				""";

		Werkproces result = this.parser.read(export(basisKerntaak(werkproces))).dossier().werkproces("B1-K1-W1").orElseThrow();

		assertThat(result.aanvullingFor("Beheerder").resultaat()).isEqualTo("Alles is beheerd.");
		assertThat(result.aanvullingen()).containsOnlyKeys("Beheerder");
	}

	@Test
	void refusesAnAdditionItCannotPlaceNamingItsPlace() {
		String werkproces = """
				<werkproces nr="11" titel="Doet iets" hoofdstuk="1">
				  <werkprocesomschrijving><![CDATA[Basis.]]><werkprocesomschrijvingperprofiel>
				    <tekst><![CDATA[Van wie is dit?]]></tekst>
				  </werkprocesomschrijvingperprofiel></werkprocesomschrijving>
				  <werkprocesresultaat><![CDATA[Klaar.]]></werkprocesresultaat>
				  <werkprocesgedrag><![CDATA[- werkt.]]></werkprocesgedrag>
				</werkproces>
				""";

		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.parser.read(export(basisKerntaak(werkproces))))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.XML_UNKNOWN_ELEMENT);
				assertThat(ex.path()).isEqualTo("/sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak"
						+ "/basiswerkprocessen/werkproces/werkprocesomschrijving/werkprocesomschrijvingperprofiel/tekst");
				assertThat(ex.dutchMessage()).contains("<tekst>", ex.path());
			});
	}

	@Test
	void refusesGeldtAanvullendTextForAProfielTheDossierDoesNotHave() {
		String werkproces = """
				<werkproces nr="11" titel="Doet iets" hoofdstuk="1">
				  <werkprocesresultaat><![CDATA[Klaar.]]><werkprocesresultaatperprofiel><![CDATA[
				Voor Onbekende geldt aanvullend:
				Alles is beheerd.]]></werkprocesresultaatperprofiel></werkprocesresultaat>
				  <werkprocesgedrag><![CDATA[- werkt.]]></werkprocesgedrag>
				</werkproces>
				""";

		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.parser.read(export(basisKerntaak(werkproces))))
			.satisfies((ex) -> assertThat(ex.path()).endsWith("/werkprocesresultaat/werkprocesresultaatperprofiel"))
			.withMessageContaining("Onbekende");
	}

	@Test
	void refusesAReferenceToACompetentieTheExportDoesNotDefine() {
		String werkproces = """
				<werkproces nr="11" titel="Doet iets" hoofdstuk="1">
				  <werkprocesgedrag><![CDATA[- werkt.]]></werkprocesgedrag>
				  <werkprocescompetenties><competentie referentie="1" /><competentie referentie="99" /></werkprocescompetenties>
				</werkproces>
				""";

		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.parser.read(export(basisKerntaak(werkproces))))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.XML_UNKNOWN_REFERENCE);
				assertThat(ex.path()).endsWith("/werkprocescompetenties/competentie[2]");
			});
	}

	@Test
	void refusesAnAanvullendForAProfielReferenceTheDossierDoesNotDefine() {
		String werkproces = """
				<werkproces nr="11" titel="Doet iets" hoofdstuk="1">
				  <werkprocesgedrag><![CDATA[- werkt.]]><werkprocesgedragperprofiel>
				    <aanvullend><profiel referentie="200" /><omschrijving><![CDATA[- meet.]]></omschrijving></aanvullend>
				    <aanvullend><profiel referentie="4711" /><omschrijving><![CDATA[- meet ook.]]></omschrijving></aanvullend>
				  </werkprocesgedragperprofiel></werkprocesgedrag>
				</werkproces>
				""";

		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.parser.read(export(basisKerntaak(werkproces))))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.XML_UNKNOWN_REFERENCE);
				assertThat(ex.path()).endsWith("/werkprocesgedragperprofiel/aanvullend[2]/profiel");
			});
	}

	@Test
	void turnsMarkupIntoPlainTextAndBullets() {
		String werkproces = """
				<werkproces nr="11" titel="Doet  iets " hoofdstuk="1">
				  <werkprocesomschrijving><![CDATA[<p>Eerste zin &amp; meer.</p><p>Tweede&nbsp;zin.</p>]]></werkprocesomschrijving>
				  <werkprocesresultaat><![CDATA[Klaar.]]></werkprocesresultaat>
				  <werkprocesgedrag><![CDATA[<p>De beheerder:</p><ul><li>werkt;</li><li>ruimt op.</li></ul>]]></werkprocesgedrag>
				  <werkprocescompetenties><competentie referentie="1" /></werkprocescompetenties>
				</werkproces>
				""";

		Werkproces result = this.parser.read(export(basisKerntaak(werkproces))).dossier().werkproces("B1-K1-W1").orElseThrow();

		assertThat(result.titel()).isEqualTo("Doet iets");
		assertThat(result.omschrijving()).isEqualTo("Eerste zin & meer.\n\nTweede zin.");
		assertThat(result.gedrag()).containsExactly("werkt;", "ruimt op.");
	}

	@Test
	void keepsParagraphsAndListsOfTextFieldsAsBlocks() {
		String werkproces = """
				<werkproces nr="11" titel="Doet iets" hoofdstuk="1">
				  <werkprocesomschrijving><![CDATA[De beroepsbeoefenaar   bereidt voor:
				• hij leest de opdracht;
				• hij plant het werk.
				Daarna voert hij uit.

				1. eerst de kabels;
				2) dan de software.]]></werkprocesomschrijving>
				  <werkprocesresultaat><![CDATA[<p>Het systeem werkt.</p><ul><li>De klant is tevreden.</li><li>Alles is vastgelegd.</li></ul>]]></werkprocesresultaat>
				  <werkprocesgedrag><![CDATA[- werkt.]]></werkprocesgedrag>
				</werkproces>
				""";

		Werkproces result = this.parser.read(export(basisKerntaak(werkproces))).dossier().werkproces("B1-K1-W1").orElseThrow();

		assertThat(TextBlock.parse(result.omschrijving())).containsExactly(
				new TextBlock(TextBlock.Kind.PARAGRAPH, List.of("De beroepsbeoefenaar bereidt voor:")),
				new TextBlock(TextBlock.Kind.LIST, List.of("hij leest de opdracht;", "hij plant het werk.")),
				new TextBlock(TextBlock.Kind.PARAGRAPH, List.of("Daarna voert hij uit.")),
				new TextBlock(TextBlock.Kind.NUMBERED, List.of("eerst de kabels;", "dan de software.")));
		assertThat(TextBlock.parse(result.resultaat())).containsExactly(
				new TextBlock(TextBlock.Kind.PARAGRAPH, List.of("Het systeem werkt.")),
				new TextBlock(TextBlock.Kind.LIST, List.of("De klant is tevreden.", "Alles is vastgelegd.")));
	}

	@Test
	void numbersByPositionWhenHoofdstukIsMissing() {
		String werkprocessen = werkproces("Eerste", null) + werkproces("Tweede", null);

		DossierImport imported = this.parser.read(export(basisKerntaak(werkprocessen)));

		assertThat(imported.dossier().allWerkprocessen()).extracting(Werkproces::code, Werkproces::titel)
			.containsExactly(tuple("B1-K1-W1", "Eerste"),
					tuple("B1-K1-W2", "Tweede"));
		assertThat(imported.warnings()).hasSize(2).allMatch((warning) -> warning.contains("geen hoofdstuknummer"));
	}

	@Test
	void readsEveryDossierOfAnExportButImportsNoneOfSeveral() {
		String dossiers = dossier("Eerste", basisKerntaak(werkproces("A", "1"))) + dossier("Tweede",
				basisKerntaak(werkproces("B", "1") + werkproces("C", "2")));
		byte[] xml = ("<sbb>" + COMPETENTIES + "<dossiers>" + dossiers + "</dossiers></sbb>").getBytes(StandardCharsets.UTF_8);

		List<DossierImport> all = this.parser.readAll(xml);

		assertThat(all).extracting((imported) -> imported.dossier().titel()).containsExactly("Eerste", "Tweede");
		assertThat(all.get(1).dossier().allWerkprocessen()).hasSize(2);
		assertThatExceptionOfType(DossierFormatException.class).isThrownBy(() -> this.parser.read(xml))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.SEVERAL_DOSSIERS);
				assertThat(ex.path()).isEqualTo("/sbb/dossiers");
				assertThat(ex.dutchMessage()).isEqualTo("Het bestand bevat 2 kwalificatiedossiers (\"Eerste\", "
						+ "\"Tweede\"); er is niets ingelezen. Exporteer elk dossier als eigen bestand en importeer ze "
						+ "\u00e9\u00e9n voor \u00e9\u00e9n.");
			});
	}

	private static byte[] export(String basisKerntaken) {
		return ("<sbb>" + COMPETENTIES + "<dossiers>" + dossier("Test", basisKerntaken) + "</dossiers></sbb>")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String dossier(String titel, String basisKerntaken) {
		return "<dossier nr=\"1\" titel=\"" + titel + "\" versie=\"3\"><basis><basistaken><basiskerntaken>" + basisKerntaken
				+ "</basiskerntaken></basistaken></basis>" + PROFIELEN + "</dossier>";
	}

	private static String basisKerntaak(String werkprocessen) {
		return "<kerntaak nr=\"10\" titel=\"Werkt\" hoofdstuk=\"1\"><complexiteit><![CDATA[Eenvoudig.]]></complexiteit>"
				+ "<basiswerkprocessen>" + werkprocessen + "</basiswerkprocessen></kerntaak>";
	}

	private static String werkproces(String titel, String hoofdstuk) {
		String number = (hoofdstuk != null) ? " hoofdstuk=\"" + hoofdstuk + "\"" : "";
		return "<werkproces titel=\"" + titel + "\"" + number + "><werkprocesomschrijving>Doet " + titel
				+ ".</werkprocesomschrijving><werkprocesgedrag>- werkt.</werkprocesgedrag></werkproces>";
	}

}
