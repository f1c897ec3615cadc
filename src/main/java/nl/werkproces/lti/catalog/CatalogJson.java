package nl.werkproces.lti.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.Dossier;
import nl.werkproces.lti.dossier.DossierIdentity;
import nl.werkproces.lti.dossier.DossierVersion;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.KerntaakAanvulling;
import nl.werkproces.lti.dossier.Profiel;
import nl.werkproces.lti.dossier.ProfielAanvulling;
import nl.werkproces.lti.dossier.SourceKind;
import nl.werkproces.lti.dossier.TextBlock;
import nl.werkproces.lti.dossier.Werkproces;

/**
 * The catalog API's JSON documents (see README, "Catalog API"). Field names are part of the API.
 */
final class CatalogJson {

	private CatalogJson() {
	}

	/** A dossier version in the list. */
	record DossierSummary(long id, String titel, String crebo, String versie, LocalDate geldigVanaf,
			int versionNumber, String versionLabel, SourceKind sourceKind, String sourceSha256, Instant importedAt,
			String importedBy, int profielen, int kerntaken, int werkprocessen) {

		static DossierSummary of(DossierVersion version) {
			Dossier dossier = version.dossier();
			DossierIdentity identity = dossier.identity();
			return new DossierSummary(version.id(), identity.titel(), identity.crebo(), identity.versie(),
					identity.geldigVanaf(), version.number(), version.label(), dossier.source(),
					identity.sourceSha256(), version.importedAt(), version.importedBy(), dossier.profielen().size(),
					dossier.allKerntaken().size(), dossier.allWerkprocessen().size());
		}

	}

	/** A dossier version with its profielen and kerntaken; werkprocessen by code and title. */
	record DossierDetail(DossierSummary dossier, List<ProfielJson> profielen, List<KerntaakJson> kerntaken,
			List<String> warnings) {

		static DossierDetail of(DossierVersion version) {
			Dossier dossier = version.dossier();
			List<KerntaakJson> kerntaken = new ArrayList<>();
			dossier.kerntaken().forEach((kerntaak) -> kerntaken.add(KerntaakJson.of(kerntaak, null)));
			dossier.profielen()
				.forEach((profiel) -> profiel.kerntaken()
					.forEach((kerntaak) -> kerntaken.add(KerntaakJson.of(kerntaak, profiel.naam()))));
			return new DossierDetail(DossierSummary.of(version),
					dossier.profielen().stream().map(ProfielJson::of).toList(), kerntaken, version.warnings());
		}

	}

	/** A profiel; its own kerntaken by code. */
	record ProfielJson(String naam, String code, Integer mboNiveau, String crebo, List<String> kerntaken) {

		static ProfielJson of(Profiel profiel) {
			return new ProfielJson(profiel.naam(), profiel.code(), profiel.mboNiveau(), profiel.crebo(),
					profiel.kerntaken().stream().map(Kerntaak::code).toList());
		}

	}

	/**
	 * A kerntaak of the basisdeel ({@code profiel} null) or of a profiel. Text fields come as plain text and, with
	 * paragraphs and lists kept, as {@code …Blocks}.
	 */
	record KerntaakJson(String code, String titel, String profiel, String complexiteit,
			List<TextBlock> complexiteitBlocks, String verantwoordelijkheidEnZelfstandigheid,
			List<TextBlock> verantwoordelijkheidEnZelfstandigheidBlocks, List<String> vakkennisEnVaardigheden,
			Map<String, KerntaakAanvullingJson> aanvullingen, List<WerkprocesRef> werkprocessen) {

		static KerntaakJson of(Kerntaak kerntaak, String profiel) {
			Map<String, KerntaakAanvullingJson> aanvullingen = new LinkedHashMap<>();
			kerntaak.aanvullingen()
				.forEach((naam, aanvulling) -> aanvullingen.put(naam, KerntaakAanvullingJson.of(aanvulling)));
			return new KerntaakJson(kerntaak.code(), kerntaak.titel(), profiel, kerntaak.complexiteit(),
					kerntaak.complexiteitBlocks(), kerntaak.verantwoordelijkheidEnZelfstandigheid(),
					kerntaak.verantwoordelijkheidEnZelfstandigheidBlocks(), kerntaak.vakkennisEnVaardigheden(),
					aanvullingen, kerntaak.werkprocessen().stream().map(WerkprocesRef::of).toList());
		}

	}

	/** What a kerntaak adds for one profiel. */
	record KerntaakAanvullingJson(String complexiteit, List<TextBlock> complexiteitBlocks,
			String verantwoordelijkheidEnZelfstandigheid, List<TextBlock> verantwoordelijkheidEnZelfstandigheidBlocks,
			List<String> vakkennisEnVaardigheden) {

		static KerntaakAanvullingJson of(KerntaakAanvulling aanvulling) {
			return new KerntaakAanvullingJson(aanvulling.complexiteit(), aanvulling.complexiteitBlocks(),
					aanvulling.verantwoordelijkheidEnZelfstandigheid(),
					aanvulling.verantwoordelijkheidEnZelfstandigheidBlocks(), aanvulling.vakkennisEnVaardigheden());
		}

	}

	/** What a werkproces adds for one profiel. */
	record ProfielAanvullingJson(String omschrijving, List<TextBlock> omschrijvingBlocks, String resultaat,
			List<TextBlock> resultaatBlocks, List<String> gedrag, List<String> competenties) {

		static ProfielAanvullingJson of(ProfielAanvulling aanvulling) {
			return new ProfielAanvullingJson(aanvulling.omschrijving(), aanvulling.omschrijvingBlocks(),
					aanvulling.resultaat(), aanvulling.resultaatBlocks(), aanvulling.gedrag(), aanvulling.competenties());
		}

	}

	/** A werkproces in a list: {@code described} is false when the dossier names it by title only. */
	record WerkprocesRef(String code, String titel, boolean described) {

		static WerkprocesRef of(Werkproces werkproces) {
			return new WerkprocesRef(werkproces.code(), werkproces.titel(), werkproces.isDescribed());
		}

	}

	/**
	 * A werkproces with every field and the additions of every profiel; omschrijving and resultaat also as
	 * {@code …Blocks} with paragraphs and lists kept.
	 */
	record WerkprocesDetail(long dossierId, String dossierTitel, String dossierVersion, String kerntaakCode,
			String kerntaakTitel, String profiel, String code, String titel, boolean described, String omschrijving,
			List<TextBlock> omschrijvingBlocks, String resultaat, List<TextBlock> resultaatBlocks, List<String> gedrag,
			List<String> competenties, Map<String, ProfielAanvullingJson> aanvullingen) {

		static WerkprocesDetail of(CatalogWerkproces chosen) {
			DossierVersion dossier = chosen.dossier();
			Werkproces werkproces = chosen.werkproces();
			String owner = dossier.ownerOf(werkproces).map(Profiel::naam).orElse(null);
			return new WerkprocesDetail(dossier.id(), dossier.dossier().titel(), dossier.label(),
					chosen.kerntaak().code(), chosen.kerntaak().titel(), owner, werkproces.code(), werkproces.titel(),
					werkproces.isDescribed(), werkproces.omschrijving(), werkproces.omschrijvingBlocks(),
					werkproces.resultaat(), werkproces.resultaatBlocks(), werkproces.gedrag(), werkproces.competenties(),
					aanvullingen(werkproces));
		}

		private static Map<String, ProfielAanvullingJson> aanvullingen(Werkproces werkproces) {
			Map<String, ProfielAanvullingJson> aanvullingen = new LinkedHashMap<>();
			werkproces.aanvullingen()
				.forEach((naam, aanvulling) -> aanvullingen.put(naam, ProfielAanvullingJson.of(aanvulling)));
			return aanvullingen;
		}

	}

}
