-- A case assigned to a person (issue #13; docs/staff-accounts.md "Assignment"): a staff account's id, or
-- NULL for no one in particular. Not a foreign key: the audit keeps naming a person after her account goes,
-- and the case then simply reads as assigned to an account no one signs in to.
ALTER TABLE cases ADD COLUMN assignee text;
CREATE INDEX cases_assignee_idx ON cases (assignee);
