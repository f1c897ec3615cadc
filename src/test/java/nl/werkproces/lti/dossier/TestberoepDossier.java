package nl.werkproces.lti.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every field of {@code dossiers/sbb-xml-aanvullingen/testberoep.xml} as the import must read it, written out by
 * hand from the XML (not from the parser's output).
 */
public final class TestberoepDossier {

	public static final String BEHEERDER = "Beheerder";

	public static final String NETWERKBEHEERDER = "Netwerkbeheerder";

	public static final String MEDIABEHEERDER = "Mediabeheerder";

	private static final String KERNTAAK = "sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak";

	private static final String PROFIEL = "sbb/dossiers/dossier/profielen/profiel";

	/** The irrelevant parts and attributes the export holds, which the import lists instead of reading. */
	public static final List<String> IGNORED = List.of("sbb/domeinen", "sbb/competenties/competentie/@code",
			"sbb/dossiers/dossier/@status", "sbb/dossiers/dossier/voorblad",
			"sbb/dossiers/dossier/verantwoordingsinformatie", "sbb/dossiers/dossier/basis/@titel",
			"sbb/dossiers/dossier/basis/basistaken/@titel",
			"sbb/dossiers/dossier/basis/basistaken/generieke_onderdelen", KERNTAAK + "/@nr",
			KERNTAAK + "/basiswerkprocessen/werkproces/@nr", "sbb/dossiers/dossier/profielen/@titel",
			PROFIEL + "/omschrijving", PROFIEL + "/creboinformatie/crebo/@Geldig_vanaf",
			PROFIEL + "/profielkerntaken/kerntaak/@nr",
			PROFIEL + "/profielkerntaken/kerntaak/profielwerkprocessen/werkproces/@nr");

	private TestberoepDossier() {
	}

	public static Dossier expected(String sourceSha256) {
		return new Dossier(
				new DossierIdentity("Testberoep", "25999", "2", LocalDate.of(2026, 8, 1), sourceSha256),
				SourceKind.XML, List.of(beheerder(), profiel("P2", NETWERKBEHEERDER, 3, "25992"),
						profiel("P3", MEDIABEHEERDER, 4, "25993")),
				List.of(basisKerntaak()));
	}

	private static Kerntaak basisKerntaak() {
		return new Kerntaak("B1-K1", "Beheert systemen", "De beroepsbeoefenaar werkt met standaardprocedures.",
				"Is verantwoordelijk voor het eigen werk.",
				List.of("heeft kennis van netwerken", "kan een storing analyseren"),
				Map.of(BEHEERDER,
						new KerntaakAanvulling("De beheerder lost ook complexe storingen op.", "",
								List.of("heeft specialistische kennis van servers;", "kan een back-up terugzetten.")),
						NETWERKBEHEERDER,
						new KerntaakAanvulling("", "Is ook verantwoordelijk voor het netwerk van \u00e9\u00e9n klant.",
								List.of()),
						MEDIABEHEERDER, new KerntaakAanvulling("", "", List.of("heeft kennis van mediaformaten"))),
				List.of(installeert(), lostStoringenOp()));
	}

	private static Werkproces installeert() {
		return new Werkproces("B1-K1-W1", "Installeert systemen", "De beroepsbeoefenaar installeert systemen.",
				"De systemen zijn ge\u00efnstalleerd.", List.of("werkt nauwkeurig;", "houdt zich aan de planning."),
				List.of("Analyseren", "Kwaliteit leveren"),
				Map.of(BEHEERDER,
						new ProfielAanvulling("De beheerder installeert ook servers.",
								"De servers zijn ge\u00efnstalleerd en gedocumenteerd.",
								List.of("test de server grondig;", "legt de configuratie vast."),
								List.of("Presenteren", "Samenwerken en overleggen")),
						NETWERKBEHEERDER,
						new ProfielAanvulling("", "Het netwerk is getest.",
								List.of("meet het netwerk door;", "rapporteert de meetwaarden."), List.of())));
	}

	private static Werkproces lostStoringenOp() {
		return new Werkproces("B1-K1-W2", "Lost storingen op",
				"De beroepsbeoefenaar lost storingen op.\n\n- kijkt eerst in het logboek;\n- belt dan de leverancier.",
				"De storing is opgelost.", List.of("analyseert de storing;", "lost de storing op."),
				List.of("Analyseren"),
				Map.of(NETWERKBEHEERDER,
						new ProfielAanvulling("", "Het netwerk werkt weer.", List.of(),
								List.of("Samenwerken en overleggen")),
						MEDIABEHEERDER,
						new ProfielAanvulling("", "", List.of("herstelt beschadigde mediabestanden."),
								List.of("Presenteren")),
						BEHEERDER,
						new ProfielAanvulling("", "", List.of("zoekt de oorzaak in de logbestanden."), List.of())));
	}

	private static Profiel beheerder() {
		Werkproces bewaakt = new Werkproces("P1-K1-W1", "Bewaakt servers", "Bewaakt.", "Servers draaien.",
				List.of("bewaakt de servers."), List.of("Kwaliteit leveren"), Map.of());
		return new Profiel("P1", BEHEERDER, 4, "25991",
				List.of(new Kerntaak("P1-K1", "Beheert servers", "Complex.", "", List.of(), Map.of(), List.of(bewaakt))));
	}

	private static Profiel profiel(String code, String naam, int niveau, String crebo) {
		return new Profiel(code, naam, niveau, crebo, List.of());
	}

}
