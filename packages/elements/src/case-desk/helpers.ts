import type { CaseStatus, Category, Channel, StaffCase } from '@rights-kit/sdk';
import { localize, type Locale } from '../base/i18n.js';

// The desk's own types and the list's pure helpers: no state, no rendering, nothing that touches the element, and
// nothing from the sdk's main entry (its schemas would make zod part of the first screen, issue #21). The open case's
// helpers are in case-helpers.ts, the registration's in registration.ts: each loads with its screen. The list's
// request and how a failure reads are in requests.ts (re-exported here), the only part the desk's first screen needs.

export { PAGE_SIZE, problemOf, staffQuery } from './requests.js';

/** What a staff member can do to a case from the desk: a move along the life cycle, an extension, a note. */
/** `internal`: a note for the office only (the audit trail), never shown to her. */
export type Action = { kind: 'move'; to: CaseStatus } | { kind: 'extend' } | { kind: 'note' } | { kind: 'internal' } | { kind: 'ask' };
export type Problem = 'no-token' | 'unauthorized' | 'no-client' | 'network' | 'server' | 'not-found';
export type RegisterChannel = Exclude<Channel, 'web'>;
/** `referral*`: the warm referral's picker (network/referral.ts, loaded when a case opens). */
export type ActionField = 'reason' | 'referredTo' | 'note' | 'extendReason' | 'referralMode' | 'referralStation' | 'referralPhone' | 'referralNote';
export type ActionValues = Partial<Record<ActionField, string>>;

export interface Filters {
  view?: 'mine' | 'station';
  /** Part of a reference: letters, digits and dashes only (what a reference is made of). */
  reference?: string;
  status?: CaseStatus;
  category?: string;
  channel?: Channel;
  overdue?: boolean;
}

export const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(['accepted', 'in-progress', 'mediation', 'referred']);

/** The filters chosen in the filter form (an empty choice is "any"). */
export function filtersFrom(form: HTMLFormElement): Filters {
  const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value;
  const filters: Filters = {};
  const view = value('view');
  // Spaces and anything a reference cannot hold are dropped, so a pasted "RK-2026-7K3Q9M " still finds it.
  const reference = value('reference').toUpperCase().replace(/[^A-Z0-9-]/g, '').slice(0, 24);
  if (view === 'mine' || view === 'station') filters.view = view;
  if (reference) filters.reference = reference;
  const status = value('status');
  const category = value('category');
  const channel = value('channel');
  const overdue = value('overdue');
  if (status) filters.status = status as CaseStatus;
  if (category) filters.category = category;
  if (channel) filters.channel = channel as Channel;
  if (overdue) filters.overdue = overdue === 'true';
  return filters;
}

/** The loaded cases by submission time (newest or oldest first), then by reference. */
export function sortCases(cases: StaffCase[], newestFirst: boolean): StaffCase[] {
  const direction = newestFirst ? -1 : 1;
  return [...cases].sort((a, b) => {
    const d = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
    return d !== 0 ? d * direction : a.reference < b.reference ? -1 : 1;
  });
}

/** The deadline that matters now: acceptance while received, closing while open or resolved. */
export function dueOf(c: StaffCase): string | undefined {
  if (c.status === 'received') return c.deadlines.acceptanceDue;
  if (OPEN_STATUSES.has(c.status) || c.status === 'resolved') return c.deadlines.closingDue;
  return undefined;
}

export function categoryName(categories: Category[], code: string, locale: Locale): string {
  const category = categories.find((c) => c.code === code);
  return category ? localize(category.name, locale) : code;
}
