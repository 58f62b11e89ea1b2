/**
 * The form's data model, free of rendering: answers as a flat map keyed by the petition's own paths
 * (`description`, `contact.phone`, `attributes.employer`), the steps, the petition built from the
 * answers, and validation through the sdk's `PetitionInput` so the form and every backend agree.
 */
import {
  CN_MOBILE_PATTERN,
  PetitionInput,
  countGraphemes,
  isFutureDate,
  toIssues,
  type Category,
  type ContactChannel,
  type ErrorIssue,
  type FieldDefinition,
  type OnBehalfOf,
} from '@rights-kit/sdk';

export type Value = string | string[] | boolean;
export type Values = Record<string, Value>;

export const STEPS = ['danger', 'category', 'details', 'happened', 'who', 'contact', 'review'] as const;
export type Step = (typeof STEPS)[number] | 'receipt';

export type PhoneFormat = 'cn-mobile' | 'any';

/** The steps the citizen walks through for these answers: details only when the category has fields, contact only when not anonymous. */
export function activeSteps(values: Values, category: Category | undefined): Step[] {
  return STEPS.filter((step) => {
    if (step === 'details') return (category?.fields?.length ?? 0) > 0;
    if (step === 'contact') return values['anonymous'] !== 'yes';
    return true;
  });
}

/** The step a field (an issue path) belongs to. */
export function stepOf(path: string): Step {
  const head = path.split('.')[0] ?? '';
  switch (head) {
    case 'immediateDanger':
      return 'danger';
    case 'category':
      return 'category';
    case 'attributes':
      return 'details';
    case 'description':
    case 'incidentDate':
    case 'location':
      return 'happened';
    case 'onBehalfOf':
    case 'anonymous':
      return 'who';
    case 'contact':
      return path === 'contact' ? 'who' : 'contact';
    default:
      return 'review';
  }
}

/** The control an issue points at (an issue on the whole contact object is about anonymity). */
export function fieldOf(path: string): string {
  return path === 'contact' ? 'anonymous' : path;
}

/** `contact.phone` → `f-contact-phone`: the id of the control inside the shadow root. */
export function fieldId(path: string): string {
  return 'f-' + path.replace(/[^a-zA-Z0-9-]/g, '-');
}

const str = (values: Values, key: string): string | undefined => {
  const v = values[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
const yesNo = (values: Values, key: string): boolean | undefined => (values[key] === 'yes' ? true : values[key] === 'no' ? false : undefined);
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A phone number as the citizen typed it, without spaces and dashes. */
export const normalizePhone = (phone: string): string => phone.replace(/[\s-]/g, '');

/** What the form sends, or would send: built fresh from the answers each time. */
export function buildPetition(values: Values, category: Category | undefined, locale: string): Record<string, unknown> {
  const location = compact({ district: str(values, 'location.district'), community: str(values, 'location.community'), address: str(values, 'location.address') });
  const anonymous = yesNo(values, 'anonymous');
  let contact: Record<string, unknown> | undefined;
  if (anonymous === false) {
    const safe = yesNo(values, 'contact.safeToContact');
    const smsOk = safe ? yesNo(values, 'contact.smsOk') : undefined;
    const preferred = safe === false ? 'none' : (str(values, 'contact.preferred') as ContactChannel | undefined);
    const phone = safe === false ? undefined : str(values, 'contact.phone');
    contact = compact({
      name: str(values, 'contact.name'),
      phone: phone === undefined ? undefined : normalizePhone(phone),
      email: safe === false ? undefined : str(values, 'contact.email'),
      preferred,
      safeToContact: safe,
      safeTimes: safe ? str(values, 'contact.safeTimes') : undefined,
      voicemailOk: safe && preferred === 'phone' ? yesNo(values, 'contact.voicemailOk') : undefined,
      smsOk,
    });
  }
  const attributes: Record<string, unknown> = {};
  for (const field of category?.fields ?? []) {
    const value = attributeValue(field, values[`attributes.${field.code}`]);
    if (value !== undefined) attributes[field.code] = value;
  }
  return compact({
    category: str(values, 'category'),
    description: str(values, 'description'),
    incidentDate: str(values, 'incidentDate'),
    location: Object.keys(location).length ? location : undefined,
    onBehalfOf: str(values, 'onBehalfOf') as OnBehalfOf | undefined,
    anonymous,
    contact,
    attributes: Object.keys(attributes).length ? attributes : undefined,
    immediateDanger: yesNo(values, 'immediateDanger'),
    consent: values['consent'] === true ? true : undefined,
    locale,
  });
}

function attributeValue(field: FieldDefinition, raw: Value | undefined): unknown {
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

const issue = (path: string, code: string, params?: Record<string, string | number>): ErrorIssue => ({ path, code, message: code, ...(params ? { params } : {}) });

/** Checks a category's own fields; backends check them too (attributes.<code>), with the same codes. */
export function attributeIssues(category: Category | undefined, values: Values): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const field of category?.fields ?? []) {
    const path = `attributes.${field.code}`;
    const raw = values[path];
    const value = attributeValue(field, raw);
    if (value === undefined) {
      if (field.required) issues.push(issue(path, field.type === 'boolean' || field.type === 'select' || field.type === 'multiselect' ? 'invalid_choice' : 'required'));
      continue;
    }
    if (field.type === 'number') {
      if (typeof value !== 'number') issues.push(issue(path, 'invalid_type'));
      else if (field.min !== undefined && value < field.min) issues.push(issue(path, 'too_small', { minimum: field.min }));
      else if (field.max !== undefined && value > field.max) issues.push(issue(path, 'too_big', { maximum: field.max }));
    } else if (field.type === 'date') {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) issues.push(issue(path, 'invalid_date'));
    } else if (field.type === 'select') {
      if (field.options && !field.options.some((o) => o.value === value)) issues.push(issue(path, 'invalid_choice'));
    } else if (field.type === 'multiselect') {
      if (field.options && (value as string[]).some((v) => !field.options!.some((o) => o.value === v))) issues.push(issue(path, 'invalid_choice'));
    } else if ((field.type === 'text' || field.type === 'textarea') && field.max !== undefined && countGraphemes(value as string) > field.max) {
      issues.push(issue(path, 'too_long', { maximum: field.max }));
    }
  }
  return issues;
}

/** Every problem with the answers, one per field, in the order of the form. */
export function validate(values: Values, category: Category | undefined, options: { locale: string; phoneFormat: PhoneFormat; today?: Date }): ErrorIssue[] {
  const petition = buildPetition(values, category, options.locale);
  const own: ErrorIssue[] = [];
  if (!petition['category']) own.push(issue('category', 'invalid_choice'));
  if (petition['onBehalfOf'] === undefined) own.push(issue('onBehalfOf', 'invalid_choice'));
  if (petition['anonymous'] === undefined) own.push(issue('anonymous', 'invalid_choice'));
  const contact = petition['contact'] as Record<string, unknown> | undefined;
  if (contact) {
    if (contact['safeToContact'] === undefined) own.push(issue('contact.safeToContact', 'invalid_choice'));
    else if (contact['preferred'] === undefined) own.push(issue('contact.preferred', 'invalid_choice'));
    const phone = contact['phone'];
    if (options.phoneFormat === 'cn-mobile' && typeof phone === 'string' && !CN_MOBILE_PATTERN.test(phone)) own.push(issue('contact.phone', 'invalid_cn_mobile'));
  }
  const date = petition['incidentDate'];
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && isFutureDate(date, options.today)) own.push(issue('incidentDate', 'in_future'));
  own.push(...attributeIssues(category, values));
  const result = PetitionInput.safeParse(petition);
  const fromSchema = result.success ? [] : toIssues(result.error.issues).filter((i) => !i.path.startsWith('attributes'));
  return orderIssues(dedupe([...own, ...fromSchema]));
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
  'onBehalfOf', 'anonymous', 'contact', 'contact.name', 'contact.safeToContact', 'contact.smsOk', 'contact.preferred', 'contact.phone',
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
