/**
 * GeoReport v2 answers as the spec writes them, in JSON and in XML, read into one shape. The spec's own
 * examples write ids as numbers in one place and strings in another (`"service_code":001`, `"key":123`),
 * booleans as `true` or `"true"`, absent values as `null` or an empty element: all are accepted and
 * normalised here (ids and keys to strings, empty to absent), and anything else is refused with the field
 * named — an answer that does not match is an error, never a silently wrong object.
 */
import * as z from 'zod/mini';
import { xmlToValue } from './xml.js';

export type Open311Format = 'json' | 'xml';

const str = z.pipe(z.union([z.string(), z.number()]), z.transform((v) => String(v).trim()));
const opt = z.pipe(
  z.optional(z.nullable(z.union([z.string(), z.number()]))),
  z.transform((v) => (v === null || v === undefined || String(v).trim() === '' ? undefined : String(v).trim())),
);
const bool = z.pipe(z.union([z.boolean(), z.enum(['true', 'false'])]), z.transform((v) => v === true || v === 'true'));
const optNumber = z.pipe(
  z.optional(z.nullable(z.union([z.number(), z.string()]))),
  z.transform((v) => (v === null || v === undefined || v === '' ? undefined : Number(v))),
);

/** A list, or nothing: `null`, absent, or an empty XML element (`<values/>`, which reads as `''`). */
const listOf = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(z.optional(z.nullable(z.union([z.array(item), z.literal('')]))), z.transform((v) => (Array.isArray(v) ? (v as z.infer<T>[]) : [])));

export const Open311Service = z.object({
  service_code: str,
  service_name: str,
  description: opt,
  metadata: bool,
  type: opt,
  keywords: opt,
  group: opt,
});
export type Open311Service = z.infer<typeof Open311Service>;

export const Open311Value = z.object({ key: str, name: str });

export const Open311Attribute = z.object({
  variable: bool,
  code: str,
  datatype: str,
  required: bool,
  datatype_description: opt,
  order: optNumber,
  description: str,
  values: listOf(Open311Value),
});
export type Open311Attribute = z.infer<typeof Open311Attribute>;

export const Open311ServiceDefinition = z.object({
  service_code: str,
  attributes: listOf(Open311Attribute),
});

/** One entry of the POST answer: an id at once (realtime) or a token to exchange later (batch). */
export const Open311PostAnswer = z.object({
  service_request_id: opt,
  token: opt,
  service_notice: opt,
  account_id: opt,
  /** Rights Kit extension: the access code the endpoint issued (shown once). */
  access_code: opt,
  /** Rights Kit extension: when the endpoint registered it (the spec answers no time). */
  requested_datetime: opt,
});

export const Open311TokenAnswer = z.object({ service_request_id: opt, token: opt });

export const Open311Request = z.object({
  service_request_id: str,
  status: z.enum(['open', 'closed']),
  status_notes: opt,
  service_name: opt,
  service_code: opt,
  agency_responsible: opt,
  requested_datetime: opt,
  updated_datetime: opt,
  expected_datetime: opt,
  /** Rights Kit extension: the kit's own status, more precise than open/closed. */
  rk_status: opt,
});
export type Open311Request = z.infer<typeof Open311Request>;

export const Open311Errors = z.array(z.object({ code: opt, description: opt }));

/** The body as data: JSON parsed, XML turned into the spec's JSON shape. Throws SyntaxError when malformed. */
export function decodeBody(format: Open311Format, text: string): unknown {
  return format === 'json' ? JSON.parse(text) : xmlToValue(text).value;
}

/** The error descriptions of an Open311 error body, joined; undefined when it is not one. */
export function errorDescription(format: Open311Format, text: string): string | undefined {
  try {
    const parsed = Open311Errors.safeParse(decodeBody(format, text));
    if (!parsed.success || !parsed.data.length) return undefined;
    const described = parsed.data.map((e) => e.description).filter(Boolean);
    return described.length ? described.join('; ') : undefined;
  } catch {
    return undefined;
  }
}
