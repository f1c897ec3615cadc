package nl.werkproces.lti.dossier;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A dossier version as teachers know it, for pages and pickers: title, crebo, and the versie the dossier states (else
 * the year it is valid from), e.g. "Dienstverlening · crebo 23189 · vanaf 2015". When the source states neither,
 * "versie onbekend" with the import date, so two imports of a dossier without a version can still be told apart.
 * Used in templates as {@code ${@dossierNames.name(version, #locale)}}.
 */
@Component("dossierNames")
public class DossierNames {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private final MessageSource messages;

	DossierNames(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The name of a dossier version.
	 * @param version the version
	 * @param locale the reader's language
	 * @return e.g. "ICT- en mediabeheer · versie onbekend, geïmporteerd 2026-12-02"
	 */
	public String name(DossierVersion version, Locale locale) {
		DossierIdentity identity = version.identity();
		List<String> parts = new ArrayList<>();
		parts.add(identity.titel());
		if (identity.crebo() != null) {
			parts.add(message("dossier.name.crebo", locale, identity.crebo()));
		}
		if (identity.versie() != null) {
			parts.add(message("dossier.name.versie", locale, identity.versie()));
		}
		else if (identity.geldigVanaf() != null) {
			parts.add(message("dossier.name.vanaf", locale, String.valueOf(identity.geldigVanaf().getYear())));
		}
		else {
			parts.add(message("dossier.name.versieOnbekend", locale, DATE.format(version.importedAt())));
		}
		return String.join(" \u00b7 ", parts);
	}

	private String message(String code, Locale locale, String argument) {
		return this.messages.getMessage(code, new Object[] { argument }, locale);
	}

}
