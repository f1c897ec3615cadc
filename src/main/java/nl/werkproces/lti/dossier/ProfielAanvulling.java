package nl.werkproces.lti.dossier;

import java.util.List;

/**
 * What a werkproces adds for one profiel ("Voor &lt;profiel&gt; geldt aanvullend:"). Parts the
 * dossier marks "N.v.t." are empty.
 *
 * @param omschrijving additional omschrijving, empty if none
 * @param resultaat additional resultaat, empty if none
 * @param gedrag additional gedrag bullets
 * @param competenties additional onderliggende competenties, in the dossier's order
 */
public record ProfielAanvulling(String omschrijving, String resultaat, List<String> gedrag,
		List<String> competenties) {

	/** No additions. */
	public static final ProfielAanvulling NONE = new ProfielAanvulling("", "", List.of(), List.of());

	public ProfielAanvulling {
		omschrijving = (omschrijving != null) ? omschrijving : "";
		resultaat = (resultaat != null) ? resultaat : "";
		gedrag = List.copyOf(gedrag);
		competenties = List.copyOf(competenties);
	}

	/** Whether this adds nothing at all. */
	public boolean isEmpty() {
		return this.omschrijving.isEmpty() && this.resultaat.isEmpty() && this.gedrag.isEmpty()
				&& this.competenties.isEmpty();
	}

	/** The additional omschrijving's paragraphs and lists. */
	public List<TextBlock> omschrijvingBlocks() {
		return TextBlock.parse(this.omschrijving);
	}

	/** The additional resultaat's paragraphs and lists. */
	public List<TextBlock> resultaatBlocks() {
		return TextBlock.parse(this.resultaat);
	}

}
