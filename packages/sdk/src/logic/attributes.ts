import type { FieldDefinition } from '../contract/category.js';
import { countGraphemes, IsoDate } from '../contract/common.js';
import type { ErrorIssue } from '../contract/error.js';
import type { AttributeValue } from '../contract/petition.js';
import { englishMessage } from '../contract/validate.js';
import { isFieldAsked } from './field-asked.js';

export { isFieldAsked };

function issue(code: string, field: string, params: Record<string, string | number> = {}): ErrorIssue {
  const i: ErrorIssue = { path: `attributes.${field}`, code, message: englishMessage(code, params) };
  if (Object.keys(params).length) i.params = params;
  return i;
}

const isBlank = (v: AttributeValue | undefined) =>
  v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);


/**
 * Checks a petition's `attributes` against its category's extra fields, as every backend must: a
 * required field present, each value of its field's type, within `min`/`max`, among the `options`,
 * and no attribute the category does not define. Issues are at `attributes.<code>` with the
 * contract's codes (`required`, `invalid_type`, `too_long`, `too_small`, `too_big`, `invalid_date`,
 * `invalid_choice`, `unknown_field`). A conditional field not asked (`isFieldAsked`) is neither required nor
 * allowed (`not_allowed`). Empty list when all is well.
 */
export function checkAttributes(
  fields: readonly FieldDefinition[] | undefined,
  attributes: Readonly<Record<string, AttributeValue>> | undefined,
): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const defined = new Map((fields ?? []).map((f) => [f.code, f]));
  const given = attributes ?? {};

  for (const code of Object.keys(given)) {
    if (!defined.has(code)) issues.push({ path: `attributes.${code}`, code: 'unknown_field', message: `Unknown field "${code}".` });
  }

  for (const field of fields ?? []) {
    const value = Object.hasOwn(given, field.code) ? given[field.code] : undefined;
    if (!isFieldAsked(field, given)) {
      if (!isBlank(value)) issues.push(issue('not_allowed', field.code));
      continue;
    }
    if (isBlank(value)) {
      if (field.required) issues.push(issue('required', field.code));
      continue;
    }
    const allowed = new Set((field.options ?? []).map((o) => o.value));
    switch (field.type) {
      case 'text':
      case 'textarea':
        if (typeof value !== 'string') issues.push(issue('invalid_type', field.code, { expected: 'string' }));
        else if (field.max !== undefined && countGraphemes(value) > field.max) issues.push(issue('too_long', field.code, { maximum: field.max }));
        else if (field.min !== undefined && countGraphemes(value) < field.min) issues.push(issue('too_short', field.code, { minimum: field.min }));
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) issues.push(issue('invalid_type', field.code, { expected: 'number' }));
        else if (field.min !== undefined && value < field.min) issues.push(issue('too_small', field.code, { minimum: field.min }));
        else if (field.max !== undefined && value > field.max) issues.push(issue('too_big', field.code, { maximum: field.max }));
        break;
      case 'date':
        if (typeof value !== 'string' || !IsoDate.safeParse(value).success) issues.push(issue('invalid_date', field.code));
        break;
      case 'boolean':
        if (typeof value !== 'boolean') issues.push(issue('invalid_type', field.code, { expected: 'boolean' }));
        break;
      case 'select':
        if (typeof value !== 'string' || !allowed.has(value)) issues.push(issue('invalid_choice', field.code));
        break;
      case 'multiselect':
        if (!Array.isArray(value) || !value.every((v) => allowed.has(v)) || new Set(value).size !== value.length) {
          issues.push(issue('invalid_choice', field.code));
        }
        break;
    }
  }
  return issues;
}
