package nl.werkproces.lti.rubric;

import java.sql.Timestamp;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.dossier.DossierNotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Stored rubric versions. The template of a werkproces (for a dossier version and profiel) is derived once and
 * stored; it never changes. A teacher's change ({@link RubricEditor}) is saved as a new version owned by an
 * activity; the activity's rubric is its latest version. Versions are never updated or deleted, so gradings can
 * point at the exact rubric they used.
 */
@Service
public class RubricVersions {

	private static final String NO_PROFIEL = "";

	private final DossierCatalog catalog;

	private final JdbcClient jdbc;

	RubricVersions(DossierCatalog catalog, JdbcClient jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/**
	 * The template rubric of a werkproces, stored on first use.
	 * @param dossierId the dossier version
	 * @param werkprocesCode the werkproces code
	 * @param profiel the profiel's name, {@code null} for the basisdeel alone
	 * @return the stored template
	 * @throws DossierNotFoundException when the dossier, werkproces or profiel is unknown
	 */
	public Rubric template(long dossierId, String werkprocesCode, String profiel) {
		CatalogWerkproces chosen = this.catalog.werkproces(dossierId, werkprocesCode, profiel);
		Rubric derived = DossierRubrics.template(chosen);
		Optional<Rubric> stored = find(derived.id());
		if (stored.isPresent()) {
			return stored.get();
		}
		try {
			insert(derived, dossierId, chosen.werkproces().code(), chosen.profielNaam(), null, "system");
		}
		catch (DuplicateKeyException ex) {
			// stored at the same moment by another request or replica: the same derivation
		}
		return find(derived.id()).orElseThrow();
	}

	/**
	 * Saves a teacher's version of a rubric for an activity.
	 * @param rubric a version made by {@link RubricEditor} from the stored template or from an earlier version of
	 * the same activity
	 * @param owner the activity
	 * @return the saved rubric
	 * @throws IllegalArgumentException when the rubric is a template, its template is not stored, it was made from
	 * another activity's version, or the activity does not belong to the owner's platform
	 * @throws DuplicateKeyException when another version with the same number was saved for the activity first
	 */
	public Rubric save(Rubric rubric, RubricOwner owner) {
		Objects.requireNonNull(rubric, "rubric");
		Objects.requireNonNull(owner, "owner");
		if (rubric.version().isTemplate()) {
			throw new IllegalArgumentException("Templates are derived, not saved: " + rubric.id());
		}
		Template template = this.jdbc
			.sql("SELECT dossier_id, werkproces_code, profiel_naam FROM rubric_version WHERE id = ? AND number = 1")
			.param(rubric.templateId().toString())
			.query((rs, row) -> new Template(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("Template " + rubric.templateId() + " is not stored"));
		requireActivityOfPlatform(owner);
		requirePreviousOfTemplateOrActivity(rubric, owner);
		insert(rubric, template.dossierId(), template.werkprocesCode(), template.profiel(), owner, owner.createdBy());
		return rubric;
	}

	/**
	 * The rubric an activity uses now: its latest saved version.
	 * @param resourceLinkId the activity's resource link id
	 * @return the latest version, empty when the activity has not saved one (it then uses a template)
	 */
	public Optional<Rubric> latestFor(long resourceLinkId) {
		return this.jdbc.sql("SELECT content FROM rubric_version WHERE resource_link_id = ? ORDER BY number DESC")
			.param(resourceLinkId)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.map(StoredRubric::read);
	}

	/**
	 * A stored rubric version.
	 * @param id the rubric's id
	 * @return the version, empty when none is stored with this id
	 */
	public Optional<Rubric> find(UUID id) {
		return this.jdbc.sql("SELECT content FROM rubric_version WHERE id = ?")
			.param(id.toString())
			.query(String.class)
			.optional()
			.map(StoredRubric::read);
	}

	private void requireActivityOfPlatform(RubricOwner owner) {
		boolean ofPlatform = this.jdbc.sql("SELECT COUNT(*) FROM resource_link WHERE id = ? AND platform_id = ?")
			.params(owner.resourceLinkId(), owner.platformId())
			.query(Integer.class)
			.single() == 1;
		if (!ofPlatform) {
			throw new IllegalArgumentException("Resource link " + owner.resourceLinkId()
					+ " does not belong to platform " + owner.platformId());
		}
	}

	private void requirePreviousOfTemplateOrActivity(Rubric rubric, RubricOwner owner) {
		if (rubric.version().previousId().equals(rubric.templateId())) {
			return;
		}
		boolean ownVersion = this.jdbc
			.sql("SELECT COUNT(*) FROM rubric_version WHERE id = ? AND resource_link_id = ?")
			.params(rubric.version().previousId().toString(), owner.resourceLinkId())
			.query(Integer.class)
			.single() == 1;
		if (!ownVersion) {
			throw new IllegalArgumentException("Rubric " + rubric.id() + " was made from " + rubric.version().previousId()
					+ ", which is neither its template nor a version of resource link " + owner.resourceLinkId());
		}
	}

	private void insert(Rubric rubric, long dossierId, String werkprocesCode, String profiel, RubricOwner owner,
			String createdBy) {
		RubricVersion version = rubric.version();
		this.jdbc.sql("""
				INSERT INTO rubric_version (id, dossier_id, werkproces_code, profiel_naam, number, previous_id,
				    template_id, platform_id, resource_link_id, content, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(rubric.id().toString(), dossierId, werkprocesCode, (profiel != null) ? profiel : NO_PROFIEL,
					version.number(), string(version.previousId()), string(version.templateId()),
					(owner != null) ? owner.platformId() : null, (owner != null) ? owner.resourceLinkId() : null,
					StoredRubric.write(rubric), Timestamp.from(version.createdAt()), createdBy)
			.update();
	}

	private static String string(UUID id) {
		return (id != null) ? id.toString() : null;
	}

	private record Template(long dossierId, String werkprocesCode, String profiel) {
	}

}
