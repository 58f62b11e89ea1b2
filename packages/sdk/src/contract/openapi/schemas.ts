/**
 * The contract's zod schemas as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), plus the cross-field
 * rules that the zod schemas check in code (`superRefine`) and JSON Schema can also say (`if`/`then`). The
 * conformance test (test/node/openapi-conformance.test.ts) sends requests valid by these schemas
 * and fails when the server refuses one for a reason the document does not give, so the two cannot drift.
 */
import * as z from 'zod/mini';

export type JsonSchema = Record<string, unknown>;

/** A schema as JSON Schema 2020-12, without its `$schema` line. */
export function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** A text the server refuses when blank (`required`): at least one non-space character. */
const notBlank = { pattern: '\\S' };
const props = (schema: JsonSchema) => schema['properties'] as Record<string, JsonSchema>;
const when = (property: string, value: unknown, then: JsonSchema) => ({
  if: { properties: { [property]: { const: value } }, required: [property] },
  then,
});
const nonEmpty = (name: string) => ({ properties: { [name]: { type: 'string', minLength: 1 } }, required: [name] });

/** `PetitionContact`'s rules: never a channel that is unsafe, and the number or address the channel needs. */
function refineContact(contact: JsonSchema): void {
  contact['allOf'] = [
    when('safeToContact', false, { properties: { preferred: { const: 'none' } } }),
    when('preferred', 'sms', { not: { properties: { smsOk: { const: false } }, required: ['smsOk'] } }),
    // `required` alone: the number's and the address's own patterns already refuse an empty string. (Redocly
    // warns that these names are not defined beside `required`; they are, in the enclosing schema. Restating
    // them here would make Redocly's example check, which closes every subschema, refuse valid examples.)
    when('preferred', 'phone', { required: ['phone'] }),
    when('preferred', 'sms', { required: ['phone'] }),
    when('preferred', 'email', { required: ['email'] }),
  ];
}

/** `PetitionInput`'s rules: a description of at least 10 characters; an anonymous petition names no one. */
function refinePetition(petition: JsonSchema): void {
  const p = props(petition);
  // minLength counts code points; the server counts what a reader sees (never more), so this is the
  // necessary part of the rule, and the grapheme count is in the operation's checks.
  Object.assign(p['description']!, { minLength: 10, ...notBlank });
  refineContact(p['contact']!);
  petition['allOf'] = [
    when('anonymous', true, {
      properties: { contact: { not: { anyOf: [nonEmpty('name'), nonEmpty('phone'), nonEmpty('email')] } } },
    }),
  ];
}

/** `CaseUpdate`'s rules: a rejection says why; a referral says to whom; an extension gives a reason. */
function refineUpdate(update: JsonSchema): void {
  const p = props(update);
  Object.assign(props(p['extendDeadline']!)['reason']!, { minLength: 1, ...notBlank });
  update['allOf'] = [
    when('status', 'rejected', { properties: { reason: notBlank }, required: ['reason'] }),
    when('status', 'referred', { properties: { referredTo: notBlank }, required: ['referredTo'] }),
  ];
}

const REFINE: Record<string, (schema: JsonSchema) => void> = {
  PetitionInput: refinePetition,
  CaseUpdate: refineUpdate,
};

/**
 * The named schemas of the document: each generated, then a property equal to another named schema
 * replaced by a `$ref` to it (a registration's `petition` is a `PetitionInput`), then the cross-field rules.
 */
export function componentSchemas(named: ReadonlyMap<string, { schema: z.ZodMiniType; io: 'input' | 'output' }>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, { schema, io }] of named) out[name] = jsonSchema(schema, io);
  const texts = new Map(Object.entries(out).map(([name, s]) => [JSON.stringify(s), name]));
  for (const [name, schema] of Object.entries(out)) {
    const p = schema['properties'] as Record<string, JsonSchema> | undefined;
    for (const [key, value] of Object.entries(p ?? {})) {
      const same = texts.get(JSON.stringify(value));
      if (same && same !== name) p![key] = { $ref: `#/components/schemas/${same}` };
    }
  }
  for (const [name, refine] of Object.entries(REFINE)) if (out[name]) refine(out[name]);
  return out;
}
