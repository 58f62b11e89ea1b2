-- Issue #17 item 4: the desk's `overdue` filter in SQL with an index instead of loading every case into JS.
-- `overdue_after` is the instant after which a case is overdue — the sdk's `overdueAfter` (logic/deadlines.ts),
-- written by the server with every change of status; NULL when the case cannot be overdue (resolved, rejected,
-- closed). Existing open cases are filled in by the server at start with the same sdk rule
-- (service `fillOverdueAfter`), so the rule is not restated here.
ALTER TABLE cases ADD COLUMN overdue_after timestamptz;
CREATE INDEX cases_overdue_after_idx ON cases (overdue_after);
