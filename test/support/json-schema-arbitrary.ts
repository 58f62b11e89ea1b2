/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document, for the conformance test: values
 * that are valid by the document, drawn around the document's own examples (so most reach the server's
 * deeper rules) and, for a share of fields, anywhere in what the schema allows (unicode, edge lengths,
 * bounds). Only the keywords the document uses are understood; cross-field rules (`allOf` of `if`/`then`)
 * are left to the caller's validator, which filters what this draws.
 */
import fc from 'fast-check';

export type Schema = Record<string, any>;
export type Resolve = (ref: string) => Schema;

const ISO_MIN = Date.UTC(2000, 0, 1);
const ISO_MAX = Date.UTC(2035, 11, 31);

/** Text of any kind: readable graphemes, ASCII controls (NUL included), any code point. */
function anyText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const bounds = { minLength, maxLength };
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ ...bounds, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ ...bounds, unit: 'binary-ascii' }) },
    { weight: 1, arbitrary: fc.string({ ...bounds, unit: 'binary' }) },
  );
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const min = schema['minLength'] ?? 0;
  const max = Math.min(schema['maxLength'] ?? 80, Math.max(min + 40, 80));
  if (schema['format'] === 'date') return fc.integer({ min: ISO_MIN, max: ISO_MAX }).map((t) => new Date(t).toISOString().slice(0, 10));
  if (schema['format'] === 'email') return fc.emailAddress();
  // `\S` only asks for one non-space character: free text with that property, not a one-letter string.
  if (schema['pattern'] && schema['pattern'] !== '\\S') {
    const re = new RegExp(schema['pattern'] as string);
    return fc.stringMatching(re).filter((s) => [...s].length >= min && [...s].length <= (schema['maxLength'] ?? Infinity));
  }
  return anyText(min, max);
}

function objectArbitrary(schema: Schema, resolve: Resolve, example: unknown): fc.Arbitrary<unknown> {
  const ex = (example && typeof example === 'object' ? example : {}) as Record<string, unknown>;
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set<string>(schema['required'] ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) model[key] = arbitrary(property, resolve, ex[key]);
  // The example's keys are kept in most draws; other optional keys come and go.
  const near = fc.record(model, { requiredKeys: Object.keys(model).filter((k) => required.has(k) || k in ex) });
  const sparse = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  const extra = schema['additionalProperties'];
  if (extra && typeof extra === 'object') {
    const keys = schema['propertyNames'] ? stringArbitrary(schema['propertyNames']) : fc.string({ minLength: 1, maxLength: 10 });
    return fc.dictionary(keys, arbitrary(extra, resolve), { maxKeys: 3 });
  }
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: sparse });
}

/** Values valid by `schema` (cross-field rules aside), drawn near `example` when there is one. */
export function arbitrary(schema: Schema, resolve: Resolve, example?: unknown): fc.Arbitrary<unknown> {
  if (schema['$ref']) return arbitrary(resolve(schema['$ref']), resolve, example);
  const free = freeArbitrary(schema, resolve, example);
  return example === undefined ? free : fc.oneof({ weight: 2, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: free });
}

function freeArbitrary(schema: Schema, resolve: Resolve, example: unknown): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema['const']);
  if (schema['enum']) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const union = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  if (union) return fc.oneof(...union.map((s) => arbitrary(s, resolve)));
  switch (schema['type']) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema['minimum'] ?? -1e6, -1e6), max: Math.min(schema['maximum'] ?? 1e6, 1e6) });
    case 'number':
      return fc.double({ min: schema['minimum'] ?? -1e9, max: schema['maximum'] ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(arbitrary(schema['items'] ?? {}, resolve), { minLength: schema['minItems'] ?? 0, maxLength: Math.min(schema['maxItems'] ?? 4, 4) });
    case 'object':
      return objectArbitrary(schema, resolve, example);
    default:
      return schema['properties'] ? objectArbitrary(schema, resolve, example) : fc.constant(null);
  }
}
