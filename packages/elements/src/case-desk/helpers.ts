import { NetworkError, NotFoundError, TimeoutError, UnauthorizedError } from '@rights-kit/sdk/client';
import { CASE_TRANSITIONS, describeIssue, type AttributeValue, type CaseStatus, type CaseUpdate, type Category, type Channel, type ErrorIssue, type FieldDefinition, type StaffCase, type StaffCaseQuery } from '@rights-kit/sdk';
import { formatDate, formatNumber, localize, type Locale } from '../base/i18n.js';
import type { DeskMessages } from './case-desk.messages.js';

// The desk's own types and pure helpers: no state, no rendering, nothing that touches the element.

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
export const REGISTER_CHANNELS: readonly RegisterChannel[] = ['letter', 'mailbox', 'visit', 'phone'];
export const PAGE_SIZE = 100;

export function problemOf(error: unknown): Problem {
  if (error instanceof UnauthorizedError) return 'unauthorized';
  if (error instanceof NotFoundError) return 'not-found';
  if (error instanceof NetworkError || error instanceof TimeoutError) return 'network';
  return 'server';
}

/** The staff-list query for the current filters, one page from `offset`. */
export function staffQuery(filters: Filters, offset: number): StaffCaseQuery {
  const q: StaffCaseQuery = { limit: PAGE_SIZE, offset };
  if (filters.view) q.view = filters.view;
  if (filters.reference) q.reference = filters.reference;
  if (filters.status) q.status = filters.status;
  if (filters.category) q.category = filters.category;
  if (filters.channel) q.channel = filters.channel;
  if (filters.overdue !== undefined) q.overdue = filters.overdue;
  return q;
}

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

export function availableActions(c: StaffCase): Action[] {
  const actions: Action[] = CASE_TRANSITIONS[c.status].map((to) => ({ kind: 'move', to }) as Action);
  const accepted = c.timeline.some((e) => e.status === 'accepted');
  if (OPEN_STATUSES.has(c.status) && accepted && !c.deadlines.extended) actions.push({ kind: 'extend' });
  if (c.status !== 'closed') actions.push({ kind: 'note' }, { kind: 'internal' }, { kind: 'ask' });
  return actions;
}

export function actionLabel(action: Action, t: DeskMessages): string {
  return action.kind === 'move' ? t.action(action.to) : action.kind === 'extend' ? t.extend : action.kind === 'internal' ? t.addInternalNote : action.kind === 'ask' ? t.askQuestion : t.addNote;
}

export function actionButtonId(action: Action): string {
  return `do-${action.kind === 'move' ? action.to : action.kind}`;
}

/**
 * The update an action sends; the sdk's `CaseUpdate` schema checks it (reason and to whom are required there).
 * The schema asks "to whom" of every update with status `referred`, a note on a referred case too; planUpdate
 * reads it only on the move itself, so the case's own `referredTo` goes along and changes nothing.
 */
export function updateFor(action: Action, v: ActionValues, current: CaseStatus, referredTo?: string): CaseUpdate {
  if (action.kind !== 'move' && current === 'referred' && referredTo !== undefined) return { ...updateFor(action, v, current), referredTo };
  const note = v.note?.trim() ? v.note : undefined;
  if (action.kind === 'extend') {
    return { status: current, extendDeadline: { reason: v.extendReason ?? '' }, ...(note ? { note } : {}) };
  }
  if (action.kind === 'note') return { status: current, ...(note ? { note } : {}) };
  // A question is not an update (`staff.ask`); as one it would be a note for her.
  if (action.kind === 'internal' || action.kind === 'ask') return { status: current, visibility: action.kind === 'ask' ? 'citizen' : 'internal', ...(note ? { note } : {}) };
  const update: CaseUpdate = { status: action.to };
  if (note) update.note = note;
  if (action.to === 'rejected') update.reason = v.reason ?? '';
  if (action.to === 'referred') update.referredTo = v.referredTo ?? '';
  return update;
}

/** Issues of a `CaseUpdate` mapped to the desk's action fields. */
export function actionFieldErrors(issues: ErrorIssue[], locale: Locale, t: DeskMessages): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    // A question's text is asked in the note field; `referral*` are the referral picker's (its own paths).
    const name = issue.path === 'extendDeadline.reason' || issue.path === 'extendDeadline' ? 'extendReason' : issue.path === 'text' ? 'note' : issue.path;
    if (!['reason', 'referredTo', 'note', 'extendReason'].includes(name) && !name.startsWith('referral')) continue;
    errors[name] ??= issue.code === 'required' ? t.required : describeIssue(issue, locale);
  }
  return errors;
}

/** Issues of a registration mapped to the register form's fields (a missing contact is the "anonymous" answer). */
/** The registration field an issue is shown at (a missing contact is a question of anonymity). */
export const registerFieldPath = (path: string): string => (path === 'contact' ? 'anonymous' : path);

export function registerFieldErrors(issues: ErrorIssue[], locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = registerFieldPath(issue.path);
    errors[path] ??= describeIssue(issue, locale);
  }
  return errors;
}

/** A category answer in words: option labels for choices, yes/no, dates and numbers in the locale. */
export function attributeText(field: FieldDefinition | undefined, value: AttributeValue, t: DeskMessages, locale: Locale): string {
  const option = (v: string) => {
    const o = field?.options?.find((x) => x.value === v);
    return o ? localize(o.label, locale) : v;
  };
  if (typeof value === 'boolean') return value ? t.yesWord : t.noWord;
  if (typeof value === 'number') return formatNumber(value, locale);
  if (Array.isArray(value)) return value.map(option).join(locale === 'en' ? ', ' : '、');
  if (field?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale, { dateStyle: 'long' });
  if (field?.type === 'select') return option(value);
  return value;
}
