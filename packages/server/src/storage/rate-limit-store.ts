/** Fixed-window counters in SQL, so a limit holds across every instance sharing the database. */
import type { Queryable } from './db.js';

/**
 * Counts one hit in each bucket's current window; answers the seconds until the window ends when any
 * bucket is over its limit, else undefined.
 */
export async function hitRateLimits(db: Queryable, buckets: { bucket: string; limit: number }[], windowSeconds: number, now: Date): Promise<number | undefined> {
  const nowMs = now.getTime();
  const windowMs = windowSeconds * 1000;
  const start = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const values = buckets.map((_, i) => `($${i + 2}, $1, 1)`).join(', ');
  const rows = await db.query<{ bucket: string; count: number }>(
    `INSERT INTO rate_limits (bucket, window_start, count) VALUES ${values}
     ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING bucket, count`,
    [start, ...buckets.map((b) => b.bucket)],
  );
  const over = rows.some((r) => Number(r.count) > (buckets.find((b) => b.bucket === r.bucket)?.limit ?? Infinity));
  return over ? Math.max(1, Math.ceil((start.getTime() + windowMs - nowMs) / 1000)) : undefined;
}

/**
 * Like `hitRateLimits` without counting: the seconds until the window ends when any bucket has already
 * reached its limit, else undefined. Sign-in counts only failures, so it looks first and hits on failure.
 */
export async function peekRateLimits(db: Queryable, buckets: { bucket: string; limit: number }[], windowSeconds: number, now: Date): Promise<number | undefined> {
  const nowMs = now.getTime();
  const windowMs = windowSeconds * 1000;
  const start = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const rows = await db.query<{ bucket: string; count: number }>(
    'SELECT bucket, count FROM rate_limits WHERE window_start = $1 AND bucket IN (SELECT jsonb_array_elements_text($2::jsonb))',
    [start, JSON.stringify(buckets.map((b) => b.bucket))],
  );
  const full = rows.some((r) => Number(r.count) >= (buckets.find((b) => b.bucket === r.bucket)?.limit ?? Infinity));
  return full ? Math.max(1, Math.ceil((start.getTime() + windowMs - nowMs) / 1000)) : undefined;
}

/** Takes back one hit of `bucket` in the window `at` fell in (an attempt that turned out not to count). */
export async function refundRateLimit(db: Queryable, bucket: string, windowSeconds: number, at: Date): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const start = new Date(Math.floor(at.getTime() / windowMs) * windowMs);
  await db.query('UPDATE rate_limits SET count = count - 1 WHERE bucket = $1 AND window_start = $2 AND count > 0', [bucket, start]);
}

export async function purgeRateLimits(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE window_start < $1', [before]);
}

/**
 * Marks a single-use token spent until `until` (a solved submit challenge): true the first time, false for
 * every later try, on any instance. Kept in the counters' table; purged with them once `until` is long past.
 */
export async function spendOnce(db: Queryable, token: string, until: Date): Promise<boolean> {
  const rows = await db.query('INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, $2, 1) ON CONFLICT (bucket, window_start) DO NOTHING RETURNING count', [token, until]);
  return rows.length === 1;
}
