package nl.werkproces.lti.activity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.dossier.DossierVersion;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.Profiel;
import nl.werkproces.lti.dossier.Werkproces;

import org.springframework.stereotype.Component;

/**
 * What a teacher picks from: dossier → profiel → kerntaak → werkproces, filtered by code or words. Used by the
 * Deep Linking picker and by the set-up of a hand-made activity.
 */
@Component
public class WerkprocesChoices {

	private final DossierCatalog catalog;

	WerkprocesChoices(DossierCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * The choices for a dossier (default: the newest) and profiel (default: the first), filtered by {@code query}.
	 */
	public Choices choices(Long dossierId, String profielNaam, String query) {
		List<DossierVersion> dossiers = this.catalog.all();
		DossierVersion dossier = dossiers.stream()
			.filter((version) -> dossierId != null && version.id() == dossierId)
			.findFirst()
			.orElse(dossiers.stream().max(Comparator.comparing(DossierVersion::importedAt)).orElse(null));
		if (dossier == null) {
			return new Choices(dossiers, null, List.of(), null, List.of(), query);
		}
		List<Profiel> profielen = dossier.dossier().profielen();
		Profiel profiel = profielen.stream()
			.filter((candidate) -> profielNaam != null && candidate.hasNaam(profielNaam))
			.findFirst()
			.orElse(profielen.isEmpty() ? null : profielen.get(0));
		List<Kerntaak> kerntaken = (profiel != null) ? dossier.dossier().kerntakenFor(profiel.naam())
				: dossier.dossier().kerntaken();
		List<KerntaakChoice> sections = new ArrayList<>();
		for (Kerntaak kerntaak : kerntaken) {
			List<Werkproces> matching = kerntaak.werkprocessen().stream().filter((w) -> matches(w, query)).toList();
			if (!matching.isEmpty()) {
				sections.add(new KerntaakChoice(kerntaak, matching));
			}
		}
		return new Choices(dossiers, dossier, profielen, profiel, sections, query);
	}

	private static boolean matches(Werkproces werkproces, String query) {
		if (query == null || query.isBlank()) {
			return true;
		}
		String haystack = (werkproces.code() + " " + werkproces.titel() + " "
				+ ((werkproces.omschrijving() != null) ? werkproces.omschrijving() : "")).toLowerCase(Locale.ROOT);
		for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
			if (!haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}

	/** The picker's content. */
	public record Choices(List<DossierVersion> dossiers, DossierVersion dossier, List<Profiel> profielen,
			Profiel profiel, List<KerntaakChoice> kerntaken, String query) {

	}

	/** A kerntaak with its werkprocessen that match the filter. */
	public record KerntaakChoice(Kerntaak kerntaak, List<Werkproces> werkprocessen) {

	}

}
