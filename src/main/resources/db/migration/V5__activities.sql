-- A werkproces assignment: made by Deep Linking (pending until its resource link is first launched) or set up by
-- a teacher on a hand-made activity. Keyed per platform; a copied Moodle activity gets its own copy.
CREATE TABLE activity (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id      BIGINT       NOT NULL,
    resource_link_id BIGINT,
    setup_key        VARCHAR(64)  NOT NULL,
    dossier_id       BIGINT       NOT NULL,
    werkproces_code  VARCHAR(32)  NOT NULL,
    profiel          VARCHAR(255),
    grade_mode       VARCHAR(16)  NOT NULL,
    due_at           DATETIME(6),
    instructions     TEXT,
    created_by       BIGINT,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uq_activity_link UNIQUE (resource_link_id),
    CONSTRAINT fk_activity_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_activity_link FOREIGN KEY (resource_link_id) REFERENCES resource_link (id)
);
CREATE INDEX ix_activity_setup ON activity (platform_id, setup_key);
