-- A login whose platform offered its storage (LTI Client Side postMessages, lti_storage_target): the frame to ask
-- and the hash of the secret the login page put there, which binds the launch to this browser when no cookie does.
ALTER TABLE login_state ADD COLUMN storage_target VARCHAR(64);
ALTER TABLE login_state ADD COLUMN storage_hash VARCHAR(64);
