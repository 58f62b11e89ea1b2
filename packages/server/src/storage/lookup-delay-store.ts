/**
 * Progressive delay of lookups per reference and client, in SQL so it holds across instances. Only the
 * bucket's HMAC is stored. The service decides the free tries and the delay curve; this module only
 * reads and writes the rows.
 */
import type { Queryable } from './db.js';

/** Seconds until this bucket may try again, or undefined when it may now. */
export async function lookupDelay(db: Queryable, bucket: string, now: Date): Promise<number | undefined> {
  const [row] = await db.query<{ not_before: Date }>('SELECT not_before FROM lookup_delays WHERE bucket = $1', [bucket]);
  if (!row) return undefined;
  const waitMs = new Date(row.not_before).getTime() - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : undefined;
}

/**
 * Counts one wrong code for the bucket and sets its next allowed instant: `delayOf(failures)` seconds
 * from now (0 while the free tries last). One statement, so two instances counting at once both count.
 */
export async function recordLookupFailure(db: Queryable, bucket: string, now: Date, delayOf: (failures: number) => number): Promise<void> {
  const [row] = await db.query<{ failures: number }>(
    `INSERT INTO lookup_delays (bucket, failures, not_before, last_failure) VALUES ($1, 1, $2, $2)
     ON CONFLICT (bucket) DO UPDATE SET failures = lookup_delays.failures + 1, last_failure = $2
     RETURNING failures`,
    [bucket, now],
  );
  const seconds = delayOf(Number(row!.failures));
  if (seconds > 0) {
    await db.query('UPDATE lookup_delays SET not_before = $2 WHERE bucket = $1', [bucket, new Date(now.getTime() + seconds * 1000)]);
  }
}

/** Her right code: the bucket starts afresh. */
export async function clearLookupDelay(db: Queryable, bucket: string): Promise<void> {
  await db.query('DELETE FROM lookup_delays WHERE bucket = $1', [bucket]);
}

export async function purgeLookupDelays(db: Queryable, idleSince: Date): Promise<void> {
  await db.query('DELETE FROM lookup_delays WHERE last_failure < $1', [idleSince]);
}
