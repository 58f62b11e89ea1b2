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

/** A deadline the office should be reminded of. */
export interface DeadlineReminder {
  deadline: 'acceptance' | 'closing';
  due: string;
  /** Already past (`isOverdue`), not merely near. */
  overdue: boolean;
}

/** How close a deadline must be before the office is reminded of it. */
export const REMINDER_NEAR_DAYS = 3;

/**
 * The deadline a case's reminder is about, if any: the acceptance deadline while the case is `received`, the
 * closing deadline while it is accepted and open — when it is within `nearDays` or already past (issue #16).
 */
export function deadlineReminder(status: CaseStatus, deadlines: CaseDeadlines, now: Date, nearDays = REMINDER_NEAR_DAYS): DeadlineReminder | undefined {
  const due = status === 'received' ? deadlines.acceptanceDue : ACCEPTED_OPEN_STATUSES.has(status) ? deadlines.closingDue : undefined;
  if (due === undefined || Date.parse(due) - now.getTime() > nearDays * DAY_MS) return undefined;
  return { deadline: status === 'received' ? 'acceptance' : 'closing', due, overdue: isOverdue(status, deadlines, now) };
}
