package nl.werkproces.lti.dossier;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A werkproces of a kerntaak, e.g. {@code B1-K3-W2}.
 *
 * @param code the code as printed, e.g. {@code B1-K3-W2}
 * @param titel the title
 * @param omschrijving the omschrijving, empty when the dossier gives only the title
 * @param resultaat the resultaat, empty when not described
 * @param gedrag the gedrag bullets, in the dossier's order
 * @param competenties the onderliggende competenties, in the dossier's order
 * @param aanvullingen additions per profiel, keyed by profiel name (only profielen that add
 * something)
 */
public record Werkproces(String code, String titel, String omschrijving, String resultaat, List<String> gedrag,
		List<String> competenties, Map<String, ProfielAanvulling> aanvullingen) {

	public Werkproces {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(titel, "titel");
		omschrijving = (omschrijving != null) ? omschrijving : "";
		resultaat = (resultaat != null) ? resultaat : "";
		gedrag = List.copyOf(gedrag);
		competenties = List.copyOf(competenties);
		aanvullingen = OrderedMaps.copyOf(aanvullingen);
	}

	/** A werkproces the dossier lists by title only: no criteria are invented for it. */
	public static Werkproces titleOnly(String code, String titel) {
		return new Werkproces(code, titel, "", "", List.of(), List.of(), Map.of());
	}

	/** Whether the dossier describes this werkproces, rather than only naming it. */
	public boolean isDescribed() {
		return !this.omschrijving.isEmpty() || !this.resultaat.isEmpty() || !this.gedrag.isEmpty();
	}

	/** The additions for a profiel (matched by name), {@link ProfielAanvulling#NONE} if none. */
	public ProfielAanvulling aanvullingFor(String profielNaam) {
		return OrderedMaps.byProfielNaam(this.aanvullingen, profielNaam, ProfielAanvulling.NONE);
	}

	/** The omschrijving's paragraphs and lists. */
	public List<TextBlock> omschrijvingBlocks() {
		return TextBlock.parse(this.omschrijving);
	}

	/** The resultaat's paragraphs and lists. */
	public List<TextBlock> resultaatBlocks() {
		return TextBlock.parse(this.resultaat);
	}

}
