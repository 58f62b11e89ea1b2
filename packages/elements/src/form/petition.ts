/**
 * A petition as a form holds it and as it is sent: the answers (form/values.ts) turned into the sdk's
 * `PetitionInput`, and every problem with them, one per field, in the order of the form. The rules are
 * the contract's: the `PetitionInput` schema, and the sdk's `checkAttributes` for a category's own
 * fields, so a form, the desk's registration and every backend find the same problems with the same codes.
 * The intake form and the desk's registration both build petitions here and check them with
 * form/petition-rules.ts, which the intake form loads lazily (it needs zod; issue #21).
 */
import { isFieldAsked } from '@rights-kit/sdk/client';
import type {
  AttributeValue,
  Category,
  ContactChannel,
  ErrorIssue,
  FieldDefinition,
  OnBehalfOf,
} from '@rights-kit/sdk';
import type { Value, Values } from './values.js';

/** `cn-mobile`: 11-digit mainland mobile numbers; `any`: digits, spaces, dashes and a leading `+`. */
export type PhoneFormat = 'cn-mobile' | 'any';

import { fieldOf } from './values.js';

export { fieldOf };

const str = (values: Values, key: string): string | undefined => {
  const v = values[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
const yesNo = (values: Values, key: string): boolean | undefined => (values[key] === 'yes' ? true : values[key] === 'no' ? false : undefined);
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A phone number as the citizen typed it, without spaces and dashes. */
export const normalizePhone = (phone: string): string => phone.replace(/[\s-]/g, '');

/** What the form sends, or would send: built fresh from the answers each time. */
export function buildPetition(values: Values, category: Category | undefined, locale: string, options: { timeZone?: string | undefined } = {}): Record<string, unknown> {
  const location = compact({ district: str(values, 'location.district'), community: str(values, 'location.community'), address: str(values, 'location.address') });
  const anonymous = yesNo(values, 'anonymous');
  let contact: Record<string, unknown> | undefined;
  if (anonymous === false) {
    const safe = yesNo(values, 'contact.safeToContact');
    const smsOk = safe ? yesNo(values, 'contact.smsOk') : undefined;
    const preferred = safe === false ? 'none' : (str(values, 'contact.preferred') as ContactChannel | undefined);
    const phone = safe === false ? undefined : str(values, 'contact.phone');
    const safeTimes = safe ? str(values, 'contact.safeTimes') : undefined;
    contact = compact({
      name: str(values, 'contact.name'),
      phone: phone === undefined ? undefined : normalizePhone(phone),
      email: safe === false ? undefined : str(values, 'contact.email'),
      preferred,
      safeToContact: safe,
      safeTimes,
      // Her zone goes with her safe times only: without them it says nothing the office needs (issue #16).
      timeZone: safeTimes ? options.timeZone : undefined,
      voicemailOk: safe && preferred === 'phone' ? yesNo(values, 'contact.voicemailOk') : undefined,
      smsOk,
    });
  }
  const attributes = attributesOf(category, values);
  return compact({
    category: str(values, 'category'),
    description: str(values, 'description'),
    incidentDate: str(values, 'incidentDate'),
    location: Object.keys(location).length ? location : undefined,
    stationId: str(values, 'stationId'),
    onBehalfOf: str(values, 'onBehalfOf') as OnBehalfOf | undefined,
    anonymous,
    contact,
    attributes: Object.keys(attributes).length ? attributes : undefined,
    immediateDanger: yesNo(values, 'immediateDanger'),
    consent: values['consent'] === true ? true : undefined,
    locale,
  });
}

/** An answer as the contract types it: yes/no → boolean, a number typed → number (else the text, which the check refuses). */
function attributeValue(field: FieldDefinition, raw: Value | undefined): AttributeValue | undefined {
  if (raw === undefined) return undefined;
  switch (field.type) {
    case 'boolean':
      return raw === 'yes' ? true : raw === 'no' ? false : undefined;
    case 'multiselect':
      return Array.isArray(raw) && raw.length ? raw : undefined;
    case 'number': {
      if (typeof raw !== 'string' || raw.trim() === '') return undefined;
      const n = Number(raw.trim());
      return Number.isFinite(n) ? n : raw.trim();
    }
    default:
      return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
  }
}


/**
 * The category's own answers as they would be sent, keyed by field code: a conditional question not asked
 * (the sdk's `isFieldAsked`, on the earlier answers it depends on) is left out, whatever was typed in it before.
 */
export function attributesOf(category: Category | undefined, values: Values): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const field of category?.fields ?? []) {
    if (!isFieldAsked(field, attributes)) continue;
    if (!isFieldAsked(field, attributes)) continue;
    const value = attributeValue(field, values[`attributes.${field.code}`]);
    if (value !== undefined) attributes[field.code] = value;
  }
  return attributes;
}

/** One issue per field: the first wins (the form's own, more specific, come first). */
export function dedupe(issues: ErrorIssue[]): ErrorIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = fieldOf(i.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const FIELD_ORDER = [
  'immediateDanger', 'category', 'attributes', 'description', 'incidentDate', 'location.district', 'location.community', 'location.address',
  'stationId', 'onBehalfOf', 'anonymous', 'contact', 'contact.name', 'contact.safeToContact', 'contact.smsOk', 'contact.preferred', 'contact.phone',
  'contact.email', 'contact.voicemailOk', 'contact.safeTimes', 'consent',
];
function rank(path: string): number {
  const exact = FIELD_ORDER.indexOf(path);
  if (exact >= 0) return exact;
  const head = FIELD_ORDER.indexOf(path.split('.')[0]!);
  return head >= 0 ? head : FIELD_ORDER.length;
}
export function orderIssues(issues: ErrorIssue[]): ErrorIssue[] {
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => rank(a.issue.path) - rank(b.issue.path) || a.i - b.i).map((x) => x.issue);
}
