-- A registration link can be made to re-register one existing platform (the admin's explicit choice);
-- without it, dynamic registration only creates platforms.
ALTER TABLE registration_invite ADD COLUMN reregister_platform_id BIGINT;
