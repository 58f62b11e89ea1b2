/**
 * Reminders for the office (issue #16 item 4): once a day, cases whose acceptance (15 days) or closing
 * deadline is near (the sdk's `isDueSoon`: 3 and 7 days ahead) or past go, as one digest email per person, to the people who answer for them — the
 * station's head and the person the case is assigned to (else who registered it); the county's queue
 * (cases without a station) to the admins; to the office's address when nobody else has one. A case's
 * deadline is in a digest at most once a day (reminders_sent), whichever instance runs the day's job.
 */
import { randomUUID } from 'node:crypto';
import { computeDeadlines, deadlineReminder, OPEN_STATUSES, type DeadlineReminder } from '@rights-kit/sdk';
import type { Database } from '../storage/db.js';
import { enqueueDigest } from '../storage/notification-store.js';
import { markReminded, openCasesForReminders, staffWithEmail, type ReminderCase } from '../storage/reminder-store.js';
import { claimJobRun } from '../storage/retention-store.js';

export interface DigestPayload {
  day: string;
  items: ({ reference: string } & DeadlineReminder)[];
}

/** The digest's words: staff read it, so it may say what it is; still no names, no descriptions, no contact. */
export function digestText(p: DigestPayload): { subject: string; text: string } {
  const overdue = p.items.filter((i) => i.overdue).length;
  const line = (i: DigestPayload['items'][number]) =>
    `${i.reference}  ${i.deadline === 'acceptance' ? '受理期限 acceptance' : '办结期限 closing'}  ${i.due.slice(0, 10)}${i.overdue ? '  已超期 OVERDUE' : '  快到期 due soon'}`;
  return {
    subject: `期限提醒 Deadline reminder ${p.day}: ${p.items.length}${overdue ? ` (${overdue} overdue)` : ''}`,
    text: [`期限将到或已过的案件 / Cases with a deadline near or past (${p.day}):`, '', ...p.items.map(line), ''].join('\n'),
  };
}

/** `YYYY-MM-DD` of `now` in the office's time zone. */
export function officeDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Who answers for a case, by address. */
function recipients(c: ReminderCase, staff: Awaited<ReturnType<typeof staffWithEmail>>, fallback: string | undefined): string[] {
  const to = new Set<string>();
  for (const s of staff) {
    if (c.stationId !== undefined ? s.role === 'station_head' && s.stationId === c.stationId : s.role === 'admin') to.add(s.email);
    if (s.id === (c.assignee ?? c.registeredBy)) to.add(s.email);
  }
  if (to.size === 0 && fallback) to.add(fallback);
  return [...to];
}

/**
 * The day's reminder run, on one instance (the one that claims the run). Returns how many digests were
 * queued, or undefined when another instance has today's run. The digests go through the outbox, so a crash
 * after this returns loses nothing, and the marks and the digests are written in one transaction.
 */
export async function runReminders(db: Database, now: Date, settings: { timeZone: string; officeEmail?: string }, force = false): Promise<number | undefined> {
  if (!force && !(await claimJobRun(db, 'reminders', now, new Date(now.getTime() + 86_400_000)))) return undefined;
  const day = officeDay(now, settings.timeZone);
  const [open, staff] = await Promise.all([openCasesForReminders(db, [...OPEN_STATUSES]), staffWithEmail(db)]);
  const due = open.flatMap((c) => {
    const r = deadlineReminder(c.status, computeDeadlines(c.submittedAt, c.acceptedAt ? [{ at: c.acceptedAt, status: 'accepted' }] : [], c.extended), now);
    return r ? [{ c, r }] : [];
  });
  return db.transaction(async (tx) => {
    const fresh = await markReminded(tx, due.map(({ c, r }) => ({ caseId: c.id, deadline: r.deadline })), day);
    const byAddress = new Map<string, DigestPayload['items']>();
    for (const { c, r } of due) {
      if (!fresh.has(`${c.id}:${r.deadline}`)) continue;
      for (const to of recipients(c, staff, settings.officeEmail)) byAddress.set(to, [...(byAddress.get(to) ?? []), { reference: c.reference, ...r }]);
    }
    for (const [to, items] of byAddress) await enqueueDigest(tx, to, { day, items } satisfies DigestPayload, now, `digest-${randomUUID()}`);
    return byAddress.size;
  });
}
