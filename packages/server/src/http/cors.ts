/**
 * The API's CORS rule, in one place: which origins a browser may call `/v1` from (the configured list), what it
 * may send and read (from the operation table). The full route runs it as Hono's middleware; the catalogue's
 * fast path (http/catalogue.ts) sends the headers that same middleware adds, found by running it once per
 * allowed origin — so the two can never disagree, whatever the middleware's details (Vary, credentials).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { OPERATIONS, PROOF_HEADER, type OperationSpec } from '@rights-kit/sdk';

/**
 * What a browser on a host portal may send and read, from the table: the methods the operations use, the
 * request headers they read, and the answer headers a client acts on (Retry-After, ETag).
 */
export function corsFromTable(): { allowMethods: string[]; allowHeaders: string[]; exposeHeaders: string[] } {
  const ops = Object.values(OPERATIONS) as OperationSpec[];
  const headers = new Set<string>();
  for (const op of ops) {
    if (op.body || op.bytesBody) headers.add('Content-Type');
    for (const h of op.headers ?? []) headers.add(h.name);
    if (op.idempotencyKey) headers.add('Idempotency-Key');
    if (op.proof) headers.add(PROOF_HEADER);
    if (op.security === 'staff') headers.add('Authorization');
    if (op.cache.kind === 'public') headers.add('If-None-Match');
  }
  const answerHeaders = ops.flatMap((op) => (op.answer.headers ?? []).map((h) => h.name));
  return { allowMethods: [...new Set(ops.map((op) => op.method)), 'OPTIONS'], allowHeaders: [...headers], exposeHeaders: [...new Set(['Retry-After', 'ETag', ...answerHeaders])] };
}

/** The origin a request is answered for: its Origin when configured, else none (a same-origin or a refused caller). */
export const allowedOriginOf = (corsOrigins: readonly string[]) => (origin: string | undefined): string | null =>
  corsOrigins.includes(origin ?? '') ? origin! : null;

export interface ApiCors {
  /** Hono's CORS middleware with the rule: every `/v1` route runs it, and it answers preflights. */
  middleware: MiddlewareHandler;
  allowedOrigin(origin: string | undefined): string | null;
  /**
   * The headers the middleware adds to a GET's answer for a request with this Origin (none: same-origin),
   * as a plain object with lower-case names, found by running the middleware on a bare app.
   */
  getAnswerHeaders(origin: string | undefined): Promise<Record<string, string>>;
}

export function apiCors(corsOrigins: readonly string[]): ApiCors {
  const allowedOrigin = allowedOriginOf(corsOrigins);
  const middleware = cors({ origin: allowedOrigin, ...corsFromTable(), maxAge: 600 });
  // An answer with no header of its own: whatever it carries, the middleware put there.
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null));
  return {
    middleware,
    allowedOrigin,
    async getAnswerHeaders(origin) {
      const res = await probe.request('/', origin === undefined ? {} : { headers: { origin } });
      return Object.fromEntries(res.headers);
    },
  };
}
