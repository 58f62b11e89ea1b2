-- The station network (issue #14; docs/routing.md).

-- The office's routing rules, in order (first match wins): RoutingRule of @rights-kit/sdk as JSON.
CREATE TABLE routing_rules (
  position  integer PRIMARY KEY,
  data      jsonb NOT NULL
);

-- A warm referral's place: { stationId } of the office's stations, or { phone } of a body outside it,
-- and { note } (what to bring). NULL: none recorded (a free-text referral, `referred_to`, only).
ALTER TABLE cases ADD COLUMN referral jsonb;
