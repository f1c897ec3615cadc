package nl.werkproces.lti.dossier;

import java.util.List;

/**
 * What a kerntaak adds for one profiel ("Voor &lt;profiel&gt; geldt aanvullend:").
 *
 * @param complexiteit additional complexiteit, empty if none
 * @param verantwoordelijkheidEnZelfstandigheid additional verantwoordelijkheid en
 * zelfstandigheid, empty if none
 * @param vakkennisEnVaardigheden additional vakkennis en vaardigheden items
 */
public record KerntaakAanvulling(String complexiteit, String verantwoordelijkheidEnZelfstandigheid,
		List<String> vakkennisEnVaardigheden) {

	/** No additions. */
	public static final KerntaakAanvulling NONE = new KerntaakAanvulling("", "", List.of());

	public KerntaakAanvulling {
		complexiteit = (complexiteit != null) ? complexiteit : "";
		verantwoordelijkheidEnZelfstandigheid = (verantwoordelijkheidEnZelfstandigheid != null)
				? verantwoordelijkheidEnZelfstandigheid : "";
		vakkennisEnVaardigheden = List.copyOf(vakkennisEnVaardigheden);
	}

	/** Whether this adds nothing at all. */
	public boolean isEmpty() {
		return this.complexiteit.isEmpty() && this.verantwoordelijkheidEnZelfstandigheid.isEmpty()
				&& this.vakkennisEnVaardigheden.isEmpty();
	}

	/** The additional complexiteit's paragraphs and lists. */
	public List<TextBlock> complexiteitBlocks() {
		return TextBlock.parse(this.complexiteit);
	}

	/** The additional verantwoordelijkheid en zelfstandigheid's paragraphs and lists. */
	public List<TextBlock> verantwoordelijkheidEnZelfstandigheidBlocks() {
		return TextBlock.parse(this.verantwoordelijkheidEnZelfstandigheid);
	}

}
