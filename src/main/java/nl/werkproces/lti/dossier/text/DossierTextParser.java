package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import nl.werkproces.lti.dossier.Codes;
import nl.werkproces.lti.dossier.Dossier;
import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierIdentity;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.SourceDigest;
import nl.werkproces.lti.dossier.SourceKind;
import nl.werkproces.lti.dossier.Werkproces;

/**
 * Parses a kwalificatiedossier from the text SBB's PDF yields, page artefacts included: the
 * heading repeated at page breaks (also in the middle of a bullet), page numbers, running
 * headers and footers, wrapped lines and bullet glyphs. Werkprocessen that the text only names
 * (in the overview) are kept by title, without invented criteria. Thread-safe.
 */
public final class DossierTextParser {

	/** Title used when neither the text nor the caller gives one. */
	static final String UNKNOWN_TITLE = "Kwalificatiedossier (titel onbekend)";

	/**
	 * Parses dossier text.
	 * @param text the text, e.g. as extracted from SBB's PDF
	 * @return the dossier and warnings
	 * @throws DossierFormatException if the text is empty or not a kwalificatiedossier
	 */
	public DossierImport parse(String text) {
		return parse(text, null);
	}

	/**
	 * Parses dossier text.
	 * @param text the text, e.g. as extracted from SBB's PDF
	 * @param fallbackTitel the title to use if the text does not state one (e.g. from the file
	 * name), may be {@code null}
	 * @return the dossier and warnings
	 * @throws DossierFormatException if the text is empty or not a kwalificatiedossier
	 */
	public DossierImport parse(String text, String fallbackTitel) {
		return parse(text, fallbackTitel, SourceKind.TEXT, SourceDigest.of((text != null) ? text : ""), false);
	}

	/**
	 * Parses an imported source: besides kerntaken with werkprocessen, it must show the structure of a
	 * kwalificatiedossier ({@link #requireStructure}), so that an examenplan or another document that names kerntaken
	 * and werkprocessen is refused.
	 */
	public DossierImport parse(String text, String fallbackTitel, SourceKind source, String sourceSha256) {
		return parse(text, fallbackTitel, source, sourceSha256, true);
	}

	private DossierImport parse(String text, String fallbackTitel, SourceKind source, String sourceSha256,
			boolean requireStructure) {
		if (text == null || text.isBlank()) {
			throw new DossierFormatException(Reason.EMPTY, "Het bestand is leeg.", "The source is empty.");
		}
		List<String> warnings = new ArrayList<>();
		List<String> lines = TextNormalizer.lines(text);
		DocumentParts parts = DocumentParts.split(PageArtefactFilter.clean(lines));
		Overview overview = Overview.parse(parts.overview());
		ProfielRegister profielen = ProfielRegister.of(overview, Profieldeel.parse(parts.profieldeel()), warnings::add);
		int lineWidth = parts.descriptions().stream().mapToInt(String::length).max().orElse(0);
		Drafts drafts = new Drafts(lineWidth);
		new DescriptionParser(drafts, profielen, warnings::add).parse(parts.descriptions());
		Map<String, String> listedUnder = addOverview(drafts, overview);
		requireWerkprocessen(drafts, lines);

		List<Kerntaak> basis = new ArrayList<>();
		Map<String, List<Kerntaak>> byProfiel = new LinkedHashMap<>();
		drafts.kerntaken().stream().sorted((a, b) -> Codes.ORDER.compare(a.code(), b.code())).forEach((draft) -> {
			Kerntaak kerntaak = draft.build(warnings::add);
			warnAboutTitleOnly(kerntaak, warnings::add);
			if (Codes.isBasis(kerntaak.code())) {
				basis.add(kerntaak);
			}
			else {
				String profiel = profielOf(kerntaak.code(), listedUnder, profielen, warnings::add);
				byProfiel.computeIfAbsent(profiel, (key) -> new ArrayList<>()).add(kerntaak);
			}
		});
		if (requireStructure) {
			requireStructure(overview, basis, byProfiel);
		}
		DossierIdentity identity = identity(TextIdentity.read(lines), fallbackTitel, sourceSha256, warnings::add);
		return new DossierImport(new Dossier(identity, source, profielen.build(byProfiel), basis), warnings);
	}

	/** Adds the overview's titles; returns, per profiel kerntaak, the profiel it is listed under. */
	private static Map<String, String> addOverview(Drafts drafts, Overview overview) {
		Map<String, String> listedUnder = new LinkedHashMap<>();
		for (Overview.Entry entry : overview.entries()) {
			Draft draft = drafts.draft(entry.code());
			if (draft.titel().isEmpty()) {
				draft.addTitel(entry.titel());
			}
			if (entry.profielNaam() != null && !Codes.isWerkproces(entry.code())) {
				listedUnder.put(entry.code(), entry.profielNaam());
			}
		}
		return listedUnder;
	}

	private static void requireWerkprocessen(Drafts drafts, List<String> lines) {
		boolean hasWerkprocessen = drafts.kerntaken()
			.stream()
			.anyMatch((kerntaak) -> !kerntaak.werkprocessen().isEmpty());
		if (hasWerkprocessen) {
			return;
		}
		String text = String.join(" ", lines).toLowerCase(Locale.ROOT);
		boolean looksLikeDossier = text.contains("kwalificatiedossier") || text.contains("kerntaak")
				|| text.contains("werkproces") || text.contains("profieldeel") || !drafts.isEmpty();
		if (looksLikeDossier) {
			throw new DossierFormatException(Reason.NO_KERNTAKEN,
					"Er staan geen kerntaken met werkprocessen (zoals B1-K1-W1) in dit kwalificatiedossier.",
					"No kerntaken with werkprocessen (such as B1-K1-W1) found in the dossier text.");
		}
		throw new DossierFormatException(Reason.NOT_A_DOSSIER,
				"Dit is geen kwalificatiedossier: er staan geen kerntaken of werkprocessen in.",
				"Not a kwalificatiedossier: no kerntaken or werkprocessen found.");
	}

	/**
	 * The structural evidence of a kwalificatiedossier: an "Overzicht van het kwalificatiedossier" that lists
	 * kerntaken and werkprocessen by code, and the description (omschrijving, resultaat or gedrag) of at least one
	 * werkproces it lists.
	 */
	private static void requireStructure(Overview overview, List<Kerntaak> basis, Map<String, List<Kerntaak>> byProfiel) {
		List<String> listedWerkprocessen = overview.entries()
			.stream()
			.map(Overview.Entry::code)
			.filter(Codes::isWerkproces)
			.toList();
		boolean listsKerntaken = overview.entries().stream().anyMatch((entry) -> !Codes.isWerkproces(entry.code()));
		List<Kerntaak> kerntaken = new ArrayList<>(basis);
		byProfiel.values().forEach(kerntaken::addAll);
		boolean describesListed = kerntaken.stream()
			.flatMap((kerntaak) -> kerntaak.werkprocessen().stream())
			.anyMatch((werkproces) -> werkproces.isDescribed()
					&& listedWerkprocessen.stream().anyMatch((code) -> code.equalsIgnoreCase(werkproces.code())));
		if (!listsKerntaken || listedWerkprocessen.isEmpty() || !describesListed) {
			throw new DossierFormatException(Reason.NOT_A_DOSSIER,
					"Dit is geen kwalificatiedossier: er ontbreekt een overzicht van het kwalificatiedossier met "
							+ "kerntaken en werkprocessen waarvan de beschrijving (omschrijving, resultaat, gedrag) volgt.",
					"Not a kwalificatiedossier: no overview of kerntaken and werkprocessen whose descriptions follow.");
		}
	}

	private static String profielOf(String kerntaakCode, Map<String, String> listedUnder, ProfielRegister profielen,
			Consumer<String> warnings) {
		String listed = listedUnder.get(kerntaakCode);
		if (listed != null) {
			return profielen.resolve(listed);
		}
		String code = Codes.profielOf(kerntaakCode);
		return profielen.naamForCode(code).orElseGet(() -> {
			String naam = "Profiel " + code;
			warnings.accept("Kerntaak " + kerntaakCode + " hoort bij een profiel zonder naam; opgenomen onder \"" + naam
					+ "\".");
			profielen.register(naam, code, null, null, ProfielRegister.Source.AANVULLING);
			return naam;
		});
	}

	private static void warnAboutTitleOnly(Kerntaak kerntaak, Consumer<String> warnings) {
		List<String> titleOnly = kerntaak.werkprocessen()
			.stream()
			.filter((werkproces) -> !werkproces.isDescribed())
			.map(Werkproces::code)
			.toList();
		if (!titleOnly.isEmpty()) {
			warnings.accept("Kerntaak " + kerntaak.code() + ": werkproces(sen) " + String.join(", ", titleOnly)
					+ " staan alleen met hun titel in de bron; criteria ontbreken.");
		}
	}

	private static DossierIdentity identity(TextIdentity stated, String fallbackTitel, String sourceSha256,
			Consumer<String> warnings) {
		String titel = stated.titel();
		if (titel == null) {
			boolean hasFallback = fallbackTitel != null && !fallbackTitel.isBlank();
			titel = hasFallback ? fallbackTitel.strip() : UNKNOWN_TITLE;
			warnings.accept("De bron noemt geen titel; \"" + titel + "\" gebruikt.");
		}
		if (stated.crebo() == null && stated.versie() == null && stated.geldigVanaf() == null) {
			warnings.accept("De bron noemt geen crebo, versie of geldigheidsdatum; de versie wordt vastgelegd met de"
					+ " SHA-256 van de bron.");
		}
		return new DossierIdentity(titel, stated.crebo(), stated.versie(), stated.geldigVanaf(), sourceSha256);
	}

}
