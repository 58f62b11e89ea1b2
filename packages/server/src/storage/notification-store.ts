/**
 * The notification outbox in SQL (migration 008): rows in, claims out. The service decides what a row
 * means (notification-rules in the sdk); this module only writes and claims. Claims use
 * `FOR UPDATE SKIP LOCKED`, so several instances on one PostgreSQL each take different rows; on PGlite
 * there is one process and the same statement simply runs alone.
 */
import type { Queryable } from './db.js';

export type NotificationEvent = 'case_updated' | 'deadline_digest';

export interface ClaimedNotification {
  id: number;
  event: NotificationEvent;
  caseId: number | null;
  officeTo: string | null;
  payload: unknown;
  attempts: number;
  idempotencyKey: string;
}

/** Queues "her case moved" in the caller's transaction (the outbox): due at once; the rules decide at send time. */
export async function enqueueCaseUpdated(tx: Queryable, caseId: number, at: Date, idempotencyKey: string): Promise<void> {
  await tx.query(
    `INSERT INTO notifications (event, case_id, created_at, due_at, idempotency_key) VALUES ('case_updated', $1, $2, $2, $3)`,
    [caseId, at, idempotencyKey],
  );
}

/** Queues an office digest to one address. */
export async function enqueueDigest(tx: Queryable, to: string, payload: unknown, at: Date, idempotencyKey: string): Promise<void> {
  await tx.query(
    `INSERT INTO notifications (event, office_to, payload, created_at, due_at, idempotency_key) VALUES ('deadline_digest', $1, $2::jsonb, $3, $3, $4)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [to, JSON.stringify(payload), at, idempotencyKey],
  );
}

/**
 * Claims up to `limit` due rows for `leaseMs`: pending ones whose time has come, and claims whose lease ran
 * out (their sender died mid-send). Rows another instance is claiming right now are skipped, not waited for.
 */
export async function claimDue(db: Queryable, now: Date, leaseMs: number, limit: number): Promise<ClaimedNotification[]> {
  const rows = await db.query<{ id: string; event: NotificationEvent; case_id: number | null; office_to: string | null; payload: unknown; attempts: number; idempotency_key: string }>(
    `UPDATE notifications n SET status = 'sending', lease_until = $2
     FROM (SELECT id FROM notifications
           WHERE due_at <= $1 AND (status = 'pending' OR (status = 'sending' AND lease_until <= $1))
           ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due
     WHERE n.id = due.id
     RETURNING n.id, n.event, n.case_id, n.office_to, n.payload, n.attempts, n.idempotency_key`,
    [now, new Date(now.getTime() + leaseMs), limit],
  );
  return rows.map((r) => ({
    id: Number(r.id), event: r.event, caseId: r.case_id === null ? null : Number(r.case_id), officeTo: r.office_to, payload: r.payload,
    attempts: Number(r.attempts), idempotencyKey: r.idempotency_key,
  }));
}

/** An audit line of the case, written with the row's new state (never the text, never the address). */
export interface NotificationAudit {
  caseId: number;
  at: Date;
  action: 'notification_sent' | 'notification_dropped' | 'notification_failed';
  note: string;
  /** The instance that made the attempt (RIGHTS_KIT_INSTANCE). */
  instance?: string;
}

async function audited(db: Queryable, sql: string, params: unknown[], audit: NotificationAudit | undefined): Promise<boolean> {
  if (!audit) return (await db.query(sql, params)).length === 1;
  // One statement: the row's new state and its audit line together or not at all.
  const n = params.length;
  const rows = await db.query(
    `WITH changed AS (${sql}),
          a AS (INSERT INTO case_audit (case_id, at, actor, action, note, instance) SELECT $${n + 1}, $${n + 2}, 'system', $${n + 3}, $${n + 4}, $${n + 5} FROM changed)
     SELECT 1 FROM changed`,
    [...params, audit.caseId, audit.at, audit.action, audit.note, audit.instance ?? null],
  );
  return rows.length === 1;
}

/** Sent: the sender accepted it. Only the claim still held marks it (a taken-over claim is the taker's). */
export function markSent(db: Queryable, id: number, channel: string, at: Date, audit?: NotificationAudit): Promise<boolean> {
  return audited(db, `UPDATE notifications SET status = 'sent', channel = $2, sent_at = $3, lease_until = NULL, reason = NULL WHERE id = $1 AND status = 'sending' RETURNING id`, [id, channel, at], audit);
}

/** Never to be sent, with the rule's reason. */
export function markDropped(db: Queryable, id: number, reason: string, audit?: NotificationAudit): Promise<boolean> {
  return audited(db, `UPDATE notifications SET status = 'dropped', reason = $2, lease_until = NULL WHERE id = $1 AND status = 'sending' RETURNING id`, [id, reason], audit);
}

/** Back to pending until `due` (her window opens, or the next retry); `failed` counts an attempt. */
export function reschedule(db: Queryable, id: number, due: Date, failed?: { reason: string }, audit?: NotificationAudit): Promise<boolean> {
  return audited(
    db,
    `UPDATE notifications SET status = 'pending', due_at = $2, lease_until = NULL, attempts = attempts + $3, reason = COALESCE($4, reason)
     WHERE id = $1 AND status = 'sending' RETURNING id`,
    [id, due, failed ? 1 : 0, failed?.reason ?? null],
    audit,
  );
}

/** What the rules read of her case at send time. */
export async function caseForNotification(db: Queryable, caseId: number) {
  const [row] = await db.query<{ reference: string; petition: import('@rights-kit/sdk').PetitionInput; notifications_off: boolean }>(
    'SELECT reference, petition, notifications_off FROM cases WHERE id = $1',
    [caseId],
  );
  return row ? { reference: row.reference, petition: row.petition, optedOut: row.notifications_off } : undefined;
}

/** Her choice from the tracker (the sdk's `planNotificationChoice`): the flag and its audit entry in one statement. */
export async function setNotificationsOff(db: Queryable, caseId: number, off: boolean, audit: import('@rights-kit/sdk').AuditEntry): Promise<void> {
  await db.query(
    `WITH c AS (UPDATE cases SET notifications_off = $2 WHERE id = $1 RETURNING id)
     INSERT INTO case_audit (case_id, at, actor, action, instance) SELECT id, $3, $4, $5, $6 FROM c`,
    [caseId, off, audit.at, audit.actor, audit.action, audit.instance ?? null],
  );
}
