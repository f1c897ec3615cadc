package nl.werkproces.lti.dossier;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kerntaak, e.g. {@code B1-K3} (basisdeel) or {@code P1-K1} (profieldeel).
 *
 * @param code the code as printed, e.g. {@code B1-K3}
 * @param titel the title
 * @param complexiteit the complexiteit, empty when not described
 * @param verantwoordelijkheidEnZelfstandigheid the verantwoordelijkheid en zelfstandigheid, empty
 * when not described
 * @param vakkennisEnVaardigheden the vakkennis en vaardigheden items, in the dossier's order
 * @param aanvullingen additions per profiel, keyed by profiel name (only profielen that add
 * something)
 * @param werkprocessen the werkprocessen, in the dossier's order
 */
public record Kerntaak(String code, String titel, String complexiteit, String verantwoordelijkheidEnZelfstandigheid,
		List<String> vakkennisEnVaardigheden, Map<String, KerntaakAanvulling> aanvullingen,
		List<Werkproces> werkprocessen) {

	public Kerntaak {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(titel, "titel");
		complexiteit = (complexiteit != null) ? complexiteit : "";
		verantwoordelijkheidEnZelfstandigheid = (verantwoordelijkheidEnZelfstandigheid != null)
				? verantwoordelijkheidEnZelfstandigheid : "";
		vakkennisEnVaardigheden = List.copyOf(vakkennisEnVaardigheden);
		aanvullingen = OrderedMaps.copyOf(aanvullingen);
		werkprocessen = List.copyOf(werkprocessen);
	}

	/** Whether the dossier describes this kerntaak, rather than only naming it. */
	public boolean isDescribed() {
		return !this.complexiteit.isEmpty() || !this.verantwoordelijkheidEnZelfstandigheid.isEmpty()
				|| !this.vakkennisEnVaardigheden.isEmpty();
	}

	/** The additions for a profiel (matched by name), {@link KerntaakAanvulling#NONE} if none. */
	public KerntaakAanvulling aanvullingFor(String profielNaam) {
		return OrderedMaps.byProfielNaam(this.aanvullingen, profielNaam, KerntaakAanvulling.NONE);
	}

	/** The werkproces with the given code. */
	public Optional<Werkproces> werkproces(String code) {
		return this.werkprocessen.stream().filter((werkproces) -> werkproces.code().equalsIgnoreCase(code)).findFirst();
	}

	/** The complexiteit's paragraphs and lists. */
	public List<TextBlock> complexiteitBlocks() {
		return TextBlock.parse(this.complexiteit);
	}

	/** The verantwoordelijkheid en zelfstandigheid's paragraphs and lists. */
	public List<TextBlock> verantwoordelijkheidEnZelfstandigheidBlocks() {
		return TextBlock.parse(this.verantwoordelijkheidEnZelfstandigheid);
	}

}
