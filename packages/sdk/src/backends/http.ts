// Placeholder replaced by the request-core work (issue #2): see the brief in the commit that lands it.
import type { RightsBackend } from '../backend.js';

export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff ceiling in ms; doubles each attempt (full jitter picks 0…ceiling). Default 300. */
  baseDelayMs?: number;
  /** Ceiling of one backoff in ms. Default 5000. */
  maxDelayMs?: number;
  /** No new attempt starts after this many ms since the first. Default 20000. */
  maxElapsedMs?: number;
}

export interface HttpBackendOptions {
  /** The API root including the version, e.g. `https://portal.example.gov/api/v1`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, runtimes without a global fetch, instrumentation). */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Per-attempt timeout in ms. Default 15000. */
  timeoutMs?: number;
  /** Retry policy, or `false` for a single attempt. */
  retry?: RetryOptions | false;
}

export function httpBackend(_options: HttpBackendOptions): RightsBackend {
  throw new Error('not implemented yet');
}
