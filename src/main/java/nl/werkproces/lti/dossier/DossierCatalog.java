package nl.werkproces.lti.dossier;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/**
 * The imported dossier versions. Versions never change once stored, so each is read from the database once and
 * kept in memory (a school has a handful of dossiers, each some hundred KB at most).
 */
@Service
public class DossierCatalog {

	private final DossierStore store;

	private final Map<Long, DossierVersion> loaded = new ConcurrentHashMap<>();

	DossierCatalog(DossierStore store) {
		this.store = store;
	}

	/** Every dossier version, by title and then version number. */
	public List<DossierVersion> all() {
		return this.store.ids().stream().map(this::find).flatMap(Optional::stream).toList();
	}

	/**
	 * The dossier version with the given id.
	 * @param id the catalog id
	 * @return the version, empty when there is none with this id
	 */
	public Optional<DossierVersion> find(long id) {
		DossierVersion cached = this.loaded.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<DossierVersion> version = this.store.load(id);
		version.ifPresent((found) -> this.loaded.put(id, found));
		return version;
	}

	/**
	 * The dossier version with the given id.
	 * @param id the catalog id
	 * @return the version
	 * @throws DossierNotFoundException when there is none with this id
	 */
	public DossierVersion get(long id) {
		return find(id).orElseThrow(() -> new DossierNotFoundException(DossierNotFoundException.Reason.DOSSIER,
				"No dossier with id " + id));
	}

	/**
	 * A werkproces of a dossier version, for a profiel or the basisdeel alone.
	 * @param id the dossier version's id
	 * @param code the werkproces code, e.g. {@code B1-K2-W2} (ignoring case)
	 * @param profielNaam the profiel's name (ignoring case), {@code null} or blank for the basisdeel alone
	 * @return the werkproces with its kerntaak and profiel
	 * @throws DossierNotFoundException when the dossier, werkproces or profiel is unknown, or the werkproces belongs
	 * to another profiel than the one asked for
	 */
	public CatalogWerkproces werkproces(long id, String code, String profielNaam) {
		DossierVersion dossier = get(id);
		Werkproces werkproces = dossier.werkproces((code != null) ? code.strip() : "")
			.orElseThrow(() -> new DossierNotFoundException(DossierNotFoundException.Reason.WERKPROCES,
					"Dossier " + id + " has no werkproces " + code));
		Profiel profiel = null;
		if (profielNaam != null && !profielNaam.isBlank()) {
			profiel = dossier.profiel(profielNaam)
				.orElseThrow(() -> new DossierNotFoundException(DossierNotFoundException.Reason.PROFIEL,
						"Dossier " + id + " has no profiel " + profielNaam));
		}
		Profiel owner = dossier.ownerOf(werkproces).orElse(null);
		if (owner != null && profiel != null && !owner.equals(profiel)) {
			throw new DossierNotFoundException(DossierNotFoundException.Reason.PROFIEL,
					"Werkproces " + werkproces.code() + " belongs to profiel " + owner.naam() + ", not " + profielNaam);
		}
		return new CatalogWerkproces(dossier, dossier.kerntaakOf(werkproces), werkproces,
				(profiel != null) ? profiel : owner);
	}

	/**
	 * The dossier version imported from the source with the given SHA-256.
	 * @param sha256 SHA-256 (hex) of the source
	 * @return the version, empty when this source was never imported
	 */
	public Optional<DossierVersion> findBySourceSha256(String sha256) {
		return this.store.idBySha256(sha256).flatMap(this::find);
	}

}
