/**
 * The one request core every HTTP call of the sdk goes through: URL and JSON body, headers, a timeout per
 * attempt, the caller's signal and quick exit, retries with exponential backoff and full jitter, error
 * mapping, conditional GETs, and the contract's schema over every answer.
 *
 * Retries follow one rule set, here and nowhere else:
 * - retried: a network error, a timeout (ours or 408), 409 `idempotency_key_in_flight`, 429, 500/502/503/504;
 *   never any other 4xx, never an answer that breaks the contract, never an abort;
 * - only when repeating is safe: GET, or a POST/PATCH that carries an Idempotency-Key (the same key on every
 *   attempt), or a request marked `idempotent` (the case lookup, a read sent as POST to keep secrets out of URLs);
 * - the wait before attempt n+1 is `random(0, min(maxDelay, base · 2ⁿ))` (full jitter), at least the server's
 *   `Retry-After` when it sent one; no attempt starts once `maxElapsedMs` has passed — when the wait would
 *   end beyond it, the last error is thrown at once (a `RateLimitedError` keeps `retryAfter` for the UI).
 *
 * Uses only what every runtime with `fetch` has (no Node built-ins): the browser build stays small and clean.
 */
import type * as z from 'zod/mini';
import type { ErrorBody } from '../contract/error.js';
import {
  AbortedError,
  ConflictError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RightsError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../errors.js';
import type { HttpBackendOptions, RetryOptions } from '../backends/http.js';
import { trackRequest } from './abort.js';
import { loadContract } from './contract.js';

/** Test seams; not part of the public options. */
export interface RequestCoreOptions extends HttpBackendOptions {
  /** @internal Waits `ms`; should reject (or resolve early) when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** @internal A number in [0, 1) for the jitter. */
  random?: () => number;
  /** @internal The clock, in epoch ms: total budget and Retry-After dates. */
  now?: () => number;
}

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface RequestSpec<S extends z.ZodMiniType> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path below the base URL, starting with `/`; callers encode dynamic segments. */
  path: string;
  /** Query parameters; `undefined` and empty values are left out, arrays become comma lists. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as they are, with their media type, instead of a JSON body (an upload's chunk). */
  bytes?: { data: Uint8Array; type: string };
  /** The success body is bytes: answered as a `Uint8Array` (checked by the schema), never parsed as text. */
  binary?: boolean;
  /** Sent as `application/x-www-form-urlencoded` instead of a JSON body (Open311 GeoReport v2). */
  form?: URLSearchParams;
  /** The Accept header; default `application/json`. */
  accept?: string;
  /** Turns a success body into data before the schema sees it; default `JSON.parse`. Throwing means an invalid answer. */
  decode?: (text: string) => unknown;
  /** The message of an error answer in a foreign error format (Open311's `[{code, description}]`). */
  errorMessage?: (text: string) => string | undefined;
  headers?: Record<string, string>;
  /** Sent as `Idempotency-Key` on every attempt; makes a POST safe to retry. */
  idempotencyKey?: string;
  /** Safe to repeat although the method says otherwise (a read sent as POST). */
  idempotent?: boolean;
  /** Remember the ETag and revalidate with If-None-Match (public reads only). */
  conditional?: boolean;
  signal?: AbortSignal | undefined;
  /** The contract schema the success body must match; a promise of it when it loads while the request runs. */
  schema: S | Promise<S>;
}

export type Requester = <S extends z.ZodMiniType>(spec: RequestSpec<S>) => Promise<z.infer<S>>;

const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 4, baseDelayMs: 300, maxDelayMs: 5000, maxElapsedMs: 20000 };
const DEFAULT_TIMEOUT_MS = 15000;
const CACHE_ENTRIES = 64;
const RETRYABLE_STATUS = [408, 429, 500, 502, 503, 504];

/** Retry-After (ms) of the answer an error came from, when the server sent one. */
const retryAfterMs = new WeakMap<RightsError, number>();

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

const encode = (value: string) => encodeURIComponent(value).replace(/%2C/g, ',');

/** `https://x/api/v1` + `/stations` + `{ near: '1,2', kind: ['a', 'b'] }` → `https://x/api/v1/stations?near=1,2&kind=a,b`. */
export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): string {
  const params: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const text = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
    if (text !== '') params.push(`${encode(key)}=${encode(text)}`);
  }
  return baseUrl.replace(/\/+$/, '') + path + (params.length ? `?${params.join('&')}` : '');
}

/** `Retry-After` as seconds from now: delta-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Maps an HTTP error answer to the sdk's error classes; a malformed body still maps by status, and so does any
 * body when the contract's `ErrorBody` schema is not at hand (it loads lazily; see internal/contract.ts).
 */
export function errorFromResponse(status: number, body: string, headers: Headers, now: number, foreignMessage?: (text: string) => string | undefined, errorBody?: typeof ErrorBody): RightsError {
  let error: ErrorBody['error'] | undefined;
  if (errorBody) {
    try {
      const parsed = errorBody.safeParse(JSON.parse(body));
      if (parsed.success) error = parsed.data.error;
    } catch {
      // Not JSON (a proxy's HTML page, an empty body): the status alone decides.
    }
  }
  const message = error?.message ?? foreignMessage?.(body) ?? `The server answered ${status}.`;
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  // Every error keeps the server's Retry-After (a 503 of admission control too), so the outbox can wait it out.
  const options = { status, ...(error ? { code: error.code } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) };
  let result: RightsError;
  if (status === 429) result = new RateLimitedError(message, retryAfter ?? 1, options);
  else if (status === 401 || status === 403) result = new UnauthorizedError(message, options);
  else if (status === 404 || status === 410) result = new NotFoundError(message, options);
  else if (status === 408) result = new TimeoutError(message, options);
  else if (status === 409 || (status === 422 && error?.code.startsWith('idempotency_key'))) result = new ConflictError(message, options);
  else if (status === 400 || status === 413 || status === 422) result = new ValidationError(message, error?.issues ?? [], options);
  else if (status >= 500) result = new ServerError(message, options);
  else result = new RightsError(message, options);
  if (retryAfter !== undefined) retryAfterMs.set(result, retryAfter * 1000);
  return result;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  if (error instanceof ConflictError) return error.code === 'idempotency_key_in_flight';
  return error instanceof RightsError && RETRYABLE_STATUS.includes(error.status ?? 0);
}

const aborted = (cause?: unknown) => new AbortedError('The request was aborted.', { code: 'aborted', cause });

const invalidResponse = (status: number, cause?: unknown) =>
  new ServerError('The server answered something that does not match the contract.', { status, code: 'invalid_response', cause });

export function createRequester(options: RequestCoreOptions): Requester {
  const policy = options.retry === false ? undefined : { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  // Resolved on each call, so a fetch patched after the backend was made (tests, instrumentation) is used.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  /** URL → last ETag and body: a 304 answers from here. Most recently used last; bounded. */
  const cache = new Map<string, { etag: string; data: unknown }>();

  async function attempt<S extends z.ZodMiniType>(spec: RequestSpec<S>, url: string, outer: AbortSignal): Promise<z.infer<S>> {
    const controller = new AbortController();
    let timedOut = false;
    const onOuterAbort = () => controller.abort(outer.reason);
    outer.addEventListener('abort', onOuterAbort, { once: true });
    const timer = timeoutMs > 0 && timeoutMs < Infinity
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
        }, timeoutMs)
      : undefined;
    // Settles on abort even when a fetch (a polyfill, a fake) ignores its signal.
    const abortion = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
    );
    abortion.catch(() => undefined);

    const cached = spec.conditional ? cache.get(url) : undefined;
    const headers = new Headers({ accept: spec.accept ?? 'application/json' });
    for (const [name, value] of Object.entries({ ...options.headers, ...spec.headers })) headers.set(name, value);
    if (spec.bytes !== undefined) headers.set('content-type', spec.bytes.type);
    else if (spec.form !== undefined) headers.set('content-type', 'application/x-www-form-urlencoded');
    else if (spec.body !== undefined) headers.set('content-type', 'application/json');
    if (spec.idempotencyKey !== undefined) headers.set('idempotency-key', spec.idempotencyKey);
    if (cached) headers.set('if-none-match', cached.etag);

    let response: Response;
    let body: string;
    let bytes: Uint8Array | undefined;
    try {
      response = await Promise.race([
        doFetch(url, {
          method: spec.method,
          headers,
          body: spec.bytes !== undefined ? (spec.bytes.data as BodyInit) : spec.form !== undefined ? spec.form.toString() : spec.body === undefined ? null : JSON.stringify(spec.body),
          signal: controller.signal,
        }),
        abortion,
      ]);
      if (spec.binary && response.ok) {
        bytes = new Uint8Array(await Promise.race([response.arrayBuffer(), abortion]));
        body = '';
      } else body = await Promise.race([response.text(), abortion]);
    } catch (error) {
      if (outer.aborted) throw aborted(error);
      if (timedOut) throw new TimeoutError(`No answer within ${timeoutMs} ms.`, { code: 'timeout', cause: error });
      throw new NetworkError('The server could not be reached.', { code: 'network_error', cause: error });
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', onOuterAbort);
    }

    const { status } = response;
    let data: unknown;
    if (status === 304 && cached) {
      data = cached.data;
      cache.delete(url);
      cache.set(url, cached);
    } else if (status >= 200 && status < 300) {
      try {
        data = bytes ?? (spec.decode ? spec.decode(body) : JSON.parse(body));
      } catch (error) {
        throw invalidResponse(status, error);
      }
    } else {
      const contract = await loadContract().catch(() => undefined);
      throw errorFromResponse(status, body, response.headers, now(), spec.errorMessage, contract?.ErrorBody);
    }
    let schema: S;
    try {
      schema = await spec.schema;
    } catch (error) {
      // The schemas could not be loaded (the page went offline after it loaded): an answer is never used unchecked.
      throw new NetworkError('The contract could not be loaded to check the answer.', { code: 'network_error', cause: error });
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw invalidResponse(status, parsed.error);
    const etag = response.headers.get('etag');
    if (spec.conditional && etag && status !== 304) {
      // Only an answer that met the contract is remembered.
      cache.delete(url);
      cache.set(url, { etag, data });
      if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    }
    return parsed.data as z.infer<S>;
  }

  return async function request<S extends z.ZodMiniType>(spec: RequestSpec<S>): Promise<z.infer<S>> {
    const url = buildUrl(options.baseUrl, spec.path, spec.query);
    const repeatable =
      spec.idempotent === true || spec.idempotencyKey !== undefined || (spec.method !== 'POST' && spec.method !== 'PATCH');
    const tracked = trackRequest(spec.signal);
    const start = now();
    try {
      for (let n = 0; ; n++) {
        if (tracked.signal.aborted) throw aborted(tracked.signal.reason);
        try {
          return await attempt(spec, url, tracked.signal);
        } catch (error) {
          if (!policy || !repeatable || n + 1 >= policy.maxAttempts || !isRetryable(error)) throw error;
          const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
          const delay = Math.max(random() * ceiling, retryAfterMs.get(error as RightsError) ?? 0);
          if (now() - start + delay >= policy.maxElapsedMs) throw error;
          try {
            await sleep(delay, tracked.signal);
          } catch {
            // An aborted sleep: reported as AbortedError at the top of the loop.
          }
        }
      }
    } finally {
      tracked.done();
    }
  };
}
