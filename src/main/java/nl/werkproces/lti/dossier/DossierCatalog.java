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
	 * The dossier version imported from the source with the given SHA-256.
	 * @param sha256 SHA-256 (hex) of the source
	 * @return the version, empty when this source was never imported
	 */
	public Optional<DossierVersion> findBySourceSha256(String sha256) {
		return this.store.idBySha256(sha256).flatMap(this::find);
	}

}
