package nl.werkproces.lti.dossier.text;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import nl.werkproces.lti.dossier.Codes;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.KerntaakAanvulling;

/**
 * A kerntaak while its text is read, with its werkprocessen.
 */
final class KerntaakDraft extends Draft {

	private final Map<String, WerkprocesDraft> werkprocessen = new LinkedHashMap<>();

	KerntaakDraft(String code, int lineWidth) {
		super(code, lineWidth);
	}

	WerkprocesDraft werkproces(String code) {
		return this.werkprocessen.computeIfAbsent(code, (key) -> new WerkprocesDraft(key, lineWidth()));
	}

	Collection<WerkprocesDraft> werkprocessen() {
		return this.werkprocessen.values();
	}

	Kerntaak build(Consumer<String> warnings) {
		warnAboutSkippedLines(warnings);
		Map<String, KerntaakAanvulling> aanvullingen = new LinkedHashMap<>();
		for (String profiel : aanvullendeProfielen()) {
			KerntaakAanvulling aanvulling = new KerntaakAanvulling(text(Section.COMPLEXITEIT, profiel),
					text(Section.VERANTWOORDELIJKHEID, profiel), bullets(Section.VAKKENNIS, profiel, warnings));
			if (!aanvulling.isEmpty()) {
				aanvullingen.put(profiel, aanvulling);
			}
		}
		return new Kerntaak(code(), titel(), text(Section.COMPLEXITEIT, null),
				text(Section.VERANTWOORDELIJKHEID, null), bullets(Section.VAKKENNIS, null, warnings), aanvullingen,
				this.werkprocessen.values()
					.stream()
					.sorted((a, b) -> Codes.ORDER.compare(a.code(), b.code()))
					.map((draft) -> draft.build(warnings))
					.toList());
	}

}
