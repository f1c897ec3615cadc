package nl.werkproces.lti.dossier;

import java.util.Objects;

/**
 * A werkproces chosen from the catalog, for a profiel or for the basisdeel alone: what a rubric is derived from.
 *
 * @param dossier the dossier version
 * @param kerntaak the werkproces's kerntaak
 * @param werkproces the werkproces
 * @param profiel the chosen profiel, {@code null} for the basisdeel alone
 */
public record CatalogWerkproces(DossierVersion dossier, Kerntaak kerntaak, Werkproces werkproces, Profiel profiel) {

	public CatalogWerkproces {
		Objects.requireNonNull(dossier, "dossier");
		Objects.requireNonNull(kerntaak, "kerntaak");
		Objects.requireNonNull(werkproces, "werkproces");
	}

	/** The chosen profiel's name, {@code null} for the basisdeel alone. */
	public String profielNaam() {
		return (this.profiel != null) ? this.profiel.naam() : null;
	}

	/** What the chosen profiel adds to the werkproces; nothing without a profiel. */
	public ProfielAanvulling aanvulling() {
		return (this.profiel != null) ? this.werkproces.aanvullingFor(this.profiel.naam()) : ProfielAanvulling.NONE;
	}

}
