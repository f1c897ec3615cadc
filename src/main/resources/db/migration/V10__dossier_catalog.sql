-- The kwalificatiedossier catalog and the rubric versions derived from it.
-- Runs unchanged on H2 (MySQL mode) and MySQL/MariaDB (utf8mb4: indexed VARCHARs stay under 768 characters).

-- One imported version of a dossier. Versions of the same dossier share a lineage (its crebo, else its title) and
-- are numbered 1, 2, ... in import order; the exact source is identified by its SHA-256, so importing the same file
-- twice is recognised.
CREATE TABLE dossier (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    titel           VARCHAR(1024) NOT NULL,
    crebo           VARCHAR(32),
    versie          VARCHAR(255),
    geldig_vanaf    DATE,
    lineage         VARCHAR(255) NOT NULL,
    lineage_version INT          NOT NULL,
    source_kind     VARCHAR(8)   NOT NULL,
    source_sha256   CHAR(64)     NOT NULL,
    source_filename VARCHAR(255),
    warnings        MEDIUMTEXT   NOT NULL,
    imported_at     DATETIME(6)  NOT NULL,
    imported_by     VARCHAR(255) NOT NULL,
    CONSTRAINT uq_dossier_source UNIQUE (source_sha256),
    CONSTRAINT uq_dossier_lineage_version UNIQUE (lineage, lineage_version)
);

-- Profielen are keyed by name: dossiers number them inconsistently.
CREATE TABLE dossier_profiel (
    dossier_id BIGINT       NOT NULL,
    naam       VARCHAR(255) NOT NULL,
    position   INT          NOT NULL,
    code       VARCHAR(64),
    mbo_niveau INT,
    crebo      VARCHAR(32),
    PRIMARY KEY (dossier_id, naam),
    CONSTRAINT fk_dossier_profiel_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id) ON DELETE CASCADE
);

-- Kerntaken of the basisdeel (profiel_naam NULL) and of a profiel. content: JSON with complexiteit,
-- verantwoordelijkheid en zelfstandigheid, vakkennis en vaardigheden and the additions per profiel.
CREATE TABLE dossier_kerntaak (
    dossier_id   BIGINT       NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    profiel_naam VARCHAR(255),
    position     INT          NOT NULL,
    titel        TEXT         NOT NULL,
    content      MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (dossier_id, code),
    CONSTRAINT fk_dossier_kerntaak_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id) ON DELETE CASCADE,
    CONSTRAINT fk_dossier_kerntaak_profiel FOREIGN KEY (dossier_id, profiel_naam)
        REFERENCES dossier_profiel (dossier_id, naam) ON DELETE CASCADE
);

-- Werkprocessen. content: JSON with omschrijving, resultaat, gedrag, competenties and the additions per profiel.
CREATE TABLE dossier_werkproces (
    dossier_id    BIGINT      NOT NULL,
    code          VARCHAR(64) NOT NULL,
    kerntaak_code VARCHAR(64) NOT NULL,
    position      INT         NOT NULL,
    titel         TEXT        NOT NULL,
    described     BOOLEAN     NOT NULL,
    content       MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (dossier_id, code),
    CONSTRAINT fk_dossier_werkproces_kerntaak FOREIGN KEY (dossier_id, kerntaak_code)
        REFERENCES dossier_kerntaak (dossier_id, code) ON DELETE CASCADE
);

-- Rubric versions. A template (number 1, no owner) is derived from a dossier version, werkproces and profiel
-- (profiel_naam '' for the basisdeel alone) and never changes; its id is derived from its origin. A teacher's
-- change makes a new version owned by an activity (resource link, with its platform for tenancy).
CREATE TABLE rubric_version (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    dossier_id       BIGINT       NOT NULL,
    werkproces_code  VARCHAR(64)  NOT NULL,
    profiel_naam     VARCHAR(255) NOT NULL,
    number           INT          NOT NULL,
    previous_id      CHAR(36),
    template_id      CHAR(36),
    platform_id      BIGINT,
    resource_link_id BIGINT,
    content          MEDIUMTEXT   NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    created_by       VARCHAR(255),
    CONSTRAINT uq_rubric_version_activity UNIQUE (resource_link_id, number),
    CONSTRAINT fk_rubric_version_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id),
    CONSTRAINT fk_rubric_version_previous FOREIGN KEY (previous_id) REFERENCES rubric_version (id),
    CONSTRAINT fk_rubric_version_template FOREIGN KEY (template_id) REFERENCES rubric_version (id),
    CONSTRAINT fk_rubric_version_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_rubric_version_resource_link FOREIGN KEY (resource_link_id) REFERENCES resource_link (id)
);
CREATE INDEX ix_rubric_version_werkproces ON rubric_version (dossier_id, werkproces_code, profiel_naam);
