-- Why the last delivery attempt failed, as a code the pages translate (last_error keeps the technical detail).
ALTER TABLE grade_outbox ADD COLUMN last_error_code VARCHAR(32);
