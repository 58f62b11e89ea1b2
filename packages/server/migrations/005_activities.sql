-- Activities (issue #19 item 2): trainings, campaigns, lectures, forums and reception days. The sdk's
-- Activity (contract/activity.ts) as JSON; the start is a column too, for the period queries.
CREATE TABLE IF NOT EXISTS activities (
  id text PRIMARY KEY,
  starts_at timestamptz NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS activities_starts_at_idx ON activities (starts_at);
