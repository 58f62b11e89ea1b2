/**
 * Every problem with a petition as a form holds it (form/petition.ts), by the contract's rules: the
 * `PetitionInput` schema and the sdk's `checkAttributes`. A module of its own because it needs zod/mini: the
 * intake form loads it while the citizen reads the first question (intake-form/answers.ts), so the first
 * screen never waits for it (issue #21); the desk's registration imports it directly.
 */
import { CN_MOBILE_PATTERN, PetitionInput, checkAttributes, isFutureDate, toIssues, type Category, type ErrorIssue } from '@rights-kit/sdk';
// The validation messages (both locales) come with the rules that produce the issues they describe: a form shows
// no issue before the rules have loaded, so its first screen does not carry them either (issue #21).
export { computeDeadlines, describeIssue } from '@rights-kit/sdk';
import { attributesOf, buildPetition, dedupe, orderIssues, type PhoneFormat } from './petition.js';
import type { Values } from './values.js';

const issue = (path: string, code: string, params?: Record<string, string | number>): ErrorIssue => ({ path, code, message: code, ...(params ? { params } : {}) });

/**
 * Checks a category's own fields with the sdk's `checkAttributes`, the rule every backend applies: a
 * missing required answer is `required` whatever the field's type, a text's `min` and `max` hold, a
 * multiselect takes each option once.
 */
export function attributeIssues(category: Category | undefined, values: Values): ErrorIssue[] {
  return checkAttributes(category?.fields, attributesOf(category, values));
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

