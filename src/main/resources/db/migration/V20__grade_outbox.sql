-- Grades on their way to a platform's gradebook (AGS scores): stored first, delivered by a worker that retries.
-- Runs unchanged on H2 (MySQL mode) and MySQL/MariaDB. Long texts are TEXT (MySQL's 65535-byte row limit).
-- line_item_key: SHA-256 (hex) of the platform and the line item (its URL, or lineitems URL + resourceId).

CREATE TABLE grade_outbox (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id       BIGINT       NOT NULL,
    line_item_key     CHAR(64)     NOT NULL,
    line_item_url     TEXT,
    line_items_url    TEXT,
    resource_id       VARCHAR(255),
    label             TEXT,
    line_item_maximum DOUBLE,
    tag               VARCHAR(255),
    user_sub          VARCHAR(255) NOT NULL,
    score_given       DOUBLE,
    score_maximum     DOUBLE,
    score_comment     TEXT,
    activity_progress VARCHAR(32)  NOT NULL,
    grading_progress  VARCHAR(32)  NOT NULL,
    score_timestamp   DATETIME(6)  NOT NULL,
    score_second      BIGINT       NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    attempts          INT          NOT NULL,
    next_attempt_at   DATETIME(6)  NOT NULL,
    claimed_by        VARCHAR(64),
    claimed_until     DATETIME(6),
    last_error        TEXT,
    delivered_at      DATETIME(6),
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uq_grade_outbox_second UNIQUE (line_item_key, user_sub, score_second),
    CONSTRAINT fk_grade_outbox_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);
CREATE INDEX ix_grade_outbox_due ON grade_outbox (status, next_attempt_at);
