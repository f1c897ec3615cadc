-- A student's hand-in for an activity (one per student, handed in again until grading starts) with its files,
-- and the teacher's grading with the rubric (draft, awaiting a second assessor, final).
CREATE TABLE submission (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    activity_id   BIGINT       NOT NULL,
    platform_id   BIGINT       NOT NULL,
    user_id       BIGINT       NOT NULL,
    text_content  MEDIUMTEXT,
    hand_in_count INT          NOT NULL,
    submitted_at  DATETIME(6)  NOT NULL,
    late          BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_submission UNIQUE (activity_id, user_id),
    CONSTRAINT fk_submission_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
    CONSTRAINT fk_submission_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_submission_user FOREIGN KEY (user_id) REFERENCES lti_user (id)
);

CREATE TABLE submission_file (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    submission_id BIGINT       NOT NULL,
    filename      VARCHAR(255) NOT NULL,
    content_type  VARCHAR(127) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    content       LONGBLOB     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_submission_file FOREIGN KEY (submission_id) REFERENCES submission (id) ON DELETE CASCADE
);
CREATE INDEX ix_submission_file_submission ON submission_file (submission_id);

CREATE TABLE grading (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    activity_id            BIGINT        NOT NULL,
    platform_id            BIGINT        NOT NULL,
    student_user_id        BIGINT        NOT NULL,
    rubric_version_id      CHAR(36)      NOT NULL,
    status                 VARCHAR(24)   NOT NULL,
    levels                 TEXT          NOT NULL,
    remarks                TEXT          NOT NULL,
    overall_remark         TEXT,
    points                 INT,
    maximum                INT,
    cesuur                 INT,
    verdict                VARCHAR(16),
    cijfer                 DECIMAL(3, 1),
    knock_out              BOOLEAN       NOT NULL,
    assessor_user_id       BIGINT        NOT NULL,
    second_assessor_user_id BIGINT,
    finalized_at           DATETIME(6),
    outbox_id              BIGINT,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    CONSTRAINT uq_grading UNIQUE (activity_id, student_user_id),
    CONSTRAINT fk_grading_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
    CONSTRAINT fk_grading_platform FOREIGN KEY (platform_id) REFERENCES platform (id),
    CONSTRAINT fk_grading_student FOREIGN KEY (student_user_id) REFERENCES lti_user (id),
    CONSTRAINT fk_grading_rubric FOREIGN KEY (rubric_version_id) REFERENCES rubric_version (id)
);

ALTER TABLE activity ADD COLUMN second_assessor_required BOOLEAN DEFAULT FALSE NOT NULL;
