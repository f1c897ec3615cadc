-- Platform registrations, the tool's keys, logins in progress and launch sessions.
-- Runs unchanged on H2 and MySQL/MariaDB.

CREATE TABLE platform (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    issuer                 VARCHAR(255)  NOT NULL,
    client_id              VARCHAR(255)  NOT NULL,
    name                   VARCHAR(255)  NOT NULL,
    authorization_endpoint VARCHAR(1024) NOT NULL,
    token_endpoint         VARCHAR(1024) NOT NULL,
    jwks_uri               VARCHAR(1024) NOT NULL,
    enabled                BOOLEAN       NOT NULL,
    source                 VARCHAR(32)   NOT NULL,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    CONSTRAINT uq_platform_issuer_client UNIQUE (issuer, client_id)
);

CREATE TABLE deployment (
    platform      BIGINT       NOT NULL,
    deployment_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (platform, deployment_id),
    CONSTRAINT fk_deployment_platform FOREIGN KEY (platform) REFERENCES platform (id) ON DELETE CASCADE
);

CREATE TABLE tool_key (
    kid                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    algorithm             VARCHAR(16)   NOT NULL,
    public_key            VARCHAR(1024) NOT NULL,
    private_key           VARCHAR(4096) NOT NULL,
    private_key_encrypted BOOLEAN       NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    activated_at          DATETIME(6),
    retired_at            DATETIME(6)
);

CREATE TABLE login_state (
    state            VARCHAR(64)   NOT NULL PRIMARY KEY,
    nonce            VARCHAR(64)   NOT NULL,
    platform_id      BIGINT        NOT NULL,
    browser_hash     VARCHAR(64)   NOT NULL,
    target_link_uri  VARCHAR(1024) NOT NULL,
    login_hint       TEXT          NOT NULL,
    lti_message_hint TEXT,
    deployment_id    VARCHAR(255),
    created_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6)   NOT NULL
);
CREATE INDEX ix_login_state_expires ON login_state (expires_at);

CREATE TABLE used_nonce (
    nonce      VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_used_nonce_expires ON used_nonce (expires_at);

CREATE TABLE lti_user (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id BIGINT       NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    name        VARCHAR(255),
    given_name  VARCHAR(255),
    family_name VARCHAR(255),
    email       VARCHAR(320),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_lti_user UNIQUE (platform_id, subject),
    CONSTRAINT fk_lti_user_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);

CREATE TABLE lti_context (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id BIGINT       NOT NULL,
    context_key VARCHAR(255) NOT NULL,
    label       VARCHAR(255),
    title       VARCHAR(1024),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_lti_context UNIQUE (platform_id, context_key),
    CONSTRAINT fk_lti_context_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);

CREATE TABLE resource_link (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id BIGINT       NOT NULL,
    context_id  BIGINT,
    link_key    VARCHAR(255) NOT NULL,
    title       VARCHAR(1024),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_resource_link UNIQUE (platform_id, link_key),
    CONSTRAINT fk_resource_link_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_resource_link_context FOREIGN KEY (context_id) REFERENCES lti_context (id)
);

CREATE TABLE launch_session (
    id_hash          VARCHAR(64)   NOT NULL PRIMARY KEY,
    platform_id      BIGINT        NOT NULL,
    deployment_id    VARCHAR(255)  NOT NULL,
    user_id          BIGINT        NOT NULL,
    context_id       BIGINT,
    resource_link_id BIGINT,
    message_type     VARCHAR(64)   NOT NULL,
    roles            VARCHAR(128)  NOT NULL,
    role_claims      TEXT          NOT NULL,
    locale           VARCHAR(35),
    document_target  VARCHAR(16),
    return_url       VARCHAR(2048),
    ags_lineitems    VARCHAR(1024),
    ags_lineitem     VARCHAR(1024),
    ags_scopes       VARCHAR(1024),
    nrps_url         VARCHAR(1024),
    deep_linking     TEXT,
    custom           TEXT,
    csrf_token       VARCHAR(64)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6)   NOT NULL,
    CONSTRAINT fk_launch_session_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_launch_session_user FOREIGN KEY (user_id) REFERENCES lti_user (id)
);
CREATE INDEX ix_launch_session_expires ON launch_session (expires_at);
