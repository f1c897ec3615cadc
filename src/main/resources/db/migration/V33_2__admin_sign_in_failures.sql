-- Failed admin sign-ins, counted in the database so that every replica throttles the same attempts (before, each
-- replica counted its own). Rows older than lti.admin.lockout are removed. Runs on H2 and MySQL/MariaDB.
CREATE TABLE admin_sign_in_failure (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account     VARCHAR(256) NOT NULL,
    address     VARCHAR(64)  NOT NULL,
    failed_at   DATETIME(6)  NOT NULL,
    -- false once the account signed in from that address: no longer counted for the user name at that address
    counts      BOOLEAN      NOT NULL
);
CREATE INDEX ix_admin_sign_in_failure_account ON admin_sign_in_failure (account, address, failed_at);
CREATE INDEX ix_admin_sign_in_failure_address ON admin_sign_in_failure (address, failed_at);
CREATE INDEX ix_admin_sign_in_failure_time ON admin_sign_in_failure (failed_at);

-- Consecutive failures of one user name from any address (forgotten after lti.admin.lockout without one, or on a
-- successful sign-in): the growing delay.
CREATE TABLE admin_account_failures (
    account        VARCHAR(256) NOT NULL PRIMARY KEY,
    failures       INT          NOT NULL,
    last_failed_at DATETIME(6)  NOT NULL
);
