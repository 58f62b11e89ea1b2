/** When a conditional question is asked. No schemas here, so a form builds its answers without loading zod (issue #21). */
import type { FieldDefinition } from '../contract/category.js';
import type { AttributeValue } from '../contract/petition.js';

/** Whether a field is asked, given the answers: always, or — a conditional field — when its condition holds. */
export function isFieldAsked(field: FieldDefinition, attributes: Readonly<Record<string, AttributeValue>> | undefined): boolean {
  if (!field.when) return true;
  const answer = attributes?.[field.when.field];
  const equals = field.when.equals;
  if (Array.isArray(answer)) return answer.some((a) => equals.includes(a));
  return (typeof answer === 'string' || typeof answer === 'boolean') && equals.includes(answer);
}
