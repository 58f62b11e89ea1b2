-- How a case ended (issue #19): the sdk's CaseOutcome (contract/outcome.ts) as JSON — its kind, the
-- juror and agreement flags, sums in fen and the people helped. Written only by a staff move to resolved
-- or closed (the sdk's planUpdate); NULL for every case that has none yet.
ALTER TABLE cases ADD COLUMN IF NOT EXISTS outcome jsonb;
