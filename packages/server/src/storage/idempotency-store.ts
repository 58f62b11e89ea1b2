/**
 * Idempotency keys in SQL (IETF httpapi Idempotency-Key draft). A key is a row per (scope, key):
 * `in_flight` with a lease (locked_until) while its request runs, `done` with what a replay needs —
 * the reference and the access code sealed with the server key, never in clear. The service decides
 * what each outcome means for the caller; this module only reads and writes the rows.
 */
import type { Queryable } from './db.js';

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'reused' }
  | { kind: 'in_flight' }
  | { kind: 'done'; responseStatus: number; reference: string | null; sealedAccessCode: string | null; responseAt: Date | null };

/**
 * Claims `key` for `owner`: inserts an `in_flight` row (a committed lease other instances see at once);
 * when the row exists, tells whether it was done (replay), is still running, or was sent with another
 * body — unless its lease expired (its request crashed): then it is taken over, and only one taker wins
 * the compare-and-set.
 */
export async function claimKey(
  db: Queryable,
  k: { scope: string; key: string; requestHash: string; owner: string; now: Date; leaseMs: number },
): Promise<Claim> {
  const lease = new Date(k.now.getTime() + k.leaseMs);
  for (let attempt = 0; attempt < 5; attempt++) {
    const claimed = await db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, owner, locked_until, created_at)
       VALUES ($1, $2, $3, 'in_flight', $4, $5, $6) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [k.scope, k.key, k.requestHash, k.owner, lease, k.now],
    );
    if (claimed.length === 1) return { kind: 'claimed' };
    const [row] = await db.query<{
      request_hash: string; status: 'in_flight' | 'done'; owner: string; locked_until: Date;
      response_status: number | null; reference: string | null; access_code_enc: string | null; response_at: Date | null;
    }>(
      `SELECT request_hash, status, owner, locked_until, response_status, reference, access_code_enc, response_at
       FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [k.scope, k.key],
    );
    if (!row) continue; // released between our insert and select: claim again
    if (row.request_hash !== k.requestHash) return { kind: 'reused' };
    if (row.status === 'done') {
      return { kind: 'done', responseStatus: row.response_status ?? 201, reference: row.reference, sealedAccessCode: row.access_code_enc, responseAt: row.response_at };
    }
    if (new Date(row.locked_until).getTime() > k.now.getTime()) return { kind: 'in_flight' };
    const taken = await db.query(
      `UPDATE idempotency_keys SET owner = $4, locked_until = $5 WHERE scope = $1 AND key = $2 AND owner = $3 AND status = 'in_flight' RETURNING key`,
      [k.scope, k.key, row.owner, k.owner, lease],
    );
    if (taken.length === 1) return { kind: 'claimed' };
  }
  return { kind: 'in_flight' };
}

/** Releases a claim whose request failed, so the client's retry runs at once instead of waiting out the lease. */
export async function releaseKey(db: Queryable, k: { scope: string; key: string; owner: string }): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND owner = $3 AND status = 'in_flight'`, [k.scope, k.key, k.owner]);
}

export async function purgeKeys(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
}

/** Whether `key` was seen before (done, running or released-then-retaken): its request is not a new petition. */
export async function keyExists(db: Queryable, scope: string, key: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
  return rows.length > 0;
}
