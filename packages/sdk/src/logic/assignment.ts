/**
 * Assigning a case to a person (issue #13): who may be given a case, and what the audit says. Pure, like
 * the case rules: both backends find the account, call `planAssignment`, and store exactly its plan.
 */
import type { AuditEntry } from '../contract/case.js';
import type { Principal, StaffAccount } from '../contract/permissions.js';
import { ValidationError } from '../errors.js';
import { principalActor } from './access.js';

/** What a plan needs to know of the case. */
export interface AssignableCase {
  stationId?: string | undefined;
  assignee?: string | undefined;
  assigneeName?: string | undefined;
}

/** What to store: the new assignee (undefined: none) and the audit entry; `audit` undefined when nothing changes. */
export interface AssignmentPlan {
  assignee: StaffAccount | undefined;
  audit?: AuditEntry;
}

const invalid = (message: string) =>
  new ValidationError('The assignment is not valid.', [{ path: 'assignee', code: 'invalid_choice', message }], { status: 400 });

/**
 * Plans an assignment. `requested` is the id she sent (null: take it away); `target` the account of that
 * id, if there is one. A case of a station goes only to someone of that station or to a county-wide
 * account (a case of the county's queue to anyone): assigning never moves a case between stations —
 * that is routing, a change of `stationId`. The same person again changes nothing and writes nothing.
 */
export function planAssignment(c: AssignableCase, requested: string | null, target: StaffAccount | undefined, by: Principal, at: string): AssignmentPlan {
  if (requested === null) {
    if (c.assignee === undefined) return { assignee: undefined };
    return { assignee: undefined, audit: { at, ...principalActor(by), action: 'unassigned', note: `assignee: ${c.assigneeName ?? c.assignee}` } };
  }
  if (!target) throw invalid('No staff account has this id.');
  if (c.stationId !== undefined && target.stationId !== undefined && target.stationId !== c.stationId) {
    throw invalid(`${target.name} works at another station; a case is assigned within its station.`);
  }
  if (c.assignee === target.id) return { assignee: target };
  const before = c.assignee !== undefined ? `${c.assigneeName ?? c.assignee} → ` : '';
  return { assignee: target, audit: { at, ...principalActor(by), action: 'assigned', note: `assignee: ${before}${target.name} (${target.role})` } };
}
