-- Personal data (AVG): retention per platform, erasure of one user.

-- Months after a course's last activity that its hand-ins, gradings, grading versions and outbox entries are kept;
-- NULL keeps them (the default).
ALTER TABLE platform ADD COLUMN retention_months INT;

-- The retention purge takes this row lock, so replicas purge one at a time.
INSERT INTO replica_lock (name) VALUES ('retention');

-- One erasure of one user (who, when, why, how many rows); never the erased data. versions_digest is the SHA-256
-- over "id:content_hash" lines (id order) of the grading versions whose content was erased, taken before erasing.
CREATE TABLE erasure (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id     BIGINT        NOT NULL,
    user_id         BIGINT        NOT NULL,
    erased_at       DATETIME(6)   NOT NULL,
    erased_by       VARCHAR(100)  NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    counts          TEXT          NOT NULL,
    versions_digest CHAR(64)      NOT NULL,
    CONSTRAINT fk_erasure_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);
CREATE INDEX ix_erasure_platform ON erasure (platform_id, erased_at);

-- A grading version whose personal content was erased keeps its place and hashes in the chain and names its erasure.
ALTER TABLE grading_version ADD COLUMN erasure_id BIGINT;
-- The grading an erased version belonged to is deleted with the user; the version keeps its number only.
ALTER TABLE grading_version DROP FOREIGN KEY fk_grading_version_grading;
