-- Evidence (issue #15 item 3). An upload is staged here chunk by chunk (upload_chunks) until its last byte is in and
-- the whole file passed the sdk's checks (logic/evidence.ts); then its bytes go to the EvidenceStore under the
-- upload's id and the chunks are dropped. Attached to a case, the upload row IS the attachment (case_id, added_*):
-- the case's files are the uploads that point at it. The bytes of the default store are in evidence_blobs; an
-- S3-compatible store keeps them in a bucket instead. What must be deleted from the store (an expired upload, a
-- case anonymised by retention) is queued in evidence_doomed first, so a crash between the row and the bytes
-- leaves the bytes queued, never forgotten.
CREATE TABLE uploads (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  size        integer NOT NULL CHECK (size > 0),
  received    integer NOT NULL DEFAULT 0,
  type        text,
  complete    boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  case_id     integer REFERENCES cases (id) ON DELETE CASCADE,
  position    integer,
  added_at    timestamptz,
  added_by    text CHECK (added_by IN ('citizen', 'office')),
  message_seq integer
);
CREATE INDEX uploads_case_idx ON uploads (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX uploads_expiry_idx ON uploads (expires_at) WHERE case_id IS NULL;

CREATE TABLE upload_chunks (
  upload_id  text NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  start      integer NOT NULL,
  bytes      bytea NOT NULL,
  PRIMARY KEY (upload_id, start)
);

-- The default EvidenceStore: the bytes of complete files, by key (the upload's id).
CREATE TABLE evidence_blobs (
  key    text PRIMARY KEY,
  bytes  bytea NOT NULL
);

-- Keys whose bytes must leave the EvidenceStore (drained by the service's purge).
CREATE TABLE evidence_doomed (
  key    text PRIMARY KEY,
  since  timestamptz NOT NULL
);

-- Her file added from the tracker is a message of kind `evidence` (the file's name and size come from uploads).
ALTER TABLE case_messages DROP CONSTRAINT IF EXISTS case_messages_kind_check;
ALTER TABLE case_messages ADD CONSTRAINT case_messages_kind_check CHECK (kind IN ('information', 'question', 'answer', 'evidence'));
