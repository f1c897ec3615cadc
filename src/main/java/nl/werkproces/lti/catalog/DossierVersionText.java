package nl.werkproces.lti.catalog;

import java.util.Locale;

import nl.werkproces.lti.dossier.DossierVersion;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A dossier version as people read it in exports and printed forms: the versie the dossier states, or "versie
 * onbekend (geïmporteerd op …)" for a dossier that states none, as the catalog pages say it. Never the source hash,
 * which stays the version's internal identity ({@link DossierVersion#label()}).
 */
@Component
class DossierVersionText {

	private final MessageSource messages;

	private final SchoolClock clock;

	DossierVersionText(MessageSource messages, SchoolClock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** As a value: "2016", or "versie onbekend (geïmporteerd op 2 december 2026 …)". */
	String value(DossierVersion version, Locale locale) {
		String versie = version.identity().versie();
		return (versie != null && !versie.isBlank()) ? versie : unknown(version, locale);
	}

	/** In a sentence: "versie 2016", or "versie onbekend (geïmporteerd op 2 december 2026 …)". */
	String phrase(DossierVersion version, Locale locale) {
		String versie = version.identity().versie();
		return (versie != null && !versie.isBlank())
				? this.messages.getMessage("dossier.version.stated", new Object[] { versie }, locale)
				: unknown(version, locale);
	}

	private String unknown(DossierVersion version, Locale locale) {
		return this.messages.getMessage("dossier.version.unknown",
				new Object[] { this.clock.format(version.importedAt(), locale) }, locale);
	}

}
