/**
 * Cases in SQL: rows in, `CaseRecord`s out. No rule lives here — what a case may do is decided by the
 * sdk's case rules (logic/case-rules.ts) in the service; this module only stores a plan and reads a
 * case back, so the memory backend and the server cannot disagree on what a case is.
 */
import type { AuditEntry, CaseOutcome, CaseRecord, Referral, CaseStatus, Channel, ListScope, PetitionInput, StaffCaseQuery, TimelineEntry, UpdatePlan } from '@rights-kit/sdk';
import { DUE_SOON_DAYS } from '@rights-kit/sdk';
import { iso, pgCode, type Queryable } from './db.js';
import { messagesOf } from './message-store.js';
import { attachmentsOf } from './upload-store.js';

/** A case as stored: the record, plus the row id the other tables point at. */
export interface StoredCase extends CaseRecord {
  id: number;
}

interface CaseRow {
  id: number;
  reference: string;
  status: CaseStatus;
  channel: Channel;
  submitted_at: Date;
  updated_at: Date;
  petition: PetitionInput;
  referred_to: string | null;
  deadline_extended: boolean;
  station_id: string | null;
  registered_by: string | null;
  assignee: string | null;
  assignee_name: string | null;
  outcome: CaseOutcome | null;
  referral: Referral | null;
  notifications_off: boolean;
}

/** The assignee's name is read as it is now, from her account (a subquery: `tail` stays free of joins). */
const CASE_COLUMNS =
  'id, reference, status, channel, submitted_at, updated_at, petition, referred_to, deadline_extended, station_id, registered_by, assignee, ' +
  '(SELECT a.name FROM staff_accounts a WHERE a.id = cases.assignee) AS assignee_name, outcome, referral, notifications_off';

/** Thrown by `insertAtomically` when the idempotency lease was taken over by another request. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

/** What the one-statement insert writes besides the case itself. */
export interface NewCase {
  reference: string;
  accessHash: string;
  petition: PetitionInput;
  channel: Channel;
  submittedAt: Date;
  /** The case's first audit entry (the sdk's `intakeAudit`). */
  audit: AuditEntry;
  idempotency: { scope: string; key: string; owner: string; sealedAccessCode: string };
  /** The station the case belongs to (logic/routing.ts `routeCase`); absent: the county's queue. */
  stationId?: string;
  registeredBy?: string;
  /** The sdk's `overdueAfterOf` for the new case. */
  overdueAfter?: string;
}

/**
 * The case, its first timeline entry, its first audit entry and the idempotency row turned `done`, in
 * ONE statement (data-modifying CTEs): atomic like a transaction, one round trip instead of four, which
 * matters most on PGlite where every statement costs the single thread. When our idempotency lease was
 * taken over meanwhile (`done` would update no row), the division by zero aborts the whole statement.
 * Returns false when the reference is already taken (the caller draws another).
 */
export async function insertAtomically(db: Queryable, c: NewCase): Promise<boolean> {
  try {
    const rows = await db.query<{ id: number | null }>(
      `WITH c AS (
         INSERT INTO cases (reference, access_hash, category, status, channel, submitted_at, updated_at, petition, station_id, registered_by, overdue_after)
         VALUES ($1, $2, $3, 'received', $4, $5, $5, $6::jsonb, $16, $17, $19) ON CONFLICT (reference) DO NOTHING RETURNING id
       ), t AS (
         INSERT INTO case_timeline (case_id, at, status) SELECT id, $5, 'received' FROM c
       ), a AS (
         INSERT INTO case_audit (case_id, at, actor, action, to_status, note, actor_name, actor_role, instance) SELECT id, $5, $11, $12, 'received', $13, $14, $15, $18 FROM c
       ), i AS (
         UPDATE idempotency_keys SET status = 'done', response_status = 201, reference = $1, access_code_enc = $10, response_at = $5
         WHERE scope = $7 AND key = $8 AND owner = $9 AND status = 'in_flight' AND EXISTS (SELECT 1 FROM c) RETURNING key
       )
       SELECT (SELECT id FROM c) AS id,
              CASE WHEN EXISTS (SELECT 1 FROM c) THEN 1 / (SELECT count(*)::int FROM i) ELSE 0 END AS done`,
      [
        c.reference, c.accessHash, c.petition.category, c.channel, c.submittedAt, JSON.stringify(c.petition),
        c.idempotency.scope, c.idempotency.key, c.idempotency.owner, c.idempotency.sealedAccessCode,
        c.audit.actor, c.audit.action, c.audit.note ?? null, c.audit.actorName ?? null, c.audit.role ?? null,
        c.stationId ?? null, c.registeredBy ?? null, c.audit.instance ?? null, c.overdueAfter ?? null,
      ],
    );
    return rows[0]?.id != null;
  } catch (error) {
    if (pgCode(error) === '22012') throw new LeaseLostError('the idempotency lease was taken over');
    throw error;
  }
}

/** A whole case with its history (the demo seed): the case row, every timeline and audit entry. */
export async function insertWhole(tx: Queryable, c: CaseRecord, accessHash: string, overdueAfter: string | undefined): Promise<boolean> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO cases (reference, access_hash, category, status, channel, submitted_at, updated_at, petition, referred_to, deadline_extended, outcome, station_id, registered_by, referral, overdue_after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11::jsonb, $12, $13, $14::jsonb, $15) ON CONFLICT (reference) DO NOTHING RETURNING id`,
    [
      c.reference, accessHash, c.petition.category, c.status, c.channel, c.submittedAt, c.updatedAt, JSON.stringify(c.petition), c.referredTo ?? null, c.extended,
      c.outcome ? JSON.stringify(c.outcome) : null, c.stationId ?? null, c.registeredBy ?? null, c.referral ? JSON.stringify(c.referral) : null, overdueAfter ?? null,
    ],
  );
  if (!row) return false;
  for (const e of c.timeline) await insertTimeline(tx, Number(row.id), e);
  for (const a of c.audit) await insertAudit(tx, Number(row.id), a);
  return true;
}

const insertTimeline = (tx: Queryable, caseId: number, e: TimelineEntry) =>
  tx.query('INSERT INTO case_timeline (case_id, at, status, note) VALUES ($1, $2, $3, $4)', [caseId, e.at, e.status, e.note ?? null]);

/** One audit entry (also the `contact_viewed` of an opened case, outside any transaction). */
export const insertAudit = (tx: Queryable, caseId: number, a: AuditEntry) =>
  tx.query(
    'INSERT INTO case_audit (case_id, at, actor, action, from_status, to_status, note, actor_name, actor_role, instance) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [caseId, a.at, a.actor, a.action, a.from ?? null, a.to ?? null, a.note ?? null, a.actorName ?? null, a.role ?? null, a.instance ?? null],
  );

/** Stores a plan of the sdk's `planUpdate` — exactly what it says, nothing more. Call inside a transaction. */
export async function persistPlan(tx: Queryable, caseId: number, plan: UpdatePlan): Promise<void> {
  await tx.query(
    `UPDATE cases SET status = $2, updated_at = $3, deadline_extended = $4,
       referred_to = CASE WHEN $5::text IS NULL THEN referred_to ELSE $5::text END,
       outcome = CASE WHEN $6::jsonb IS NULL THEN outcome ELSE $6::jsonb END,
       category = COALESCE($7::text, category),
       petition = CASE WHEN $7::text IS NULL THEN petition ELSE jsonb_set(petition, '{category}', to_jsonb($7::text)) END,
       station_id = COALESCE($8::text, station_id),
       referral = CASE WHEN $9::boolean THEN $10::jsonb ELSE referral END
     WHERE id = $1`,
    [
      caseId, plan.status, plan.updatedAt, plan.extended, plan.referredTo ?? null, plan.outcome ? JSON.stringify(plan.outcome) : null, plan.category ?? null,
      plan.stationId ?? null, plan.referral !== undefined, plan.referral ? JSON.stringify(plan.referral) : null,
    ],
  );
  if (plan.timelineEntry) await insertTimeline(tx, caseId, plan.timelineEntry);
  for (const a of plan.audit) await insertAudit(tx, caseId, a);
}

/** Stores an assignment (the sdk's `planAssignment`) and its audit entry, in one statement. */
export async function assign(db: Queryable, caseId: number, assignee: string | undefined, audit: AuditEntry): Promise<void> {
  await db.query(
    `WITH c AS (UPDATE cases SET assignee = $2 WHERE id = $1 RETURNING id)
     INSERT INTO case_audit (case_id, at, actor, action, note, actor_name, actor_role, instance) SELECT id, $3, $4, $5, $6, $7, $8, $9 FROM c`,
    [caseId, assignee ?? null, audit.at, audit.actor, audit.action, audit.note ?? null, audit.actorName ?? null, audit.role ?? null, audit.instance ?? null],
  );
}

/**
 * Stores her erasure of her contact details: the petition without them, the audit entry, and the access
 * code sealed for idempotent replays dropped (it was hers to keep; the office never needs it).
 */
export async function eraseContact(db: Queryable, id: number, reference: string, plan: { petition: PetitionInput; audit: AuditEntry }): Promise<void> {
  await db.query(
    `WITH c AS (UPDATE cases SET petition = $2::jsonb WHERE id = $1 RETURNING id),
          a AS (INSERT INTO case_audit (case_id, at, actor, action, instance) SELECT id, $3, $4, $5, $7 FROM c)
     UPDATE idempotency_keys SET access_code_enc = NULL WHERE reference = $6`,
    [id, JSON.stringify(plan.petition), plan.audit.at, plan.audit.actor, plan.audit.action, reference, plan.audit.instance ?? null],
  );
}

/** Replaces the petition of a case (her changed contact answers, planned by the sdk); the category stays where it is. */
export async function replacePetition(tx: Queryable, id: number, petition: PetitionInput): Promise<void> {
  await tx.query('UPDATE cases SET petition = $2::jsonb WHERE id = $1', [id, JSON.stringify(petition)]);
}

/** The id and access hash of a reference, for a lookup (nothing else is read before the code is checked). */
export async function findAccessHash(db: Queryable, reference: string): Promise<{ id: number; accessHash: string } | undefined> {
  const [row] = await db.query<{ id: number; access_hash: string }>('SELECT id, access_hash FROM cases WHERE reference = $1', [reference]);
  return row ? { id: Number(row.id), accessHash: row.access_hash } : undefined;
}

/** A stored hash with the scrypt parameters most cases' hashes have (`scrypt$N$r$p$…`), or undefined without cases. */
export async function mostCommonHashParams(db: Queryable): Promise<string | undefined> {
  const [row] = await db.query<{ params: string }>(
    `SELECT split_part(access_hash, '$', 1) || '$' || split_part(access_hash, '$', 2) || '$' || split_part(access_hash, '$', 3) || '$' || split_part(access_hash, '$', 4) || '$$' AS params
     FROM cases GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  return row?.params;
}

/** Replaces a case's access hash, only if it is still the one that was read (another instance may have upgraded it). */
export async function replaceAccessHash(db: Queryable, id: number, previous: string, next: string): Promise<void> {
  await db.query('UPDATE cases SET access_hash = $3 WHERE id = $1 AND access_hash = $2', [id, previous, next]);
}

/** Stores when a case becomes overdue (the sdk's `overdueAfterOf`, after its status or deadlines changed). */
export async function setOverdueAfter(db: Queryable, caseId: number, at: string | undefined): Promise<void> {
  await db.query('UPDATE cases SET overdue_after = $2 WHERE id = $1', [caseId, at ?? null]);
}

/**
 * Open cases stored before `overdue_after` existed (migration 013) or by a writer that left it unset:
 * ids and what the sdk needs to compute it, a batch at a time.
 */
export async function casesWithoutOverdueAfter(db: Queryable, openStatuses: readonly string[], afterId: number, batch = 500): Promise<StoredCase[]> {
  return loadCases(db, `WHERE overdue_after IS NULL AND status = ANY($1::text[]) AND id > $2 ORDER BY id LIMIT ${batch}`, [[...openStatuses], afterId]);
}

/** Locks a case row for an update (the rest of the transaction sees it as of now). */
export async function lockCase(tx: Queryable, reference: string): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>('SELECT id FROM cases WHERE reference = $1 FOR UPDATE', [reference]);
  return row ? Number(row.id) : undefined;
}

interface AuditRow {
  at: Date;
  actor: string;
  action: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  note: string | null;
  actor_name: string | null;
  actor_role: string | null;
  instance: string | null;
}
const AUDIT_COLUMNS = 'at, actor, action, from_status, to_status, note, actor_name, actor_role, instance';

const toAuditEntry = (a: AuditRow): AuditEntry => ({
  at: iso(a.at), actor: a.actor,
  ...(a.actor_name !== null ? { actorName: a.actor_name } : {}), ...(a.actor_role !== null ? { role: a.actor_role } : {}),
  ...(a.instance !== null ? { instance: a.instance } : {}),
  action: a.action,
  ...(a.from_status !== null ? { from: a.from_status } : {}), ...(a.to_status !== null ? { to: a.to_status } : {}), ...(a.note !== null ? { note: a.note } : {}),
});

/** What one actor did across every case, newest first (the sdk's `comparePersonAudit` in SQL), one page and the total. */
export async function actorAudit(db: Queryable, actor: string, limit: number, offset: number): Promise<{ entries: (AuditEntry & { reference: string })[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db.query<AuditRow & { reference: string }>(
      `SELECT c.reference, ${AUDIT_COLUMNS.split(', ').map((col) => `a.${col}`).join(', ')} FROM case_audit a JOIN cases c ON c.id = a.case_id
       WHERE a.actor = $1 ORDER BY a.at DESC, c.reference COLLATE "C", a.id DESC LIMIT ${limit} OFFSET ${offset}`,
      [actor],
    ),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_audit WHERE actor = $1', [actor]),
  ]);
  return { entries: rows.map((r) => ({ reference: r.reference, ...toAuditEntry(r) })), total: Number(count?.n ?? 0) };
}

/**
 * Cases with their timelines (and audit trails when asked), in the order of `tail`'s ORDER BY.
 * `tail` is a WHERE/ORDER/LIMIT clause of this module's callers, never text from a request.
 */
export async function loadCases(db: Queryable, tail: string, params: unknown[], withAudit = false): Promise<StoredCase[]> {
  const rows = await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases ${tail}`, params);
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => Number(r.id)));
  const inIds = `case_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int)`;
  const [timeline, audit, messages, files] = await Promise.all([
    db.query<{ case_id: number; at: Date; status: CaseStatus; note: string | null }>(`SELECT case_id, at, status, note FROM case_timeline WHERE ${inIds} ORDER BY case_id, at, id`, [ids]),
    withAudit
      ? db.query<AuditRow & { case_id: number }>(`SELECT case_id, ${AUDIT_COLUMNS} FROM case_audit WHERE ${inIds} ORDER BY case_id, id`, [ids])
      : Promise.resolve([]),
    messagesOf(db, ids),
    attachmentsOf(db, ids),
  ]);
  // An `evidence` message names its file (stored once, in uploads).
  for (const [caseId, list] of messages) {
    for (const m of list) if (m.kind === 'evidence') Object.assign(m, { attachment: files.byMessage.get(`${caseId}:${m.id}`) ?? { name: '', size: 0 } });
  }
  const group = <T extends { case_id: number }, U>(list: T[], map: (t: T) => U) => {
    const by = new Map<number, U[]>();
    for (const item of list) by.set(Number(item.case_id), [...(by.get(Number(item.case_id)) ?? []), map(item)]);
    return by;
  };
  const timelines = group(timeline, (e): TimelineEntry => ({ at: iso(e.at), status: e.status, ...(e.note !== null ? { note: e.note } : {}) }));
  const audits = group(audit, toAuditEntry);
  return rows.map((r) => ({
    id: Number(r.id),
    reference: r.reference,
    channel: r.channel,
    petition: r.petition,
    submittedAt: iso(r.submitted_at),
    updatedAt: iso(r.updated_at),
    status: r.status,
    timeline: timelines.get(Number(r.id)) ?? [],
    audit: audits.get(Number(r.id)) ?? [],
    extended: r.deadline_extended,
    ...(r.referred_to !== null ? { referredTo: r.referred_to } : {}),
    ...(r.station_id !== null ? { stationId: r.station_id } : {}),
    ...(r.registered_by !== null ? { registeredBy: r.registered_by } : {}),
    ...(r.assignee !== null ? { assignee: r.assignee } : {}),
    ...(r.assignee_name !== null ? { assigneeName: r.assignee_name } : {}),
    ...(r.outcome !== null ? { outcome: r.outcome } : {}),
    ...(r.referral !== null ? { referral: r.referral } : {}),
    ...(messages.has(Number(r.id)) ? { messages: messages.get(Number(r.id))! } : {}),
    ...(files.byCase.has(Number(r.id)) ? { attachments: files.byCase.get(Number(r.id))! } : {}),
    ...(r.notifications_off ? { notificationsOff: true } : {}),
  }));
}

/**
 * The staff list's WHERE clause: the person's scope (the sdk's `listScope`, the same rule as `can`) and the
 * filters, `overdue` at `now` included (over `overdue_after`, indexed).
 */
export function staffListWhere(q: StaffCaseQuery, scope: ListScope, now: Date): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope.kind === 'some') {
    const ties = scope.reaches.map((reach) => {
      switch (reach) {
        case 'own':
          return `registered_by = $${params.push(scope.accountId)}`;
        case 'assigned':
          return `assignee = $${params.push(scope.accountId)}`;
        case 'station':
          return `station_id = $${params.push(scope.stationId ?? null)}`;
        case 'station_open':
          return `(station_id = $${params.push(scope.stationId ?? null)} AND status IN (SELECT jsonb_array_elements_text($${params.push(JSON.stringify(scope.openStatuses))}::jsonb)))`;
      }
    });
    where.push(ties.length ? `(${ties.join(' OR ')})` : 'false');
  }
  // Validated as letters, digits and dashes (StaffCaseQuery), so no LIKE wildcard can be in it.
  if (q.reference) where.push(`reference LIKE '%' || $${params.push(q.reference.toUpperCase())} || '%'`);
  if (q.status) where.push(`status = $${params.push(q.status)}`);
  if (q.category) where.push(`category = $${params.push(q.category)}`);
  if (q.channel) where.push(`channel = $${params.push(q.channel)}`);
  if (q.stationId) where.push(`station_id = $${params.push(q.stationId)}`);
  // The sdk's isOverdue (now > overdueAfter) as a range over the indexed column.
  if (q.overdue === true) where.push(`overdue_after < $${params.push(now)}`);
  if (q.overdue === false) where.push(`(overdue_after IS NULL OR overdue_after >= $${params.push(now)})`);
  // The sdk's isDueSoon (0 ≤ deadline − now ≤ DUE_SOON_DAYS of the deadline's kind) as two ranges over the same
  // index: the acceptance deadline counts while `received`, the closing one otherwise (overdue_after is NULL when none).
  if (q.due === 'soon') {
    const from = params.push(now);
    const until = (days: number) => params.push(new Date(now.getTime() + days * 86_400_000));
    where.push(`((status = 'received' AND overdue_after BETWEEN $${from} AND $${until(DUE_SOON_DAYS.acceptance)}) OR (status <> 'received' AND overdue_after BETWEEN $${from} AND $${until(DUE_SOON_DAYS.closing)}))`);
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The sdk's `compareForStaffList` in SQL: newest first, then by reference in byte order. */
export const STAFF_LIST_ORDER = 'ORDER BY submitted_at DESC, reference COLLATE "C" ASC';

export async function countCases(db: Queryable, clause = '', params: unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases ${clause}`, params);
  return Number(row?.n ?? 0);
}

/** What the statistics need of the cases submitted in [from, to): no contact, no description. */
export async function statsRows(db: Queryable, from: Date, to: Date) {
  const rows = await db.query<{ category: string; status: CaseStatus; channel: Channel; submitted_at: Date; deadline_extended: boolean; accepted_at: Date | null; station_id: string | null }>(
    `SELECT c.category, c.status, c.channel, c.submitted_at, c.deadline_extended, c.station_id,
            (SELECT min(t.at) FROM case_timeline t WHERE t.case_id = c.id AND t.status = 'accepted') AS accepted_at
     FROM cases c WHERE c.submitted_at >= $1 AND c.submitted_at < $2`,
    [from, to],
  );
  return rows.map((r) => ({
    category: r.category, status: r.status, channel: r.channel, submittedAt: iso(r.submitted_at),
    extended: r.deadline_extended, acceptedAt: r.accepted_at ? iso(r.accepted_at) : undefined,
    ...(r.station_id !== null ? { stationId: r.station_id } : {}),
  }));
}

/** What the report needs of the cases submitted in [from, to): their outcome, never a contact or description. */
export async function reportRows(db: Queryable, from: Date, to: Date) {
  const rows = await db.query<{ category: string; status: CaseStatus; channel: Channel; submitted_at: Date; station_id: string | null; outcome: CaseOutcome | null }>(
    'SELECT category, status, channel, submitted_at, station_id, outcome FROM cases WHERE submitted_at >= $1 AND submitted_at < $2',
    [from, to],
  );
  return rows.map((r) => ({
    category: r.category, status: r.status, channel: r.channel, submittedAt: iso(r.submitted_at),
    ...(r.station_id !== null ? { stationId: r.station_id } : {}),
    ...(r.outcome !== null ? { outcome: r.outcome } : {}),
  }));
}
