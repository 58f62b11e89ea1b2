-- The sdk's case rules decide every staff update now (packages/sdk/src/logic/case-rules.ts); the reason
-- of a deadline extension lives in the audit trail (action deadline_extended), where the memory backend
-- keeps it too. The column the server alone wrote is dropped.
ALTER TABLE cases DROP COLUMN IF EXISTS extension_reason;

-- The staff list filters by these and orders by submission time.
CREATE INDEX IF NOT EXISTS cases_category_idx ON cases (category);
CREATE INDEX IF NOT EXISTS cases_channel_idx ON cases (channel);
