package nl.werkproces.lti.rubric;

import java.util.List;

import org.springframework.util.Assert;

/**
 * What {@link RubricDerivation} needs from the kwalificatiedossier for one werkproces and (optionally) one profiel.
 * {@link DossierRubrics} fills this from the dossier catalog's parsed model; the rubric feature never reads the
 * dossier text itself.
 * <p>
 * Texts are taken as the dossier prints them. Whitespace inside a text is normalised by the derivation, so wrapped
 * lines may be passed as they are. A {@code resultaat} may hold several result statements, one per line (see
 * {@link RubricDerivation} for the rule). "N.v.t." means nothing and may be passed as is or as an empty value.
 *
 * @param origin dossier identity and version, werkproces code and title, profiel (nullable)
 * @param gedrag the gedrag bullets of the basisdeel, in dossier order
 * @param resultaat the resultaat text of the basisdeel (empty when the dossier gives none)
 * @param aanvullendGedrag the gedrag bullets the profiel adds ("Voor ... geldt aanvullend")
 * @param aanvullendResultaat the resultaat text the profiel adds (empty when none)
 * @param competenties the onderliggende competenties of basisdeel and profiel; shown as tags, never scored
 */
public record RubricSource(RubricOrigin origin, List<String> gedrag, String resultaat, List<String> aanvullendGedrag,
		String aanvullendResultaat, List<String> competenties) {

	public RubricSource {
		Assert.notNull(origin, "origin must not be null");
		gedrag = (gedrag != null) ? List.copyOf(gedrag) : List.of();
		resultaat = (resultaat != null) ? resultaat : "";
		aanvullendGedrag = (aanvullendGedrag != null) ? List.copyOf(aanvullendGedrag) : List.of();
		aanvullendResultaat = (aanvullendResultaat != null) ? aanvullendResultaat : "";
		competenties = (competenties != null) ? List.copyOf(competenties) : List.of();
	}

}
