/**
 * Her change of her safe-contact answers and contact details (issue #15 item 2), written once for both backends:
 * the petition with the new answers, checked as a petition's contact is, and the audit entry that keeps the history —
 * old → new for the yes/no answers and the way to reach her, only "changed" for what could identify her (name,
 * phone, email, safe times), so the trail never holds a number.
 */
import type { AuditEntry } from '../contract/case.js';
import type { ContactChangeFields } from '../contract/message.js';
import { PetitionContact, type PetitionInput } from '../contract/petition.js';
import { ValidationError } from '../errors.js';
import { CITIZEN_ACTOR } from './case-rules.js';

/** What the desk shows of an answer in the trail: the value for these, "changed" for the others. */
const SHOWN: readonly (keyof ContactChangeFields)[] = ['safeToContact', 'voicemailOk', 'smsOk', 'preferred'];

/** The audit action of a change; the desk shows the latest one first, above any number. */
export const CONTACT_CHANGED = 'contact_changed';

export function planContactChange(petition: PetitionInput, change: ContactChangeFields, at: string): { petition: PetitionInput; audit: AuditEntry } {
  const invalid = (message: string, path = 'change') => new ValidationError('Contact change is not valid.', [{ path, code: 'not_allowed', message }], { status: 400 });
  if (petition.anonymous) throw invalid('An anonymous petition has no contact details to change.');
  const before: Partial<PetitionContact> = petition.contact ?? {};
  const next: Record<string, unknown> = { preferred: 'none', safeToContact: false, ...before, ...change };
  // "Not safe any more" stops every way of reaching her unless she names one; "no SMS" stops SMS as the way.
  if (change.safeToContact === false && change.preferred === undefined) next['preferred'] = 'none';
  if (change.smsOk === false && change.preferred === undefined && next['preferred'] === 'sms') next['preferred'] = next['phone'] ? 'phone' : 'none';
  if (change.safeTimes !== undefined && change.safeTimes.trim() === '') delete next['safeTimes'];
  const checked = PetitionContact.safeParse(next);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => {
      const code = (i as { params?: { code?: string } }).params?.code ?? i.message;
      return { path: ['change', ...i.path.map(String)].join('.'), code, message: `${i.path.join('.')}: ${code}` };
    });
    throw new ValidationError('Contact change is not valid.', issues, { status: 400 });
  }
  const after = checked.data;
  const keys = Object.keys(change) as (keyof ContactChangeFields)[];
  const shown = (v: unknown) => (v === undefined ? '—' : String(v));
  const parts = [...new Set([...keys, 'preferred' as const])]
    .filter((k) => before[k] !== after[k])
    .map((k) => (SHOWN.includes(k) ? `${k}: ${shown(before[k])} → ${shown(after[k])}` : `${k}: ${after[k] === undefined ? 'removed' : 'changed'}`));
  return {
    petition: { ...petition, contact: after },
    audit: { at, actor: CITIZEN_ACTOR, action: CONTACT_CHANGED, note: parts.length ? parts.join('; ') : 'no change' },
  };
}
