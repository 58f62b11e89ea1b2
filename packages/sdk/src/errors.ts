/**
 * Every error the sdk throws is a `RightsError`; each subclass has its own `name`, so code can test
 * with `instanceof` or, across realms and bundles, with `error.name`.
 */
import type { ErrorIssue } from './contract/error.js';

export type { ErrorIssue };

export class RightsError extends Error {
  override name = 'RightsError';
  /** HTTP status when the error came from a server. */
  readonly status: number | undefined;
  /** The error code from the server's body (`idempotency_key_reused`, …) or the sdk's own. */
  readonly code: string;
  /** Seconds to wait before trying again, when the server said so (Retry-After). */
  readonly retryAfter: number | undefined;

  constructor(message: string, options: { status?: number; code?: string; cause?: unknown; retryAfter?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.code = options.code ?? 'error';
    this.retryAfter = options.retryAfter;
  }
}

/** The input (or a response) broke the contract; `issues` name each field and reason. */
export class ValidationError extends RightsError {
  override name = 'ValidationError';
  readonly issues: ErrorIssue[];
  constructor(message: string, issues: ErrorIssue[], options: { status?: number; code?: string } = {}) {
    super(message, { code: 'validation_failed', ...options });
    this.issues = issues;
  }
}

export class NotFoundError extends RightsError {
  override name = 'NotFoundError';
}

/** An idempotency key reused with another body, still in flight, or an illegal case transition. */
export class ConflictError extends RightsError {
  override name = 'ConflictError';
}

export class RateLimitedError extends RightsError {
  override name = 'RateLimitedError';
  /** Seconds to wait before trying again. */
  declare readonly retryAfter: number;
  constructor(message: string, retryAfter: number, options: { status?: number; code?: string } = {}) {
    super(message, { code: 'rate_limited', status: 429, ...options, retryAfter });
  }
}

/** The request never got an answer: offline, DNS, connection reset. */
export class NetworkError extends RightsError {
  override name = 'NetworkError';
}

export class TimeoutError extends RightsError {
  override name = 'TimeoutError';
}

/** The server failed (5xx) or answered something that does not match the contract. */
export class ServerError extends RightsError {
  override name = 'ServerError';
}

/** The request was aborted by the caller (for instance by quick exit). Not retried. */
export class AbortedError extends RightsError {
  override name = 'AbortedError';
}

/** Staff credentials missing, wrong or expired. */
export class UnauthorizedError extends RightsError {
  override name = 'UnauthorizedError';
}

/** Whether trying the same request again may succeed: what the outbox keeps and the request core retries. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof ServerError ||
    error instanceof RateLimitedError ||
    (error instanceof ConflictError && error.code === 'idempotency_key_in_flight')
  );
}
