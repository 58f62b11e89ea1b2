/**
 * The server's routes, derived from the operation table: one loop over `OPERATIONS`, each route doing the
 * HTTP part the table describes — credentials, Idempotency-Key, query decoding, JSON body, status, cache
 * headers, ETag/304 — around the operation's handler. No route is written by hand; a test compares
 * Hono's `app.routes` with the table.
 */
import type { Context, Hono } from 'hono';
import { OPERATIONS, PROOF_HEADER, cacheControl, decodeQuery, requirePermission, toIssues, type OperationSpec } from '@rights-kit/sdk';
import type * as z from 'zod/mini';
import type { StaffAuth } from './auth.js';
import { readBytes, readJson } from './body.js';
import { httpError, validationFailed } from './errors.js';
import type { HandlerAnswer, Handlers } from './handlers.js';
import { etagMatches, etagOf } from './catalogue.js';

export interface RouteOptions {
  handlers: Handlers;
  auth: StaffAuth;
  bodyLimit: number;
}

/** `/staff/cases/{reference}` → `/v1/staff/cases/:reference`. */
export const honoPath = (op: OperationSpec) => `/v1${op.path.replace(/\{([a-zA-Z]+)\}/g, ':$1')}`;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function idempotencyKey(c: Context): string {
  let key = c.req.header('idempotency-key');
  if (key === undefined || key.trim() === '') throw httpError('idempotency_key_missing', 'An Idempotency-Key header is required.');
  key = key.trim();
  // The draft makes the key a structured-field string: accept it quoted or bare.
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1);
  if (!IDEMPOTENCY_KEY.test(key)) throw httpError('invalid_idempotency_key', 'The Idempotency-Key must be 1 to 255 visible ASCII characters.');
  return key;
}

const parse = <S extends z.ZodMiniType>(schema: S, data: unknown, what: string): z.infer<S> => {
  const result = schema.safeParse(data);
  if (!result.success) throw validationFailed(toIssues(result.error.issues), what);
  return result.data as z.infer<S>;
};

/** The URL's query through each parameter's codec, then the operation's query schema; an unknown parameter is named. */
function query(op: OperationSpec, search: URLSearchParams): unknown {
  const { values, unknown } = decodeQuery(op, search);
  if (unknown.length) {
    throw validationFailed(unknown.map((name) => ({ path: name, code: 'unknown_field', message: `Unknown field "${name}".` })), 'The query');
  }
  return op.query ? parse(op.query.schema, values, 'The query') : undefined;
}

/** The request headers an operation reads (`Upload-Offset`), each a decimal integer, through its schema; named when missing or malformed. */
function headers(op: OperationSpec, c: Context): Record<string, number> {
  const out: Record<string, number> = {};
  const issues: { path: string; code: string; message: string }[] = [];
  for (const h of op.headers ?? []) {
    const raw = c.req.header(h.name);
    const value = raw === undefined ? undefined : /^\s*[0-9]{1,15}\s*$/.test(raw) ? Number(raw) : raw;
    const result = h.schema.safeParse(value);
    if (result.success) out[h.key] = result.data;
    else issues.push(...toIssues(result.error.issues).map((i) => ({ ...i, path: h.name })));
  }
  if (issues.length) throw validationFailed(issues, 'The headers');
  return out;
}

function respond(c: Context, op: OperationSpec, answer: HandlerAnswer): Response {
  const status = (answer.status ?? op.answer.status) as 200;
  const headers: Record<string, string> = { 'Cache-Control': cacheControl(op.cache), ...answer.headers };
  // Bytes (a download): as they are, with the headers the handler chose (type, disposition, sandbox).
  if (answer.bytes !== undefined) return c.body(answer.bytes as Uint8Array<ArrayBuffer>, status, headers);
  if (op.cache.kind === 'public') {
    const json = answer.json ?? JSON.stringify(answer.body);
    headers['ETag'] = answer.etag ?? etagOf(json);
    if (etagMatches(c.req.header('if-none-match'), headers['ETag'])) return c.body(null, 304, headers);
    return c.body(json, status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  }
  if (answer.json !== undefined) return c.body(answer.json, status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  return c.json(answer.body, status, headers);
}

export function mountOperations(app: Hono, { handlers, auth, bodyLimit }: RouteOptions): void {
  for (const op of Object.values(OPERATIONS) as OperationSpec[]) {
    const handle = handlers[op.id as keyof Handlers];
    app.on(op.method, honoPath(op), async (c) => {
      // The order of the checks is part of the contract: credentials, then the key, then the request itself.
      const credentials = op.security === 'staff' ? await auth.require(c) : undefined;
      // The role-level check of the permission table, from the operation's description: 403 before anything is read.
      if (credentials && op.permission) requirePermission(credentials.principal, op.permission);
      const key = op.idempotencyKey ? idempotencyKey(c) : undefined;
      const decoded = query(op, new URL(c.req.url).searchParams);
      const read = headers(op, c);
      const rawBody = op.body ? await readJson(c.req.raw, bodyLimit) : undefined;
      const body = op.body ? parse(op.body.schema, rawBody, 'The body') : undefined;
      const bytes = op.bytesBody ? await readBytes(c.req.raw, op.bytesBody.maxBytes, op.bytesBody.mediaType) : undefined;
      const proof = op.proof ? c.req.header(PROOF_HEADER) : undefined;
      const answer = await handle({ c, query: decoded, params: c.req.param() as Record<string, string>, body, rawBody, bytes, headers: read, idempotencyKey: key, credentials, proof });
      return respond(c, op, answer);
    });
  }
}
