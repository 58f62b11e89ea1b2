/**
 * One generic call for every operation: the URL, the query in its wire form, the path parameters, the
 * credentials, the Idempotency-Key and the caching all come from the operation's description — through the
 * client's wire table (contract/operations/wire.ts, written from the operation table), so the client cannot
 * say a route differently from the server, and a page does not download the table's schemas and prose to
 * send a request. The answer's schema loads in parallel with the request (internal/contract.ts).
 */
import type * as z from 'zod/mini';
import * as codecs from '../contract/operations/codecs.js';
import type { OperationId, OPERATIONS } from '../contract/operations/index.js';
import { encodeParams } from '../contract/operations/query.js';
import { WIRE } from '../contract/operations/wire.js';
import type { WireOperation } from '../contract/operations/wire-of.js';
import { loadContract } from './contract.js';
import { COOKIE_SESSION_PREFIX, CSRF_HEADER } from '../contract/session-text.js';
import type { Requester } from './request.js';

export interface CallInput {
  /** Values of the path's `{name}` parameters; encoded here. */
  params?: Record<string, string>;
  /** The typed query (`{ kinds: [...] }`); each parameter is written by its codec (`kind=a,b`). */
  query?: object;
  body?: unknown;
  /** The bytes of an operation whose body is bytes (an upload's chunk). */
  bytes?: Uint8Array;
  /** Values of the request headers the operation reads, by key (`{ offset: 0 }` → `Upload-Offset: 0`). */
  headers?: Record<string, number | string>;
  idempotencyKey?: string;
  /** `Rights-Proof`, for operations that read it. */
  proof?: string | undefined;
  /** The staff bearer token, for operations whose security is `staff`. */
  token?: string;
  signal?: AbortSignal | undefined;
}

/** The type of an operation's answer, from the table's schema (types only: nothing of the table is loaded). */
export type AnswerOf<Id extends OperationId> = z.infer<(typeof OPERATIONS)[Id]['answer']['schema']>;

export type Caller = <Id extends OperationId>(id: Id, input?: CallInput) => Promise<AnswerOf<Id>>;

/** `/staff/cases/{reference}` + `{ reference: 'RK/..' }` → `/staff/cases/RK%2F..`. */
export function expandPath(op: { id?: string; path: string }, params: Record<string, string> = {}): string {
  return op.path.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${op.id ?? op.path}: path parameter "${name}" is missing`);
    return encodeURIComponent(value);
  });
}

/** A bearer token goes in Authorization; a cookie session (`cookie:<csrf>`) sends its CSRF token, the browser its cookie. */
function staffHeaders(token: string): Record<string, string> {
  if (token.startsWith(COOKIE_SESSION_PREFIX)) return { [CSRF_HEADER]: token.slice(COOKIE_SESSION_PREFIX.length) };
  return { authorization: `Bearer ${token}` };
}

/** The wire entries of the operations few pages use (`lazyWire`), loaded on the first call of one. */
let lazyWire: Promise<Record<string, WireOperation>> | undefined;
const loadLazyWire = () => (lazyWire ??= import('../contract/operations/wire-lazy.js').then((m) => m.WIRE_LAZY as Record<string, WireOperation>));

export function createCaller(request: Requester): Caller {
  return (id, input = {}) => {
    const eager = (WIRE as Record<string, WireOperation>)[id];
    if (eager) return send(request, id, eager, input);
    return loadLazyWire().then((table) => send(request, id, table[id]!, input));
  };
}

function send<Id extends OperationId>(request: Requester, id: Id, op: WireOperation, input: CallInput): Promise<AnswerOf<Id>> {
  const params = (op.query ?? []).map(([name, key, codec]) => ({ name, key, codec: codecs[codec] }));
  // Started now, awaited only when the answer has arrived; a failed load is reported there, not unhandled here.
  const schema = loadContract().then((contract) => (contract as unknown as Record<string, z.ZodMiniType>)[op.answer]!);
  schema.catch(() => undefined);
  return request({
    method: op.method,
    path: expandPath({ id, path: op.path }, input.params),
    query: encodeParams(params, input.query),
    body: op.body ? input.body : undefined,
    ...(op.bytes !== undefined && input.bytes ? { bytes: { data: input.bytes, type: op.bytes } } : {}),
    ...(op.binary ? { binary: true } : {}),
    headers: {
      ...Object.fromEntries((op.headers ?? []).flatMap(([name, key]) => (input.headers?.[key] !== undefined ? [[name, String(input.headers[key])]] : []))),
      ...(op.staff && input.token !== undefined ? staffHeaders(input.token) : {}),
      ...(op.proof && input.proof !== undefined ? { [op.proof]: input.proof } : {}),
    },
    idempotencyKey: op.idempotencyKey ? input.idempotencyKey : undefined,
    idempotent: op.safeToRepeat === true,
    conditional: op.conditional === true,
    signal: input.signal,
    schema,
  }) as Promise<AnswerOf<Id>>;
}
