package nl.werkproces.lti.dossier.text;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.werkproces.lti.dossier.Codes;

/**
 * The kerntaken and werkprocessen read so far, by code. A werkproces whose kerntaak has no
 * heading of its own still gets one.
 */
final class Drafts {

	private final Map<String, KerntaakDraft> kerntaken = new LinkedHashMap<>();

	private final int lineWidth;

	/** @param lineWidth the length of the dossier text's longest line ({@link ParagraphAssembler}) */
	Drafts(int lineWidth) {
		this.lineWidth = lineWidth;
	}

	KerntaakDraft kerntaak(String code) {
		return this.kerntaken.computeIfAbsent(code, (key) -> new KerntaakDraft(key, this.lineWidth));
	}

	WerkprocesDraft werkproces(String code) {
		return kerntaak(Codes.kerntaakOf(code)).werkproces(code);
	}

	Draft draft(String code) {
		return Codes.isWerkproces(code) ? werkproces(code) : kerntaak(code);
	}

	Collection<KerntaakDraft> kerntaken() {
		return this.kerntaken.values();
	}

	boolean isEmpty() {
		return this.kerntaken.isEmpty();
	}

}
