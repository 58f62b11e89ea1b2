-- Progressive delay of case lookups per reference and client (issue #17 item 6). A row per bucket
-- (HMAC of reference + client address, never either in clear): how many wrong codes in a row, and the
-- instant before which the next try from that client on that reference is refused. A correct code
-- deletes the row; the hourly purge drops rows idle for a day. No global per-reference counter: a
-- stranger must not be able to lock her out of her own case from his address.
CREATE TABLE lookup_delays (
  bucket        text PRIMARY KEY,
  failures      integer NOT NULL,
  not_before    timestamptz NOT NULL,
  last_failure  timestamptz NOT NULL
);
CREATE INDEX lookup_delays_last_failure_idx ON lookup_delays (last_failure);
