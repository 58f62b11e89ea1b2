/**
 * One generic call for every operation of the table: the URL, the query in its wire form, the path
 * parameters, the credentials, the Idempotency-Key and the caching all come from the operation's
 * description (`contract/operations`), so the client cannot say a route differently from the server.
 */
import type * as z from 'zod/mini';
import type { OperationSpec } from '../contract/operations/define.js';
import { COOKIE_SESSION_PREFIX, CSRF_HEADER } from '../contract/permissions.js';
import { encodeQuery } from '../contract/operations/query.js';
import { PROOF_HEADER } from '../contract/admission.js';
import type { Requester } from './request.js';

export interface CallInput {
  /** Values of the path's `{name}` parameters; encoded here. */
  params?: Record<string, string>;
  /** The typed query (`{ kinds: [...] }`); each parameter is written by its codec (`kind=a,b`). */
  query?: object;
  body?: unknown;
  idempotencyKey?: string;
  /** `Rights-Proof`, for operations that read it. */
  proof?: string | undefined;
  /** The staff bearer token, for operations whose security is `staff`. */
  token?: string;
  signal?: AbortSignal | undefined;
}

export type Caller = <A extends z.ZodMiniType>(op: OperationSpec<z.ZodMiniType | undefined, z.ZodMiniType | undefined, A>, input?: CallInput) => Promise<z.infer<A>>;

/** `/staff/cases/{reference}` + `{ reference: 'RK/..' }` → `/staff/cases/RK%2F..`. */
export function expandPath(op: OperationSpec, params: Record<string, string> = {}): string {
  return op.path.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${op.id}: path parameter "${name}" is missing`);
    return encodeURIComponent(value);
  });
}

/** A bearer token goes in Authorization; a cookie session (`cookie:<csrf>`) sends its CSRF token, the browser its cookie. */
function staffHeaders(token: string): Record<string, string> {
  if (token.startsWith(COOKIE_SESSION_PREFIX)) return { [CSRF_HEADER]: token.slice(COOKIE_SESSION_PREFIX.length) };
  return { authorization: `Bearer ${token}` };
}

export function createCaller(request: Requester): Caller {
  return (op, input = {}) =>
    request({
      method: op.method,
      path: expandPath(op as OperationSpec, input.params),
      query: encodeQuery(op as OperationSpec, input.query),
      body: op.body ? input.body : undefined,
      headers: {
        ...(op.security === 'staff' && input.token !== undefined ? staffHeaders(input.token) : {}),
        ...(op.proof && input.proof !== undefined ? { [PROOF_HEADER]: input.proof } : {}),
      },
      idempotencyKey: op.idempotencyKey ? input.idempotencyKey : undefined,
      idempotent: op.safeToRepeat === true,
      conditional: op.cache.kind === 'public',
      signal: input.signal,
      schema: op.answer.schema,
    });
}
