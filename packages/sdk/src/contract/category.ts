import * as z from 'zod/mini';
import { LocalizedText } from './common.js';

/** The default taxonomy offices report by (DOMAIN.md). A backend may define its own codes. */
export const DEFAULT_CATEGORY_CODES = [
  'political-rights',
  'marriage-family',
  'labour-rights',
  'personal-rights',
  'property-rights',
  'culture-education',
  'general',
] as const;

export const FieldType = z.enum(['text', 'textarea', 'number', 'date', 'select', 'multiselect', 'boolean']);
export type FieldType = z.infer<typeof FieldType>;

const Code = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

export const FieldOption = z.object({ value: z.string().check(z.minLength(1), z.maxLength(100)), label: LocalizedText });
export type FieldOption = z.infer<typeof FieldOption>;

/** A category-specific question, like an Open311 service attribute. */
export const FieldDefinition = z.object({
  code: Code,
  label: LocalizedText,
  description: z.optional(LocalizedText),
  type: FieldType,
  required: z.boolean(),
  options: z.optional(z.array(FieldOption)),
  /** For `number`: inclusive bounds. For text types: maximum length in characters. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /**
   * A conditional question (as FixMyStreet and SurveyJS allow): asked — shown, and `required` if it is — only
   * when the earlier field `field` was answered with one of `equals` (for a multiselect: when one of them was
   * ticked; for a boolean: `true`/`false`). Otherwise it is not asked, and an answer to it is refused
   * (`not_allowed`). The form, the memory backend and the server apply it through `logic/attributes.ts`.
   */
  when: z.optional(z.object({ field: Code, equals: z.array(z.union([z.string(), z.boolean()])).check(z.minLength(1)) })),
});
export type FieldDefinition = z.infer<typeof FieldDefinition>;

export const Category = z.object({
  code: Code,
  name: LocalizedText,
  description: z.optional(LocalizedText),
  fields: z.optional(z.array(FieldDefinition)),
});
export type Category = z.infer<typeof Category>;
