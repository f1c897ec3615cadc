-- Immutable versions of final gradings (issue 12, "history you can trust"). A row is written each time a grading
-- becomes final (also by a second assessor's confirmation) and is never updated or deleted by the application.
-- content_hash = SHA-256 over previous_hash and a canonical serialisation of the row (GradingVersionHash);
-- the chain runs per activity in chain_seq order. Existing final gradings get a first version at start-up
-- (GradingHistoryBackfill), because the hash cannot be computed the same way in SQL on H2 and MariaDB.
CREATE TABLE grading_version (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    activity_id             BIGINT        NOT NULL,
    platform_id             BIGINT        NOT NULL,
    student_user_id         BIGINT        NOT NULL,
    grading_id              BIGINT        NOT NULL,
    version_no              INT           NOT NULL,
    chain_seq               INT           NOT NULL,
    rubric_version_id       CHAR(36)      NOT NULL,
    levels                  TEXT          NOT NULL,
    remarks                 TEXT          NOT NULL,
    overall_remark          TEXT,
    points                  INT,
    maximum                 INT,
    cesuur                  INT,
    verdict                 VARCHAR(16),
    cijfer                  DECIMAL(3, 1),
    knock_out               BOOLEAN       NOT NULL,
    assessor_user_id        BIGINT        NOT NULL,
    second_assessor_user_id BIGINT,
    finalized_at            DATETIME(6)   NOT NULL,
    outbox_id               BIGINT,
    previous_hash           CHAR(64)      NOT NULL,
    content_hash            CHAR(64)      NOT NULL,
    CONSTRAINT uq_grading_version_chain UNIQUE (activity_id, chain_seq),
    CONSTRAINT uq_grading_version_no UNIQUE (grading_id, version_no),
    CONSTRAINT fk_grading_version_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
    CONSTRAINT fk_grading_version_grading FOREIGN KEY (grading_id) REFERENCES grading (id)
);
CREATE INDEX ix_grading_version_student ON grading_version (activity_id, student_user_id);
