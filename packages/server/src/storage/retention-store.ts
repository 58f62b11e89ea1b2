/**
 * Retention in SQL: claiming a scheduled run, and anonymising closed cases. Rows only; the service
 * decides when and what is old enough.
 */
import type { Queryable } from './db.js';

/**
 * Claims the run of job `name` due at `now`, moving its next run to `next`. Exactly one of the instances
 * sharing the database wins a due run (a compare-and-set on one row); the others get false.
 */
export async function claimJobRun(db: Queryable, name: string, now: Date, next: Date): Promise<boolean> {
  await db.query('INSERT INTO scheduled_jobs (name, next_run) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, now]);
  const won = await db.query('UPDATE scheduled_jobs SET next_run = $3 WHERE name = $1 AND next_run <= $2 RETURNING name', [name, now, next]);
  return won.length === 1;
}

/**
 * Anonymises up to `batch` cases in one statement: those matching `which` (closed before `closedBefore`,
 * or one reference). The petition keeps only what the figures and the desk's list need (category, on
 * whose behalf, anonymous); timeline and audit notes are cleared, her messages and the office's questions deleted, her files deleted
 * (their keys queued in `evidence_doomed` for the EvidenceStore, which the service drains); an `anonymised` audit entry is written
 * by `actor`; the access codes sealed for idempotent replays are dropped. Returns how many were anonymised.
 */
export async function anonymiseCases(
  db: Queryable,
  which: { closedBefore: Date; openStatuses: readonly string[] } | { reference: string },
  at: Date,
  actor: string,
  batch = 200,
): Promise<number> {
  const [where, params] =
    'reference' in which
      ? ['reference = $3', [which.reference]]
      : ['updated_at < $3 AND NOT (status = ANY($4::text[]))', [which.closedBefore, [...which.openStatuses]]];
  const [row] = await db.query<{ n: number }>(
    `WITH doomed AS (
       SELECT id, reference FROM cases WHERE anonymised_at IS NULL AND ${where} ORDER BY id LIMIT ${batch} FOR UPDATE
     ), done AS (
       UPDATE cases c SET anonymised_at = $1,
         petition = jsonb_build_object('category', c.category, 'description', '', 'onBehalfOf', c.petition->'onBehalfOf',
                                       'anonymous', true, 'consent', true)
       FROM doomed d WHERE c.id = d.id RETURNING c.id, c.reference
     ), timeline AS (
       UPDATE case_timeline SET note = NULL WHERE case_id IN (SELECT id FROM done) AND note IS NOT NULL
     ), notes AS (
       UPDATE case_audit SET note = NULL WHERE case_id IN (SELECT id FROM done) AND note IS NOT NULL
     ), messages AS (
       DELETE FROM case_messages WHERE case_id IN (SELECT id FROM done)
     ), files AS (
       DELETE FROM uploads WHERE case_id IN (SELECT id FROM done) RETURNING id
     ), queued AS (
       INSERT INTO evidence_doomed (key, since) SELECT id, $1 FROM files ON CONFLICT (key) DO NOTHING
     ), audit AS (
       INSERT INTO case_audit (case_id, at, actor, action) SELECT id, $1, $2, 'anonymised' FROM done
     ), replays AS (
       UPDATE idempotency_keys SET access_code_enc = NULL WHERE reference IN (SELECT reference FROM done)
     )
     SELECT count(*)::int AS n FROM done`,
    [at, actor, ...params],
  );
  return Number(row?.n ?? 0);
}
