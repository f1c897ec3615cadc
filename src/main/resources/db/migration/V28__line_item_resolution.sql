-- Which delivery worker finds or creates a line item (gradebook column) in a platform's container, so that it is
-- created once across replicas; the URL it found stays here for every later grade. Runs on H2 and MySQL/MariaDB.
CREATE TABLE line_item_resolution (
    line_item_key CHAR(64)    NOT NULL PRIMARY KEY,
    line_item_url TEXT,
    claimed_by    VARCHAR(64),
    claimed_until DATETIME(6),
    updated_at    DATETIME(6) NOT NULL
);
