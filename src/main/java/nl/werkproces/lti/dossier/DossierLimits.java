package nl.werkproces.lti.dossier;

import java.util.List;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;

/**
 * Counts no kwalificatiedossier reaches (real ones have a few dozen werkprocessen and at most some tens of items in
 * a list), checked on every imported dossier before it is stored or shown: a source beyond them is refused
 * ({@link Reason#TOO_MANY}) instead of filling the catalog pages, rubrics and heap.
 */
public final class DossierLimits {

	/** Most werkprocessen in one dossier. */
	public static final int MAX_WERKPROCESSEN = 500;

	/** Most kerntaken in one dossier. */
	public static final int MAX_KERNTAKEN = 200;

	/** Most profielen in one dossier. */
	public static final int MAX_PROFIELEN = 100;

	/** Most items in one list (gedrag, vakkennis, competenties, also per profiel). */
	public static final int MAX_LIST_ITEMS = 1_000;

	private DossierLimits() {
	}

	/**
	 * Checks a dossier's counts.
	 * @throws DossierFormatException when one is beyond its limit
	 */
	public static void check(Dossier dossier) {
		limit(dossier.profielen().size(), MAX_PROFIELEN, "profielen", "profielen");
		limit(dossier.allKerntaken().size(), MAX_KERNTAKEN, "kerntaken", "kerntaken");
		limit(dossier.allWerkprocessen().size(), MAX_WERKPROCESSEN, "werkprocessen", "werkprocessen");
		for (Kerntaak kerntaak : dossier.allKerntaken()) {
			list(kerntaak.vakkennisEnVaardigheden());
			kerntaak.aanvullingen().values().forEach((a) -> list(a.vakkennisEnVaardigheden()));
			for (Werkproces werkproces : kerntaak.werkprocessen()) {
				list(werkproces.gedrag());
				list(werkproces.competenties());
				for (ProfielAanvulling aanvulling : werkproces.aanvullingen().values()) {
					list(aanvulling.gedrag());
					list(aanvulling.competenties());
				}
			}
		}
	}

	/** Refuses a list longer than {@link #MAX_LIST_ITEMS} while it is being built. */
	public static void checkListSize(int size) {
		limit(size, MAX_LIST_ITEMS, "opsommingstekens in één lijst", "items in one list");
	}

	private static void list(List<String> items) {
		checkListSize(items.size());
	}

	private static void limit(int count, int max, String dutch, String english) {
		if (count > max) {
			throw tooMany(dutch, english, max);
		}
	}

	public static DossierFormatException tooMany(String dutch, String english, int max) {
		return new DossierFormatException(Reason.TOO_MANY,
				"Het bestand bevat meer dan " + max + " " + dutch + "; zo groot is geen kwalificatiedossier.",
				"The source holds more than " + max + " " + english + ".");
	}

}
