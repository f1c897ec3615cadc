-- Several replicas on one database, and hand-in files outside the database. Runs on H2 and MySQL/MariaDB.

-- Rows that replicas lock (SELECT ... FOR UPDATE) to do one thing at a time across the cluster: 'startup' is held
-- while a replica runs its start-up tasks (first key pair, bootstrap admin, platforms file, reference dossier), so
-- replicas that start at once against an empty database do not each create them.
CREATE TABLE replica_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO replica_lock (name) VALUES ('startup');

-- A hand-in file's bytes are either in content (storage 'database', the default) or in an object store under
-- object_key (storage 's3'); exactly one of the two is set.
ALTER TABLE submission_file MODIFY content LONGBLOB NULL;
ALTER TABLE submission_file ADD COLUMN object_key VARCHAR(255);
