-- Append-only audit log of admin actions, and rejected launches for the admin's activity view.
CREATE TABLE audit_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR(255) NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);

CREATE TABLE rejected_launch (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)  NOT NULL,
    reason      VARCHAR(64)  NOT NULL,
    platform_id BIGINT,
    detail      VARCHAR(512) NOT NULL
);
CREATE INDEX ix_rejected_launch_occurred ON rejected_launch (occurred_at);
