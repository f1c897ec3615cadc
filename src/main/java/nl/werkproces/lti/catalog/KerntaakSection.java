package nl.werkproces.lti.catalog;

import java.util.List;

import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.Profiel;
import nl.werkproces.lti.dossier.Werkproces;

/**
 * A kerntaak on the dossier page (public for the templates).
 *
 * @param kerntaak the kerntaak
 * @param profiel the profiel it belongs to, {@code null} for the basisdeel
 * @param werkprocessen its werkprocessen that match the search
 */
public record KerntaakSection(Kerntaak kerntaak, Profiel profiel, List<Werkproces> werkprocessen) {

	/**
	 * The text the page's filter script searches, folded like the server's search.
	 * @param werkproces a werkproces of this kerntaak
	 * @return code, title and omschrijving in lower case without accents
	 */
	public String searchText(Werkproces werkproces) {
		return WerkprocesSearch.fold(werkproces.code() + " " + werkproces.titel() + " " + werkproces.omschrijving());
	}

}
