package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.Profiel;

/**
 * The profielen a dossier text names, keyed by name. The same profiel may carry different codes
 * in different places (in the reference text the overview table calls Netwerk- en
 * mediabeheerder P1, the profieldeel P2): a later, more specific place wins, with a warning.
 */
final class ProfielRegister {

	/** Where a profiel is named, from least to most authoritative for its code and mbo-niveau. */
	enum Source {

		AANVULLING("een \"geldt aanvullend\"-kopje"), OVERVIEW_TABLE("de overzichtstabel"),
		OVERVIEW_LIST("het overzicht van het profieldeel"), PROFIELDEEL("het profieldeel");

		private final String dutch;

		Source(String dutch) {
			this.dutch = dutch;
		}

	}

	private static final class Registered {

		final String naam;

		String code;

		Source codeSource;

		Integer mboNiveau;

		String crebo;

		Registered(String naam) {
			this.naam = naam;
		}

	}

	private final Map<String, Registered> profielen = new LinkedHashMap<>();

	private final Consumer<String> warnings;

	ProfielRegister(Consumer<String> warnings) {
		this.warnings = warnings;
	}

	static ProfielRegister of(Overview overview, Profieldeel profieldeel, Consumer<String> warnings) {
		ProfielRegister register = new ProfielRegister(warnings);
		overview.tableRows()
			.forEach((row) -> register.register(row.naam(), row.code(), row.mboNiveau(), null, Source.OVERVIEW_TABLE));
		overview.listedProfielen()
			.forEach((row) -> register.register(row.naam(), row.code(), row.mboNiveau(), null, Source.OVERVIEW_LIST));
		profieldeel.profielen()
			.forEach((entry) -> register.register(entry.naam(), entry.code(), entry.mboNiveau(), entry.crebo(),
					Source.PROFIELDEEL));
		return register;
	}

	void register(String naam, String code, Integer mboNiveau, String crebo, Source source) {
		Registered profiel = this.profielen.computeIfAbsent(key(naam), (key) -> new Registered(naam.strip()));
		if (code != null) {
			if (profiel.code != null && !profiel.code.equals(code) && source.compareTo(profiel.codeSource) >= 0) {
				this.warnings.accept("Profiel " + profiel.naam + " heet " + profiel.code + " in "
						+ profiel.codeSource.dutch + " maar " + code + " in " + source.dutch + "; " + code
						+ " aangehouden.");
			}
			if (profiel.code == null || source.compareTo(profiel.codeSource) >= 0) {
				profiel.code = code;
				profiel.codeSource = source;
			}
		}
		if (mboNiveau != null) {
			if (profiel.mboNiveau != null && !profiel.mboNiveau.equals(mboNiveau)) {
				this.warnings.accept("Profiel " + profiel.naam + " heeft twee mbo-niveaus: " + profiel.mboNiveau
						+ " en " + mboNiveau + "; " + mboNiveau + " aangehouden.");
			}
			profiel.mboNiveau = mboNiveau;
		}
		profiel.crebo = (crebo != null) ? crebo : profiel.crebo;
	}

	/** The registered name for a name as written; an unknown name is registered with a warning. */
	String resolve(String writtenNaam) {
		Registered profiel = this.profielen.get(key(writtenNaam));
		if (profiel == null) {
			this.warnings.accept("Profiel " + writtenNaam.strip()
					+ " komt alleen voor in \"Voor ... geldt aanvullend\"; code en mbo-niveau onbekend.");
			register(writtenNaam, null, null, null, Source.AANVULLING);
			return writtenNaam.strip();
		}
		return profiel.naam;
	}

	/** The name of the profiel with the given code (e.g. {@code P2}), by its final code. */
	Optional<String> naamForCode(String code) {
		List<String> namen = this.profielen.values()
			.stream()
			.filter((profiel) -> code.equals(profiel.code))
			.map((profiel) -> profiel.naam)
			.toList();
		if (namen.size() > 1) {
			this.warnings.accept("Meer dan één profiel heeft code " + code + ": " + namen + ".");
		}
		return namen.stream().findFirst();
	}

	/** The profielen with their kerntaken, ordered by code; warns about a missing mbo-niveau. */
	List<Profiel> build(Map<String, List<Kerntaak>> kerntakenByProfiel) {
		List<Profiel> result = new ArrayList<>();
		for (Registered profiel : this.profielen.values()) {
			if (profiel.mboNiveau == null) {
				this.warnings.accept("Het mbo-niveau van profiel " + profiel.naam + " staat niet in de bron.");
			}
			result.add(new Profiel(profiel.code, profiel.naam, profiel.mboNiveau, profiel.crebo,
					kerntakenByProfiel.getOrDefault(profiel.naam, List.of())));
		}
		Comparator<String> byNumber = Comparator.comparing(ProfielRegister::number);
		result.sort(Comparator.comparing(Profiel::code, Comparator.nullsLast(byNumber)));
		return result;
	}

	private static int number(String code) {
		return Integer.parseInt(code.substring(1));
	}

	private static String key(String naam) {
		return naam.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
