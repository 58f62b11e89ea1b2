-- Notifications that cannot betray her, and reminders for the office (issue #16; docs/notifications.md).
-- A transactional outbox: a row is written in the same transaction as the change that causes it, and a
-- worker sends it later. Her rows hold no address and no text: both are decided again at send time from
-- her answers as they are then.
CREATE TABLE notifications (
  id              bigserial PRIMARY KEY,
  -- 'case_updated' (to her: a move or a note she can see) or 'deadline_digest' (to the office).
  event           text NOT NULL,
  -- Her case (case_updated); NULL for an office digest.
  case_id         integer REFERENCES cases (id) ON DELETE CASCADE,
  -- An office digest: the staff address and what it lists (references and deadlines; nothing of her).
  office_to       text,
  payload         jsonb,
  created_at      timestamptz NOT NULL,
  -- Not before this instant: her safe window's opening, or the next retry after a failed attempt.
  due_at          timestamptz NOT NULL,
  -- pending → sending (claimed until lease_until) → sent | dropped; a crashed sender's claim expires.
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dropped')),
  lease_until     timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  -- The sender's idempotency key (the email's Message-ID, the SMS webhook's Idempotency-Key): every attempt
  -- of one notification carries the same key, so the gateway can deliver it once.
  idempotency_key text NOT NULL UNIQUE,
  channel         text,
  -- Why it was dropped (a rule's reason) or why the last attempt failed (an error name, never an address).
  reason          text,
  sent_at         timestamptz,
  CHECK ((event = 'case_updated') = (case_id IS NOT NULL))
);
CREATE INDEX notifications_due_idx ON notifications (due_at) WHERE status IN ('pending', 'sending');
CREATE INDEX notifications_case_idx ON notifications (case_id);

-- She stopped notifications from the tracker.
ALTER TABLE cases ADD COLUMN notifications_off boolean NOT NULL DEFAULT false;

-- Where a person's reminders go (optional; set with create-admin --email).
ALTER TABLE staff_accounts ADD COLUMN email text;

-- A case's deadline is in a digest once per day: the key is the deduplication across instances and restarts.
CREATE TABLE reminders_sent (
  case_id   integer NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  deadline  text NOT NULL CHECK (deadline IN ('acceptance', 'closing')),
  day       date NOT NULL,
  PRIMARY KEY (case_id, deadline, day)
);
