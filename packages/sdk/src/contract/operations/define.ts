/**
 * The shape of one HTTP operation of the Rights Kit API. Every operation is described once, in this
 * folder; the sdk's `httpBackend`, the reference server's routes and the OpenAPI document are derived
 * from these descriptions, so a path, a parameter's wire form, a status or a header cannot drift apart
 * between them (issue #12).
 */
import type * as z from 'zod/mini';
import type { Permission } from '../permissions.js';
import type { QueryCodec } from './codecs.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Every error code the API gives, with the one HTTP status it is sent with. The server maps errors to
 * statuses through this table and nowhere else; the OpenAPI document lists each operation's codes under
 * these statuses.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  /** A URL whose percent-encoding does not decode (static files; the API's routes answer 404 for it). */
  malformed_url: 400,
  idempotency_key_missing: 400,
  invalid_idempotency_key: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  idempotency_key_in_flight: 409,
  illegal_transition: 409,
  /** A chunk sent at another offset than the upload's (the answer's `Upload-Offset` says where it stands). */
  offset_mismatch: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  /** A finished upload whose bytes are refused (not a photo or PDF, or location metadata): issue at `file`. */
  file_refused: 422,
  /** Notification templates refused at save: a denied word, an unknown placeholder or a literal link (issues name each field). */
  template_refused: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Response headers that come with an error status, whatever the operation. */
export const ERROR_HEADERS: Partial<Record<ErrorCode, readonly ('Retry-After' | 'WWW-Authenticate' | 'Upload-Offset')[]>> = {
  unauthorized: ['WWW-Authenticate'],
  offset_mismatch: ['Upload-Offset'],
  idempotency_key_in_flight: ['Retry-After'],
  rate_limited: ['Retry-After'],
  unavailable: ['Retry-After'],
};

/** Codes any operation may give: a bug, or a request that outlived the server's timeout. */
export const COMMON_ERRORS = ['internal_error', 'unavailable'] as const satisfies readonly ErrorCode[];
/** What reading a JSON body can fail with (`readJson` on the server). */
export const BODY_ERRORS = ['invalid_json', 'payload_too_large', 'unsupported_media_type', 'validation_failed'] as const satisfies readonly ErrorCode[];
/** What the Idempotency-Key header can fail with, and what a key already used can answer. */
export const IDEMPOTENCY_ERRORS = [
  'idempotency_key_missing',
  'invalid_idempotency_key',
  'idempotency_key_in_flight',
  'idempotency_key_reused',
] as const satisfies readonly ErrorCode[];

/** `public`: shared caches may keep it, with a strong ETag and 304 on If-None-Match. `no-store`: nobody keeps it. */
export type CachePolicy = { kind: 'public'; maxAge: number; staleWhileRevalidate: number } | { kind: 'no-store' };
export const PUBLIC_CACHE: CachePolicy = { kind: 'public', maxAge: 60, staleWhileRevalidate: 300 };
export const NO_STORE: CachePolicy = { kind: 'no-store' };

export function cacheControl(policy: CachePolicy): string {
  return policy.kind === 'no-store' ? 'no-store' : `public, max-age=${policy.maxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`;
}

export interface QueryParam {
  /** The name on the wire (`kind`). */
  name: string;
  /** The key in the query schema (`kinds`). */
  key: string;
  codec: QueryCodec;
  description: string;
  /** A typical value, typed as in the query (`['legal-aid']`, `{ lat, lng }`). */
  example?: unknown;
}

export interface PathParam {
  name: string;
  description: string;
  schema: z.ZodMiniType<string>;
}

/** A success (or, for health, a non-error) answer: its status, its body schema and the component name the document gives it. */
export interface Answer {
  status: number;
  description: string;
  schema: z.ZodMiniType;
  /** Name under `components.schemas` in the OpenAPI document. */
  name: string;
  /**
   * Bytes, not JSON: the media types the answer may come as (a file download). The client reads the body as
   * bytes; the document shows `format: binary`; `schema` checks a `Uint8Array`.
   */
  bytes?: readonly string[];
  /** Headers the success answer carries that a client reads (`Upload-Offset`). */
  headers?: readonly { name: string; description: string }[];
}

/**
 * A request body of raw bytes instead of JSON (an upload's chunk): its one media type and its largest size
 * (413 above it, counted while streaming). The client sends a `Uint8Array` as it is.
 */
export interface BytesBody {
  mediaType: string;
  maxBytes: number;
  description: string;
}

/**
 * A request header the operation reads (beyond credentials, Idempotency-Key and Rights-Proof): a required
 * decimal integer (`Upload-Offset`). A missing or malformed one is 400 `validation_failed` at its name.
 */
export interface HeaderParam {
  name: string;
  /** The key in the client's call (`offset`). */
  key: string;
  description: string;
  schema: z.ZodMiniType<number>;
  example: number;
}

export interface OperationSpec<Q extends z.ZodMiniType | undefined = z.ZodMiniType | undefined, B extends z.ZodMiniType | undefined = z.ZodMiniType | undefined, A extends z.ZodMiniType = z.ZodMiniType> {
  /** The OpenAPI `operationId`, and the key of the server's handler map. */
  id: string;
  method: HttpMethod;
  /** Below `/v1`, with `{name}` path parameters. */
  path: string;
  tag: 'catalogue' | 'petitions' | 'cases' | 'statistics' | 'staff' | 'meta';
  summary: string;
  description: string;
  pathParams?: readonly PathParam[];
  /** The query schema (validated after decoding) and each parameter's wire codec. */
  query?: { schema: Q & z.ZodMiniType; params: readonly QueryParam[] };
  /** The body's schema, its component name, and a typical valid body (published; the conformance test starts from it). */
  body?: { schema: B & z.ZodMiniType; name: string; example: unknown };
  /** A body of bytes instead (exclusive with `body`). */
  bytesBody?: BytesBody;
  /** Request headers read as integers (`Upload-Offset`). */
  headers?: readonly HeaderParam[];
  answer: Answer & { schema: A };
  /** Other non-error answers (health's 503). */
  otherAnswers?: readonly Answer[];
  /**
   * Error codes this operation may give; each is sent with `ERROR_STATUS[code]`. A query parameter the
   * operation does not describe is 400 `validation_failed` (`unknown_field`) on every operation.
   */
  errors: readonly ErrorCode[];
  /** Reads `Idempotency-Key` (required): the same key and body replay the first answer. */
  idempotencyKey?: boolean;
  /**
   * Reads `Rights-Proof` (optional): a solved challenge of getSubmitChallenge that lets the request past
   * the per-client admission limit (issue #17 item 4).
   */
  proof?: boolean;
  /**
   * The client loads this operation's wire entry on its first call (`wire-lazy.ts`) instead of with every page
   * (`wire.ts`): for operations few pages use (her evidence), so the others do not carry them.
   */
  lazyWire?: true;
  /** A read sent as POST (to keep secrets out of URLs): safe for the client to repeat. */
  safeToRepeat?: boolean;
  security: 'none' | 'staff';
  /**
   * The permission of the table (contract/permissions.ts) a staff operation needs; required when
   * `security` is `staff`. Published as `x-rights-permission`.
   */
  permission?: Permission;
  cache: CachePolicy;
  /**
   * The server's checks that JSON Schema cannot express (a date not in the future, a category that exists,
   * a length counted in characters as a reader counts them). Published as `x-rights-checks` and in the
   * description; a 400 `validation_failed` issue must match one of these or break the published schema.
   */
  checks?: readonly Check[];
}

/**
 * One check of the server beyond JSON Schema: the issue `path` it reports (dotted, `*` one segment,
 * `**` any depth; query parameters by their schema key), the issue `codes`, and the rule in words.
 */
export interface Check {
  path: string;
  codes: readonly string[];
  rule: string;
}

/** Whether an issue path (`contact.name`, `attributes.age`) is covered by a check path (`contact.*`, `**`). */
export function pathMatches(pattern: string, path: string): boolean {
  const p = pattern === '' ? [] : pattern.split('.');
  const s = path === '' ? [] : path.split('.');
  const walk = (i: number, j: number): boolean => {
    if (i === p.length) return j === s.length;
    if (p[i] === '**') return walk(i + 1, j) || (j < s.length && walk(i, j + 1));
    return j < s.length && (p[i] === '*' || p[i] === s[j]) && walk(i + 1, j + 1);
  };
  return walk(0, 0);
}

export type Operation = OperationSpec;

/** Keeps the literal types of one operation (its query, body and answer schemas) for the typed client. */
export function defineOperation<Q extends z.ZodMiniType | undefined, B extends z.ZodMiniType | undefined, A extends z.ZodMiniType>(
  spec: OperationSpec<Q, B, A>,
): OperationSpec<Q, B, A> {
  for (const match of spec.path.matchAll(/\{([a-zA-Z]+)\}/g)) {
    if (!spec.pathParams?.some((p) => p.name === match[1])) throw new Error(`${spec.id}: path parameter {${match[1]}} is not described`);
  }
  if ((spec.body || spec.bytesBody) && spec.method === 'GET') throw new Error(`${spec.id}: a GET has no body`);
  if (spec.body && spec.bytesBody) throw new Error(`${spec.id}: one body, JSON or bytes`);
  if (spec.security === 'staff' && !spec.permission) throw new Error(`${spec.id}: a staff operation names its permission`);
  return spec;
}
