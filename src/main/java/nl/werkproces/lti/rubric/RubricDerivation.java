package nl.werkproces.lti.rubric;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Derives the default rubric of a werkproces from the dossier (PRODUCT.md, "From werkproces to rubric"):
 * <ul>
 * <li>each gedrag bullet becomes a {@link CriterionKind#PROCESS process} criterion ({@code gedrag-1}, ...);</li>
 * <li>the profiel's aanvullend gedrag bullets follow, marked aanvullend ({@code aanvullend-gedrag-1}, ...);</li>
 * <li>the resultaat becomes one {@link CriterionKind#PRODUCT product} criterion per result statement
 * ({@code resultaat-1}, ...), the profiel's aanvullend resultaat likewise ({@code aanvullend-resultaat-1}, ...);
 * a statement ends at a line that ends a sentence, so sentences of one paragraph stay together;</li>
 * <li>product criteria are kritisch, process criteria are not;</li>
 * <li>levels on the {@link RubricScale#POINTS_0_3} scale with descriptors generated from the criterion text;</li>
 * <li>competenties become tags (trimmed, duplicates removed).</li>
 * </ul>
 * For B1-K2-W2 with Netwerk- en mediabeheerder this gives 5 + 2 process and 1 + 1 product criteria: 9. The result
 * is a template (version 1) whose id is derived from the origin, so deriving the same source twice gives the same id.
 */
public class RubricDerivation {

	private final Clock clock;

	/** Derivation that stamps templates with the system clock. */
	public RubricDerivation() {
		this(Clock.systemUTC());
	}

	/**
	 * Derivation that stamps templates with the given clock.
	 * @param clock the source of {@link RubricVersion#createdAt()}
	 */
	public RubricDerivation(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * Derives the template rubric of a werkproces.
	 * @param source the werkproces as the dossier describes it
	 * @return the template rubric; without gedrag and resultaat (a werkproces known by title only) it has no criteria
	 */
	public Rubric derive(RubricSource source) {
		List<Criterion> criteria = new ArrayList<>();
		addProcess(criteria, "gedrag-", source.gedrag(), false);
		addProcess(criteria, "aanvullend-gedrag-", source.aanvullendGedrag(), true);
		addProduct(criteria, "resultaat-", source.resultaat(), false);
		addProduct(criteria, "aanvullend-resultaat-", source.aanvullendResultaat(), true);
		return new Rubric(templateId(source.origin()), source.origin(), RubricVersion.template(this.clock.instant()),
				RubricScale.POINTS_0_3, criteria, tags(source.competenties()));
	}

	private static void addProcess(List<Criterion> criteria, String keyPrefix, List<String> bullets,
			boolean aanvullend) {
		int number = 1;
		for (String bullet : bullets) {
			if (!DossierText.isEmpty(bullet)) {
				String text = DossierText.capitaliseFirst(DossierText.normalise(bullet));
				criteria.add(criterion(keyPrefix + number++, text, CriterionKind.PROCESS, aanvullend));
			}
		}
	}

	private static void addProduct(List<Criterion> criteria, String keyPrefix, String resultaat, boolean aanvullend) {
		int number = 1;
		for (String statement : ResultaatStatements.split(resultaat)) {
			criteria.add(criterion(keyPrefix + number++, statement, CriterionKind.PRODUCT, aanvullend));
		}
	}

	private static Criterion criterion(String key, String text, CriterionKind kind, boolean aanvullend) {
		boolean kritisch = (kind == CriterionKind.PRODUCT);
		return new Criterion(key, text, kind, aanvullend, kritisch,
				LevelDescriptors.generate(kind, RubricScale.POINTS_0_3, text));
	}

	private static List<String> tags(List<String> competenties) {
		Map<String, String> unique = new LinkedHashMap<>();
		for (String competentie : competenties) {
			String tag = DossierText.normalise(competentie);
			if (!tag.isEmpty()) {
				unique.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
			}
		}
		return List.copyOf(unique.values());
	}

	private static UUID templateId(RubricOrigin origin) {
		String name = String.join("\n", "werkproces-lti rubric template", origin.dossierTitle(),
				origin.dossierVersion(), origin.werkprocesCode(), Objects.toString(origin.profiel(), ""));
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
