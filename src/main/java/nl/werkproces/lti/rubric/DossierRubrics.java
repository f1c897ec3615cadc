package nl.werkproces.lti.rubric;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.DossierVersion;
import nl.werkproces.lti.dossier.ProfielAanvulling;
import nl.werkproces.lti.dossier.Werkproces;

/**
 * Fills a {@link RubricSource} from a werkproces of the dossier catalog and the chosen profiel's aanvulling, and
 * derives its template. The origin names the dossier's title and {@linkplain DossierVersion#label() version label}
 * (unique per imported source). The template is stamped with the dossier's import time, so deriving it again gives
 * the same rubric.
 */
public final class DossierRubrics {

	private DossierRubrics() {
	}

	/**
	 * What the derivation reads from a werkproces: its gedrag, resultaat and competenties, and the profiel's
	 * aanvullend gedrag, resultaat and competenties.
	 * @param chosen the werkproces and profiel
	 * @return the rubric source
	 */
	public static RubricSource source(CatalogWerkproces chosen) {
		DossierVersion dossier = chosen.dossier();
		Werkproces werkproces = chosen.werkproces();
		ProfielAanvulling aanvulling = chosen.aanvulling();
		RubricOrigin origin = new RubricOrigin(dossier.dossier().titel(), dossier.label(), werkproces.code(),
				werkproces.titel(), chosen.profielNaam());
		List<String> competenties = new ArrayList<>(werkproces.competenties());
		competenties.addAll(aanvulling.competenties());
		return new RubricSource(origin, werkproces.gedrag(), werkproces.resultaat(), aanvulling.gedrag(),
				aanvulling.resultaat(), competenties);
	}

	/**
	 * The template rubric of a werkproces: no criteria when the dossier names it by title only.
	 * @param chosen the werkproces and profiel
	 * @return the template (version 1)
	 */
	public static Rubric template(CatalogWerkproces chosen) {
		Clock importTime = Clock.fixed(chosen.dossier().importedAt(), ZoneOffset.UTC);
		return new RubricDerivation(importTime).derive(source(chosen));
	}

}
