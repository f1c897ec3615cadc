-- The demo platform's course (only used when lti.demo.enabled is true), kept across restarts and shared by
-- replicas: its gradebook columns, its activities (resource links) and the last score per column and student.
-- Runs on H2 (MODE=MySQL) and MySQL/MariaDB.

CREATE TABLE demo_line_item (
    id               INT AUTO_INCREMENT PRIMARY KEY,
    label            VARCHAR(255) NOT NULL,
    score_maximum    DOUBLE NOT NULL,
    resource_id      VARCHAR(255),
    tag              VARCHAR(255),
    resource_link_id VARCHAR(255)
);

-- The activity made by hand (no custom values) and its column, present from the start.
INSERT INTO demo_line_item (id, label, score_maximum, resource_id, tag, resource_link_id)
VALUES (1, 'Werkproces B1-K1-W1 (demo)', 10.0, 'B1-K1-W1', 'werkproces', 'demo-activity-1');

-- resource_link_id is never reused: deep-linked ones carry this table's id and a random part.
CREATE TABLE demo_activity (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    resource_link_id VARCHAR(255) NOT NULL,
    title            VARCHAR(500) NOT NULL,
    custom_json      TEXT NOT NULL,
    line_item_id     INT NOT NULL,
    CONSTRAINT uk_demo_activity_link UNIQUE (resource_link_id),
    CONSTRAINT fk_demo_activity_line_item FOREIGN KEY (line_item_id) REFERENCES demo_line_item (id)
);

INSERT INTO demo_activity (id, resource_link_id, title, custom_json, line_item_id)
VALUES (1, 'demo-activity-1', 'Werkproces B1-K1-W1 (demo)', '{}', 1);

CREATE TABLE demo_grade (
    line_item_id     INT NOT NULL,
    user_id          VARCHAR(255) NOT NULL,
    score_given      DOUBLE,
    score_maximum    DOUBLE NOT NULL,
    comment_text     TEXT,
    scored_at        DATETIME(6)  NOT NULL,
    grading_progress VARCHAR(32) NOT NULL,
    PRIMARY KEY (line_item_id, user_id),
    CONSTRAINT fk_demo_grade_line_item FOREIGN KEY (line_item_id) REFERENCES demo_line_item (id)
);
