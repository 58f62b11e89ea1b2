-- Rights Kit reference server: initial schema.
-- Runs inside the migration transaction (see src/storage/migrate.ts); PGlite and PostgreSQL alike.

CREATE TABLE categories (
  code      text PRIMARY KEY,
  position  integer NOT NULL,
  data      jsonb NOT NULL
);

CREATE TABLE stations (
  id        text PRIMARY KEY,
  position  integer NOT NULL,
  data      jsonb NOT NULL
);

CREATE TABLE hotlines (
  id        text PRIMARY KEY,
  position  integer NOT NULL,
  data      jsonb NOT NULL
);

CREATE TABLE cases (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference          text NOT NULL UNIQUE,
  -- scrypt$N$r$p$salt$hash (base64url): the access code itself is never stored.
  access_hash        text NOT NULL,
  category           text NOT NULL,
  status             text NOT NULL,
  channel            text NOT NULL,
  submitted_at       timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  -- The petition as validated (description, contact, location, attributes...): staff eyes only.
  petition           jsonb NOT NULL,
  referred_to        text,
  deadline_extended  boolean NOT NULL DEFAULT false,
  extension_reason   text
);
CREATE INDEX cases_status_idx ON cases (status);
CREATE INDEX cases_submitted_idx ON cases (submitted_at);

CREATE TABLE case_timeline (
  id       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id  integer NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at       timestamptz NOT NULL,
  status   text NOT NULL,
  note     text
);
CREATE INDEX case_timeline_case_idx ON case_timeline (case_id, id);

-- Every staff change, who and when; never read by the public API.
CREATE TABLE case_audit (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      integer NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  action       text NOT NULL,
  from_status  text,
  to_status    text,
  note         text
);
CREATE INDEX case_audit_case_idx ON case_audit (case_id, id);

-- IETF httpapi Idempotency-Key draft. `in_flight` rows are a lease (locked_until) so a crashed request
-- does not block its key forever; `done` rows replay the first response. The access code of the replayed
-- Receipt is kept only AES-256-GCM encrypted with the server key (access_code_enc), never in clear.
CREATE TABLE idempotency_keys (
  scope            text NOT NULL,
  key              text NOT NULL,
  request_hash     text NOT NULL,
  status           text NOT NULL CHECK (status IN ('in_flight', 'done')),
  owner            text NOT NULL,
  locked_until     timestamptz NOT NULL,
  response_status  integer,
  reference        text,
  access_code_enc  text,
  response_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Fixed-window counters for rate limits, shared by every instance. Buckets are hashed (no raw IP or reference).
CREATE TABLE rate_limits (
  bucket        text NOT NULL,
  window_start  timestamptz NOT NULL,
  count         integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_window_idx ON rate_limits (window_start);

CREATE TABLE settings (
  key    text PRIMARY KEY,
  value  text NOT NULL
);
