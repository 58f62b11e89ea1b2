/**
 * The request deadline (issue #17 item 5). A request not answered within `requestTimeoutMs` gets 503 — but a
 * 503 must never hide a registered petition (once 20 of 100 timed-out submits were stored while the citizen got
 * no Receipt). So at the deadline the request's signal is aborted: a write that honours it (the submit checks it
 * before each step that stores anything, and releases its idempotency key) stops and answers 503 with nothing
 * stored; a write already past its last check is waited for, up to `graceMs`, and answers what really happened
 * (201 with the Receipt). Reads answer 503 at the deadline at once.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { httpError } from './errors.js';

const signals = new WeakMap<Request, AbortSignal>();

/** The deadline signal of this request (never aborted when the middleware is not mounted). */
export function requestSignal(c: Context): AbortSignal | undefined {
  return signals.get(c.req.raw);
}

const busy = () => httpError('unavailable', 'The server is too busy to answer in time; try again.', undefined, { 'Retry-After': '2' });

export function deadline(timeoutMs: number, graceMs: number): MiddlewareHandler {
  return async (c, next) => {
    const controller = new AbortController();
    signals.set(c.req.raw, controller.signal);
    const writes = c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS';
    const work = next();
    let timer: NodeJS.Timeout | undefined;
    const at = (ms: number) => new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
    try {
      if ((await Promise.race([work, at(timeoutMs)])) !== 'late') return;
      controller.abort();
      if (!writes) throw busy();
      clearTimeout(timer);
      if ((await Promise.race([work, at(graceMs)])) !== 'late') return;
      throw busy();
    } finally {
      clearTimeout(timer);
      work.catch(() => undefined);
    }
  };
}
