-- Tool administrators (separate from LTI launches). Passwords are stored as BCrypt hashes.
CREATE TABLE admin_user (
    username      VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL
);
