/**
 * Office reminders in SQL: the open cases with what their deadlines need, the people a station's reminders
 * go to, and the once-a-day mark per case and deadline. Rows only; the service decides.
 */
import type { CaseStatus } from '@rights-kit/sdk';
import { iso, type Queryable } from './db.js';

export interface ReminderCase {
  id: number;
  reference: string;
  status: CaseStatus;
  submittedAt: string;
  acceptedAt?: string;
  extended: boolean;
  stationId?: string;
  registeredBy?: string;
  assignee?: string;
}

export async function openCasesForReminders(db: Queryable, openStatuses: readonly string[]): Promise<ReminderCase[]> {
  const rows = await db.query<{ id: number; reference: string; status: CaseStatus; submitted_at: Date; accepted_at: Date | null; deadline_extended: boolean; station_id: string | null; registered_by: string | null; assignee: string | null }>(
    `SELECT c.id, c.reference, c.status, c.submitted_at, c.deadline_extended, c.station_id, c.registered_by, c.assignee,
            (SELECT min(t.at) FROM case_timeline t WHERE t.case_id = c.id AND t.status = 'accepted') AS accepted_at
     FROM cases c WHERE c.status = ANY($1::text[]) AND c.anonymised_at IS NULL ORDER BY c.id`,
    [[...openStatuses]],
  );
  return rows.map((r) => ({
    id: Number(r.id), reference: r.reference, status: r.status, submittedAt: iso(r.submitted_at), extended: r.deadline_extended,
    ...(r.accepted_at ? { acceptedAt: iso(r.accepted_at) } : {}),
    ...(r.station_id !== null ? { stationId: r.station_id } : {}),
    ...(r.registered_by !== null ? { registeredBy: r.registered_by } : {}),
    ...(r.assignee !== null ? { assignee: r.assignee } : {}),
  }));
}

/** Accounts with an email: id, role, station. */
export async function staffWithEmail(db: Queryable): Promise<{ id: string; role: string; stationId?: string; email: string }[]> {
  const rows = await db.query<{ id: string; role: string; station_id: string | null; email: string }>('SELECT id, role, station_id, email FROM staff_accounts WHERE email IS NOT NULL');
  return rows.map((r) => ({ id: r.id, role: r.role, email: r.email, ...(r.station_id !== null ? { stationId: r.station_id } : {}) }));
}

/** Marks (case, deadline) reminded on `day`; returns the pairs that were not yet marked (the ones to send). */
export async function markReminded(tx: Queryable, items: { caseId: number; deadline: string }[], day: string): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await tx.query<{ case_id: number; deadline: string }>(
    `INSERT INTO reminders_sent (case_id, deadline, day)
     SELECT (x->>'caseId')::int, x->>'deadline', $2::date FROM jsonb_array_elements($1::jsonb) x
     ON CONFLICT DO NOTHING RETURNING case_id, deadline`,
    [JSON.stringify(items), day],
  );
  return new Set(rows.map((r) => `${Number(r.case_id)}:${r.deadline}`));
}

/** Sets the address a person's reminders go to (create-admin --email). */
export async function setStaffEmail(db: Queryable, accountId: string, email: string | null): Promise<void> {
  await db.query('UPDATE staff_accounts SET email = $2 WHERE id = $1', [accountId, email]);
}
