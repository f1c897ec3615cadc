package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.Dossier;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.TestDossiers;
import nl.werkproces.lti.dossier.TextBlock;
import nl.werkproces.lti.dossier.TextBlock.Kind;
import nl.werkproces.lti.dossier.Werkproces;

import static nl.werkproces.lti.dossier.TestDossiers.NETWERK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paragraphs and lists of running-text fields survive the text a PDF yields (wrapped lines, blank lines and the
 * repeated heading at page breaks): {@link ParagraphAssembler} through {@link DossierTextParser}.
 */
public class DossierTextStructureTests {

	/** B1-K1-W3's omschrijving in the reference, replaced by {@link #STRUCTURED_OMSCHRIJVING}. */
	static final String REFERENCE_OMSCHRIJVING = """
			De beheerder maakt aan de hand van het (eventueel aangeleverde) functioneel ontwerp een technisch ontwerp. Zo
			nodig past hij het ontwerp aan. De beheerder bekijkt welke technische mogelijkheden hij kan gebruiken om alle
			functies technisch in te richten. Tevens noteert hij - voor op dat moment eventueel geldende - technische
			onmogelijkheden. Hij bespreekt dit alles met de opdrachtgever/leidinggevende en overige betrokkenen.
			""";

	/**
	 * An omschrijving with an introduction, a bullet list (both glyphs, one item wrapped across a page break with the
	 * repeated heading, one with doubled spaces), a numbered list and a closing paragraph.
	 */
	public static final String STRUCTURED_OMSCHRIJVING = """
			De beheerder maakt een technisch ontwerp. Hij doet daarbij:
			\u2022 een inventarisatie van de technische mogelijkheden en beperkingen van de bestaande

			 B1-K1-W3:\u00a0Maakt een technisch ontwerp

			infrastructuur;
			\u2022 een  keuze van   materialen en middelen;
			- een controle van het ontwerp met collega's.
			Daarna bespreekt hij het ontwerp in drie stappen:
			1. Hij licht het ontwerp toe.
			2. Hij verwerkt de reacties van de opdrachtgever.
			3. Hij legt het ontwerp ter goedkeuring voor.
			Het goedgekeurde ontwerp archiveert hij zorgvuldig.
			""";

	public static final List<TextBlock> STRUCTURED_BLOCKS = List.of(
			new TextBlock(Kind.PARAGRAPH, List.of("De beheerder maakt een technisch ontwerp. Hij doet daarbij:")),
			new TextBlock(Kind.LIST,
					List.of("een inventarisatie van de technische mogelijkheden en beperkingen van de bestaande "
							+ "infrastructuur;", "een keuze van materialen en middelen;",
							"een controle van het ontwerp met collega's.")),
			new TextBlock(Kind.PARAGRAPH, List.of("Daarna bespreekt hij het ontwerp in drie stappen:")),
			new TextBlock(Kind.NUMBERED,
					List.of("Hij licht het ontwerp toe.", "Hij verwerkt de reacties van de opdrachtgever.",
							"Hij legt het ontwerp ter goedkeuring voor.")),
			new TextBlock(Kind.PARAGRAPH, List.of("Het goedgekeurde ontwerp archiveert hij zorgvuldig.")));

	/** The reference text with B1-K1-W3's omschrijving replaced by {@link #STRUCTURED_OMSCHRIJVING}. */
	public static String structuredReferenceText() {
		String text = TestDossiers.ictEnMediabeheerText();
		assertThat(text).contains(REFERENCE_OMSCHRIJVING);
		return text.replace(REFERENCE_OMSCHRIJVING, STRUCTURED_OMSCHRIJVING);
	}

	private final Dossier reference = TestDossiers.ictEnMediabeheer();

	@Test
	void writtenParagraphBreaksOfTheReferenceStayParagraphs() {
		assertThat(reference.werkproces("B1-K1-W4").orElseThrow().resultaatBlocks()).containsExactly(
				paragraph("Volgens procedures uitgevoerde standaardtestactiviteiten in een (al bestaande) testomgeving."),
				paragraph("Correct ge\u00efnterpreteerde testresultaten worden verwerkt in een testrapport dat weergeeft "
						+ "in hoeverre het (onderdeel van het) informatiesysteem voldoet aan de specificaties, inclusief "
						+ "advies over eventuele aanpassingen/verbeteringen en een mogelijke implementatie."),
				paragraph("Een correct en volledig ge\u00efnformeerde opdrachtgever en ordelijk en zorgvuldig (digitaal) "
						+ "gearchiveerde documentatie."));
		Werkproces b1k2w2 = reference.werkproces("B1-K2-W2").orElseThrow();
		assertThat(b1k2w2.omschrijvingBlocks()).containsExactly(
				paragraph("De beheerder voert de implementatie uit. Hij voert de geplande installatie- en "
						+ "configuratiewerkzaamheden uit."),
				paragraph("Tijdens, maar ook vooral na de installatiewerkzaamheden test hij de werking."),
				paragraph("Resultaten rapporteert hij aan de leidinggevende en de projectleider. Tenslotte zorgt de "
						+ "beheerder ervoor dat de implementatie wordt gedocumenteerd."));
		assertThat(b1k2w2.aanvullingFor(NETWERK).omschrijvingBlocks()).containsExactly(
				paragraph("De netwerk- en mediabeheerder implementeert de netwerk-/mediainfrastructuur. Hij "
						+ "inventariseert de consequenties van een implementatie van de netwerk-/mediainfrastructuur "
						+ "binnen de organisatie."),
				paragraph("Hij richt een server in, integreert meerdere platforms in \u00e9\u00e9n netwerk en maakt "
						+ "dataverbindingen tussen netwerkapparatuur, in een netwerk- of mediaproductieomgeving."));
	}

	@Test
	void wrappedLinesEndingASentenceOrAnAbbreviationStayInTheirParagraph() {
		// "… m.b.t." + "de netwerk-/mediainfrastructuur." and full lines ending a sentence are wraps
		assertThat(reference.werkproces("B1-K2-W1").orElseThrow().aanvullingFor(NETWERK).resultaatBlocks())
			.containsExactly(paragraph("Een voor de netwerk- en mediabeheerder duidelijk overzicht van werkzaamheden en "
					+ "bijbehorende planning m.b.t. de netwerk-/mediainfrastructuur."));
		List<String> multiBlock = new ArrayList<>();
		for (Kerntaak kerntaak : reference.allKerntaken()) {
			add(multiBlock, kerntaak.code() + " complexiteit", kerntaak.complexiteitBlocks());
			add(multiBlock, kerntaak.code() + " verantwoordelijkheid",
					kerntaak.verantwoordelijkheidEnZelfstandigheidBlocks());
			kerntaak.aanvullingen().values().forEach((aanvulling) -> {
				add(multiBlock, kerntaak.code() + " aanvullend complexiteit", aanvulling.complexiteitBlocks());
				add(multiBlock, kerntaak.code() + " aanvullend verantwoordelijkheid",
						aanvulling.verantwoordelijkheidEnZelfstandigheidBlocks());
			});
			for (Werkproces werkproces : kerntaak.werkprocessen()) {
				add(multiBlock, werkproces.code() + " omschrijving", werkproces.omschrijvingBlocks());
				add(multiBlock, werkproces.code() + " resultaat", werkproces.resultaatBlocks());
				werkproces.aanvullingen().values().forEach((aanvulling) -> {
					add(multiBlock, werkproces.code() + " aanvullend omschrijving", aanvulling.omschrijvingBlocks());
					add(multiBlock, werkproces.code() + " aanvullend resultaat", aanvulling.resultaatBlocks());
				});
			}
		}
		assertThat(multiBlock).containsExactly("B1-K1-W2 resultaat 2", "B1-K1-W4 resultaat 3", "B1-K2-W1 resultaat 2",
				"B1-K2-W2 omschrijving 3", "B1-K2-W2 aanvullend omschrijving 2");
	}

	@Test
	void listsAndNumberedItemsInRunningTextStayListsAcrossPageBreaks() {
		Dossier dossier = new DossierTextParser().parse(structuredReferenceText(), "ICT- en mediabeheer").dossier();

		Werkproces b1k1w3 = dossier.werkproces("B1-K1-W3").orElseThrow();
		assertThat(b1k1w3.omschrijvingBlocks()).isEqualTo(STRUCTURED_BLOCKS);
		assertThat(b1k1w3.omschrijving()).isEqualTo("""
				De beheerder maakt een technisch ontwerp. Hij doet daarbij:

				- een inventarisatie van de technische mogelijkheden en beperkingen van de bestaande infrastructuur;
				- een keuze van materialen en middelen;
				- een controle van het ontwerp met collega's.

				Daarna bespreekt hij het ontwerp in drie stappen:

				1. Hij licht het ontwerp toe.
				2. Hij verwerkt de reacties van de opdrachtgever.
				3. Hij legt het ontwerp ter goedkeuring voor.

				Het goedgekeurde ontwerp archiveert hij zorgvuldig.""");
		Werkproces referenceB1k1w3 = reference.werkproces("B1-K1-W3").orElseThrow();
		assertThat(b1k1w3.resultaat()).isEqualTo(referenceB1k1w3.resultaat());
		assertThat(b1k1w3.gedrag()).isEqualTo(referenceB1k1w3.gedrag());
		assertThat(b1k1w3.aanvullingen()).isEqualTo(referenceB1k1w3.aanvullingen());
	}

	private static void add(List<String> multiBlock, String where, List<TextBlock> blocks) {
		if (blocks.size() > 1) {
			multiBlock.add(where + " " + blocks.size());
		}
	}

	private static TextBlock paragraph(String text) {
		return new TextBlock(Kind.PARAGRAPH, List.of(text));
	}

}
