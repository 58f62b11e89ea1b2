import { DEADLINE_DAYS, type CaseDeadlines, type CaseStatus, type TimelineEntry } from '../contract/case.js';

import { ACCEPTED_OPEN_STATUSES } from './case-rules.js';

const DAY_MS = 86_400_000;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/**
 * The deadlines of the petition regulations for a case (DEADLINE_DAYS):
 *
 * - `acceptanceDue`: 15 days after submission, to say whether the case is accepted;
 * - `closingDue`: 60 days after acceptance (the first `accepted` entry of the timeline), 90 when
 *   `extended`; absent while the case has not been accepted.
 *
 * Days are counted as whole 24-hour periods from the instant, so the result does not depend on a
 * time zone.
 */
export function computeDeadlines(submittedAt: string, timeline: TimelineEntry[], extended: boolean): CaseDeadlines {
  const deadlines: CaseDeadlines = { acceptanceDue: addDays(submittedAt, DEADLINE_DAYS.acceptance), extended };
  const accepted = timeline.find((entry) => entry.status === 'accepted');
  if (accepted) {
    deadlines.closingDue = addDays(accepted.at, DEADLINE_DAYS.closing + (extended ? DEADLINE_DAYS.extension : 0));
  }
  return deadlines;
}

/**
 * Whether the office is late: a `received` case past its acceptance deadline, or an accepted case
 * still open (accepted, in progress, in mediation, referred) past its closing deadline. A resolved,
 * rejected or closed case is never overdue — the citizen has her answer.
 */
export function isOverdue(status: CaseStatus, deadlines: CaseDeadlines, now: Date = new Date()): boolean {
  const after = overdueAfter(status, deadlines);
  return after !== undefined && now.getTime() > Date.parse(after);
}

/**
 * The instant after which a case is overdue (`isOverdue`'s threshold), or undefined when it cannot be: the
 * acceptance deadline while `received`, the closing deadline while accepted and open. The reference server
 * stores it with every change of status (`cases.overdue_after`, indexed) so the desk's filter is a range scan.
 */
export function overdueAfter(status: CaseStatus, deadlines: CaseDeadlines): string | undefined {
  if (status === 'received') return deadlines.acceptanceDue;
  if (ACCEPTED_OPEN_STATUSES.has(status)) return deadlines.closingDue;
  return undefined;
}

/**
 * How many days before a deadline it counts as near ("快到期", issue #16): the 15-day acceptance deadline three
 * days ahead, the closing deadline (60 or 90 days) a week ahead — a case takes longer to close than to answer.
 */
export const DUE_SOON_DAYS = { acceptance: 3, closing: 7 } as const;

/** @deprecated The acceptance deadline's `DUE_SOON_DAYS`; the closing deadline is near a week ahead. */
export const REMINDER_NEAR_DAYS = DUE_SOON_DAYS.acceptance;

/** The deadline that counts for a case now: acceptance while `received`, closing while accepted and open. */
export function currentDeadline(status: CaseStatus, deadlines: CaseDeadlines): { deadline: 'acceptance' | 'closing'; due: string } | undefined {
  const due = overdueAfter(status, deadlines);
  return due === undefined ? undefined : { deadline: status === 'received' ? 'acceptance' : 'closing', due };
}

/**
 * Near but not yet past: the case's current deadline is at most `DUE_SOON_DAYS` of its kind ahead and has not
 * passed (`isOverdue` is false). The staff list's `due=soon`; the reference server asks it as a range over the
 * indexed `overdue_after` (the same instant as the deadline) with these constants as parameters.
 */
export function isDueSoon(status: CaseStatus, deadlines: CaseDeadlines, now: Date = new Date()): boolean {
  const current = currentDeadline(status, deadlines);
  if (!current) return false;
  const left = Date.parse(current.due) - now.getTime();
  return left >= 0 && left <= DUE_SOON_DAYS[current.deadline] * DAY_MS;
}

/** A deadline the office should be reminded of. */
export interface DeadlineReminder {
  deadline: 'acceptance' | 'closing';
  due: string;
  /** Already past (`isOverdue`), not merely near. */
  overdue: boolean;
}

/**
 * The deadline a case's reminder is about, if any: the acceptance deadline while the case is `received`, the
 * closing deadline while it is accepted and open — when it is near (`isDueSoon`) or already past (issue #16).
 */
export function deadlineReminder(status: CaseStatus, deadlines: CaseDeadlines, now: Date): DeadlineReminder | undefined {
  const current = currentDeadline(status, deadlines);
  if (!current) return undefined;
  const overdue = isOverdue(status, deadlines, now);
  if (!overdue && !isDueSoon(status, deadlines, now)) return undefined;
  return { ...current, overdue };
}
