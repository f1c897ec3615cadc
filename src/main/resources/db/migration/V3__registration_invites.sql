-- One-time registration links that tool admins hand to a Moodle admin for LTI Dynamic Registration.
CREATE TABLE registration_invite (
    token_hash  VARCHAR(64)   NOT NULL PRIMARY KEY,
    label       VARCHAR(255)  NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    used_at     DATETIME(6),
    used_issuer VARCHAR(255),
    platform_id BIGINT
);
CREATE INDEX ix_registration_invite_created ON registration_invite (created_at);
