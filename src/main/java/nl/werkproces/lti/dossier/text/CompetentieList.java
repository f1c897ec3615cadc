package nl.werkproces.lti.dossier.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Splits "De onderliggende competenties zijn: A, B, C" into its competenties, in order, and
 * warns about names that are not among SBB's 25 competenties (a sign of a parse error).
 */
public final class CompetentieList {

	private static final Set<String> SBB_COMPETENTIES = Set
		.of("Beslissen en activiteiten initiëren", "Aansturen", "Begeleiden", "Aandacht en begrip tonen",
				"Samenwerken en overleggen", "Ethisch en integer handelen", "Relaties bouwen en netwerken",
				"Overtuigen en beïnvloeden", "Presenteren", "Formuleren en rapporteren", "Vakdeskundigheid toepassen",
				"Materialen en middelen inzetten", "Analyseren", "Onderzoeken", "Creëren en innoveren", "Leren",
				"Plannen en organiseren", "Op de behoeften en verwachtingen van de \"klant\" richten",
				"Kwaliteit leveren", "Instructies en procedures opvolgen", "Omgaan met verandering en aanpassen",
				"Met druk en tegenslag omgaan",
				"Gedrevenheid en ambitie tonen", "Ondernemend en commercieel handelen", "Bedrijfsmatig handelen")
		.stream()
		.map(CompetentieList::key)
		.collect(Collectors.toUnmodifiableSet());

	private CompetentieList() {
	}

	public static List<String> split(List<ClassifiedLine> lines, String where, Consumer<String> warnings) {
		String joined = LineJoiner.join(lines.stream().map(ClassifiedLine::text).toList());
		List<String> competenties = Arrays.stream(joined.split("[,;]"))
			.map((name) -> name.strip().replaceAll("\\.$", "").strip())
			.filter((name) -> !name.isEmpty())
			.toList();
		competenties.stream()
			.filter((name) -> !SBB_COMPETENTIES.contains(key(name)))
			.forEach((name) -> warnings.accept(where + ": onbekende competentie \"" + name + "\"."));
		return competenties;
	}

	private static String key(String name) {
		return name.replace('\u201C', '"').replace('\u201D', '"').toLowerCase(Locale.ROOT);
	}

}
