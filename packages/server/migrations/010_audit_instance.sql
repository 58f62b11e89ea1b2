-- The server instance that wrote each audit entry (issue #13, per-person audit): RIGHTS_KIT_INSTANCE, else
-- the host name and process id. NULL for entries written before this migration and for seeded history.
ALTER TABLE case_audit ADD COLUMN instance text;
-- What one person did, newest first (GET /v1/staff/audit).
CREATE INDEX case_audit_actor_at_idx ON case_audit (actor, at DESC);
