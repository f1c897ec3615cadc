package nl.werkproces.lti.dossier.text;

/**
 * One clean line of dossier text and what it is.
 *
 * @param kind what the line is
 * @param text the text without its marker: the title of a heading, the profiel of an aanvulling,
 * the item of a bullet, the first competenties of a competenties line
 * @param code the kerntaak or werkproces code of a heading, otherwise {@code null}
 * @param section the section a section heading opens, otherwise {@code null}
 */
public record ClassifiedLine(Kind kind, String text, String code, Section section) {

	public static ClassifiedLine of(Kind kind, String text) {
		return new ClassifiedLine(kind, text, null, null);
	}

	public enum Kind {

		BLANK, HEADING, SECTION, AANVULLEND, COMPETENTIES, NOT_APPLICABLE, BULLET, TEXT

	}

}
