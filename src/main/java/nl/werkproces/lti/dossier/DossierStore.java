package nl.werkproces.lti.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Dossier versions in the database: the dossier row, its profielen, kerntaken and werkprocessen (keys as columns,
 * nested texts as JSON, see {@link StoredContent}).
 */
@Repository
class DossierStore {

	private static final int MAX_LINEAGE = 255;

	private static final int MAX_FILENAME = 255;

	private final JdbcClient jdbc;

	DossierStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> idBySha256(String sha256) {
		return this.jdbc.sql("SELECT id FROM dossier WHERE source_sha256 = ?").param(sha256).query(Long.class).optional();
	}

	List<Long> ids() {
		return this.jdbc.sql("SELECT id FROM dossier ORDER BY titel, lineage_version, id").query(Long.class).list();
	}

	/** The lineage of a dossier: versions of one dossier share its crebo, or else its title. */
	static String lineage(DossierIdentity identity) {
		String lineage = (identity.crebo() != null) ? "crebo " + identity.crebo()
				: "titel " + identity.titel().strip().toLowerCase(Locale.ROOT);
		return (lineage.length() > MAX_LINEAGE) ? lineage.substring(0, MAX_LINEAGE) : lineage;
	}

	int nextVersionNumber(String lineage) {
		return this.jdbc.sql("SELECT COALESCE(MAX(lineage_version), 0) + 1 FROM dossier WHERE lineage = ?")
			.param(lineage)
			.query(Integer.class)
			.single();
	}

	/** Inserts a dossier version with all its parts; returns its id. */
	long insert(DossierImport imported, int number, String filename, Instant importedAt, String importedBy) {
		Dossier dossier = imported.dossier();
		DossierIdentity identity = dossier.identity();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO dossier (titel, crebo, versie, geldig_vanaf, lineage, lineage_version, source_kind,
				    source_sha256, source_filename, warnings, imported_at, imported_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(identity.titel(), identity.crebo(), identity.versie(), identity.geldigVanaf(), lineage(identity),
					number, dossier.source().name(), identity.sourceSha256(), truncate(filename, MAX_FILENAME),
					StoredContent.write(imported.warnings()), Timestamp.from(importedAt), importedBy)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		int position = 0;
		for (Profiel profiel : dossier.profielen()) {
			this.jdbc.sql("INSERT INTO dossier_profiel (dossier_id, naam, position, code, mbo_niveau, crebo) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(id, profiel.naam(), position++, profiel.code(), profiel.mboNiveau(), profiel.crebo())
				.update();
		}
		position = 0;
		for (Kerntaak kerntaak : dossier.kerntaken()) {
			insertKerntaak(id, kerntaak, null, position++);
		}
		for (Profiel profiel : dossier.profielen()) {
			for (Kerntaak kerntaak : profiel.kerntaken()) {
				insertKerntaak(id, kerntaak, profiel.naam(), position++);
			}
		}
		return id;
	}

	private void insertKerntaak(long dossierId, Kerntaak kerntaak, String profielNaam, int position) {
		this.jdbc.sql("INSERT INTO dossier_kerntaak (dossier_id, code, profiel_naam, position, titel, content) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(dossierId, kerntaak.code(), profielNaam, position, kerntaak.titel(),
					StoredContent.write(StoredContent.OfKerntaak.of(kerntaak)))
			.update();
		int werkprocesPosition = 0;
		for (Werkproces werkproces : kerntaak.werkprocessen()) {
			this.jdbc.sql("INSERT INTO dossier_werkproces (dossier_id, code, kerntaak_code, position, titel, "
					+ "described, content) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(dossierId, werkproces.code(), kerntaak.code(), werkprocesPosition++, werkproces.titel(),
						werkproces.isDescribed(), StoredContent.write(StoredContent.OfWerkproces.of(werkproces)))
				.update();
		}
	}

	Optional<DossierVersion> load(long id) {
		Optional<DossierRow> row = this.jdbc.sql("SELECT * FROM dossier WHERE id = ?")
			.param(id)
			.query(DossierStore::dossierRow)
			.optional();
		return row.map(this::assemble);
	}

	private DossierVersion assemble(DossierRow row) {
		Map<String, List<Werkproces>> werkprocessen = new LinkedHashMap<>();
		this.jdbc.sql("SELECT code, kerntaak_code, titel, content FROM dossier_werkproces WHERE dossier_id = ? "
				+ "ORDER BY kerntaak_code, position")
			.param(row.id())
			.query((rs, rowNum) -> {
				Werkproces werkproces = StoredContent.read(rs.getString("content"), StoredContent.OfWerkproces.class)
					.toWerkproces(rs.getString("code"), rs.getString("titel"));
				werkprocessen.computeIfAbsent(rs.getString("kerntaak_code"), (code) -> new ArrayList<>()).add(werkproces);
				return werkproces;
			})
			.list();
		List<Kerntaak> basis = new ArrayList<>();
		Map<String, List<Kerntaak>> byProfiel = new LinkedHashMap<>();
		this.jdbc.sql("SELECT code, profiel_naam, titel, content FROM dossier_kerntaak WHERE dossier_id = ? "
				+ "ORDER BY position")
			.param(row.id())
			.query((rs, rowNum) -> {
				String code = rs.getString("code");
				Kerntaak kerntaak = StoredContent.read(rs.getString("content"), StoredContent.OfKerntaak.class)
					.toKerntaak(code, rs.getString("titel"), werkprocessen.getOrDefault(code, List.of()));
				String profiel = rs.getString("profiel_naam");
				if (profiel == null) {
					basis.add(kerntaak);
				}
				else {
					byProfiel.computeIfAbsent(profiel, (naam) -> new ArrayList<>()).add(kerntaak);
				}
				return kerntaak;
			})
			.list();
		List<Profiel> profielen = this.jdbc
			.sql("SELECT naam, code, mbo_niveau, crebo FROM dossier_profiel WHERE dossier_id = ? ORDER BY position")
			.param(row.id())
			.query((rs, rowNum) -> new Profiel(rs.getString("code"), rs.getString("naam"),
					rs.getObject("mbo_niveau", Integer.class), rs.getString("crebo"),
					byProfiel.getOrDefault(rs.getString("naam"), List.of())))
			.list();
		Dossier dossier = new Dossier(row.identity(), row.source(), profielen, basis);
		return new DossierVersion(row.id(), dossier, row.number(), row.filename(), row.importedAt(), row.importedBy(),
				StoredContent.readList(row.warnings()));
	}

	private record DossierRow(long id, DossierIdentity identity, SourceKind source, int number, String filename,
			Instant importedAt, String importedBy, String warnings) {
	}

	private static DossierRow dossierRow(ResultSet rs, int rowNum) throws SQLException {
		LocalDate geldigVanaf = rs.getObject("geldig_vanaf", LocalDate.class);
		DossierIdentity identity = new DossierIdentity(rs.getString("titel"), rs.getString("crebo"),
				rs.getString("versie"), geldigVanaf, rs.getString("source_sha256"));
		return new DossierRow(rs.getLong("id"), identity, SourceKind.valueOf(rs.getString("source_kind")),
				rs.getInt("lineage_version"), rs.getString("source_filename"),
				rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by"), rs.getString("warnings"));
	}

	private static String truncate(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

}
