-- Staff accounts, sessions, station scope and per-person audit (issue #13; docs/staff-accounts.md).

-- People, not tokens. The password only as scrypt$N$r$p$salt$hash (src/crypto.ts).
CREATE TABLE staff_accounts (
  id             text PRIMARY KEY,
  name           text NOT NULL UNIQUE,
  role           text NOT NULL CHECK (role IN ('volunteer', 'caseworker', 'station_head', 'admin')),
  station_id     text,
  password_hash  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- A session per sign-in. Only the token's SHA-256 is stored; every staff request reads its row, so a
-- revoked (deleted) session is refused by every instance at once.
CREATE TABLE staff_sessions (
  token_hash  text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  last_seen   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX staff_sessions_account_idx ON staff_sessions (account_id);
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at);

-- The station a case belongs to (a registration: the registering person's; NULL: the county's queue),
-- and the account that registered it (the `own` scope of the permission table).
ALTER TABLE cases ADD COLUMN station_id text;
ALTER TABLE cases ADD COLUMN registered_by text;
CREATE INDEX cases_station_idx ON cases (station_id);
CREATE INDEX cases_registered_by_idx ON cases (registered_by);

-- The person behind an audit entry, as she was named when she did it.
ALTER TABLE case_audit ADD COLUMN actor_name text;
ALTER TABLE case_audit ADD COLUMN actor_role text;
CREATE INDEX case_audit_actor_idx ON case_audit (actor, id);
