-- Messages on a case (issue #15): her information and answers, the office's questions. Numbered 1, 2, 3… within
-- the case (the sdk's logic/messages.ts numbers them; the key keeps two writers from taking one number). The text
-- lives here only — the audit names a message by its number — and goes when retention anonymises the case.
CREATE TABLE case_messages (
  case_id   integer NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq       integer NOT NULL,
  at        timestamptz NOT NULL,
  author    text NOT NULL CHECK (author IN ('citizen', 'office')),
  kind      text NOT NULL CHECK (kind IN ('information', 'question', 'answer')),
  body      text NOT NULL,
  reply_to  integer,
  PRIMARY KEY (case_id, seq)
);
