import { CASE_TRANSITIONS } from '@rights-kit/sdk/tables';
import { describeIssue, type AttributeValue, type CaseStatus, type CaseUpdate, type ErrorIssue, type FieldDefinition, type StaffCase } from '@rights-kit/sdk';
import { formatDate, formatNumber, localize, type Locale } from '../base/i18n.js';
import type { DeskMessages } from './screen.messages.js';
import { OPEN_STATUSES, type Action, type ActionValues } from './helpers.js';

// The open case's pure helpers (what she may do to it, the update each action sends, its answers in words): in the
// open case's chunk, with the validation messages they need.

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
