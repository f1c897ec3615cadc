-- The tool does not use e-mail addresses (README "Privacy"): launches and member lists no longer store them,
-- and the ones stored before are removed. The column stays (nullable) so older replicas keep running during a
-- rolling update.
UPDATE lti_user SET email = NULL WHERE email IS NOT NULL;
