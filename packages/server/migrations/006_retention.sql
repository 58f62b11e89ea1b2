-- Retention (issue #17 item 8). A closed case is anonymised once the office's retention period has run
-- since it closed: contact, description, location and attributes leave the petition, timeline and audit
-- notes are cleared; category, channel, dates, status and outcome stay, so the figures do not change.
ALTER TABLE cases ADD COLUMN IF NOT EXISTS anonymised_at timestamptz;
CREATE INDEX IF NOT EXISTS cases_retention_idx ON cases (updated_at) WHERE anonymised_at IS NULL;

-- Scheduled jobs claimed by one instance per run: the instance whose UPDATE moves next_run runs the job.
CREATE TABLE IF NOT EXISTS scheduled_jobs (
  name      text PRIMARY KEY,
  next_run  timestamptz NOT NULL
);
