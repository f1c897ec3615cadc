package nl.werkproces.lti.dossier.xml;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.w3c.dom.Element;

import nl.werkproces.lti.dossier.Dossier;
import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierIdentity;
import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.Profiel;
import nl.werkproces.lti.dossier.SourceKind;
import nl.werkproces.lti.dossier.text.TextNormalizer;

/**
 * Reads one {@code sbb/dossiers/dossier} element: identity ({@code titel}, {@code versie},
 * {@code dossiercrebos}), the basisdeel's kerntaken ({@code basis/basistaken/basiskerntaken}) and
 * the profielen ({@code profielen/profiel} with {@code profielkerntaken}).
 */
final class XmlDossierReader {

	private static final DateTimeFormatter SBB_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private XmlDossierReader() {
	}

	static DossierImport read(Element sbb, Element dossier, String sourceSha256) {
		List<String> warnings = new ArrayList<>();
		XmlKerntaakReader kerntaakReader = new XmlKerntaakReader(SbbReferences.of(sbb, dossier), warnings::add);
		List<Kerntaak> basis = XmlElements.child(dossier, "basis")
			.flatMap((element) -> XmlElements.descendant(element, "basiskerntaken"))
			.map((list) -> kerntaakReader.kerntaken(list, "B1"))
			.orElse(List.of());
		List<Profiel> profielen = profielen(dossier, kerntaakReader, warnings);
		DossierIdentity identity = identity(dossier, sourceSha256, warnings);
		Dossier result = new Dossier(identity, SourceKind.XML, profielen, basis);
		if (result.allWerkprocessen().isEmpty()) {
			throw new DossierFormatException(Reason.NO_KERNTAKEN,
					"Dossier " + identity.titel() + " bevat geen kerntaken met werkprocessen.",
					"Dossier " + identity.titel() + " has no kerntaken with werkprocessen.");
		}
		return new DossierImport(result, warnings);
	}

	private static List<Profiel> profielen(Element dossier, XmlKerntaakReader kerntaakReader, List<String> warnings) {
		List<Profiel> profielen = new ArrayList<>();
		List<Element> elements = XmlElements.path(dossier, "profielen")
			.map((list) -> XmlElements.children(list, "profiel"))
			.orElse(List.of());
		for (int i = 0; i < elements.size(); i++) {
			Element element = elements.get(i);
			String naam = XmlElements.attribute(element, "titel");
			String hoofdstuk = XmlElements.attribute(element, "hoofdstuk");
			boolean numbered = hoofdstuk != null && hoofdstuk.matches("\\d{1,2}");
			String code = "P" + (numbered ? hoofdstuk : String.valueOf(i + 1));
			if (naam == null) {
				naam = "Profiel " + code;
				warnings.add("Profiel " + code + " heeft geen naam; \"" + naam + "\" gebruikt.");
			}
			naam = TextNormalizer.normalizeLine(naam);
			List<Kerntaak> kerntaken = XmlElements.child(element, "profielkerntaken")
				.map((list) -> kerntaakReader.kerntaken(list, code))
				.orElse(List.of());
			profielen.add(new Profiel(code, naam, mboNiveau(element, naam, warnings),
					XmlElements.path(element, "creboinformatie", "crebo").map(XmlDossierReader::text).orElse(null),
					kerntaken));
		}
		profielen.sort(Comparator.comparing((Profiel profiel) -> Integer.parseInt(profiel.code().substring(1))));
		return profielen;
	}

	private static Integer mboNiveau(Element profiel, String naam, List<String> warnings) {
		String niveau = XmlElements.attribute(profiel, "niveau");
		if (niveau != null && niveau.matches("[1-4]")) {
			return Integer.valueOf(niveau);
		}
		warnings.add("Het mbo-niveau van profiel " + naam + " staat niet in de bron.");
		return null;
	}

	private static DossierIdentity identity(Element dossier, String sourceSha256, List<String> warnings) {
		String titel = XmlElements.attribute(dossier, "titel");
		if (titel == null) {
			titel = "Dossier " + Optional.ofNullable(XmlElements.attribute(dossier, "nr")).orElse("zonder nummer");
			warnings.add("Het dossier heeft geen titel; \"" + titel + "\" gebruikt.");
		}
		List<Element> crebos = XmlElements.path(dossier, "dossiercrebos")
			.map((list) -> XmlElements.children(list, "dossiercrebo"))
			.orElse(List.of());
		if (crebos.size() > 1) {
			warnings.add("Het dossier heeft " + crebos.size() + " crebocodes; de eerste is vastgelegd.");
		}
		String crebo = crebos.stream().map(XmlDossierReader::text).filter(Objects::nonNull).findFirst().orElse(null);
		LocalDate geldigVanaf = crebos.stream()
			.map((element) -> XmlElements.attribute(element, "Geldig_vanaf"))
			.filter(Objects::nonNull)
			.findFirst()
			.map((date) -> date(date, warnings))
			.orElse(null);
		return new DossierIdentity(TextNormalizer.normalizeLine(titel), crebo, XmlElements.attribute(dossier, "versie"),
				geldigVanaf, sourceSha256);
	}

	private static LocalDate date(String text, List<String> warnings) {
		try {
			return LocalDate.parse(text, SBB_DATE);
		}
		catch (DateTimeParseException ex) {
			warnings.add("Geldig vanaf \"" + text + "\" is geen datum (dd-mm-jjjj); niet vastgelegd.");
			return null;
		}
	}

	private static String text(Element element) {
		String text = element.getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

}
