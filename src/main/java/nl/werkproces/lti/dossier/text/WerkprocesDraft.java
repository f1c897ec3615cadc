package nl.werkproces.lti.dossier.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import nl.werkproces.lti.dossier.ProfielAanvulling;
import nl.werkproces.lti.dossier.Werkproces;

/**
 * A werkproces while its text is read.
 */
final class WerkprocesDraft extends Draft {

	WerkprocesDraft(String code, int lineWidth) {
		super(code, lineWidth);
	}

	Werkproces build(Consumer<String> warnings) {
		warnAboutSkippedLines(warnings);
		if (!hasSections()) {
			return Werkproces.titleOnly(code(), titel());
		}
		List<String> gedrag = bullets(Section.GEDRAG, null, warnings);
		List<String> competenties = competenties(null, warnings);
		if (gedrag.isEmpty()) {
			warnings.accept(code() + ": geen gedrag gevonden.");
		}
		if (competenties.isEmpty()) {
			warnings.accept(code() + ": geen onderliggende competenties gevonden.");
		}
		Map<String, ProfielAanvulling> aanvullingen = new LinkedHashMap<>();
		for (String profiel : aanvullendeProfielen()) {
			ProfielAanvulling aanvulling = new ProfielAanvulling(text(Section.OMSCHRIJVING, profiel),
					text(Section.RESULTAAT, profiel), bullets(Section.GEDRAG, profiel, warnings),
					competenties(profiel, warnings));
			if (!aanvulling.isEmpty()) {
				aanvullingen.put(profiel, aanvulling);
			}
		}
		return new Werkproces(code(), titel(), text(Section.OMSCHRIJVING, null),
				text(Section.RESULTAAT, null), gedrag, competenties, aanvullingen);
	}

}
