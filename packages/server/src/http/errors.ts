import {
  ERROR_STATUS,
  RateLimitedError,
  RightsError,
  UnauthorizedError,
  ValidationError,
  type ErrorBody,
  type ErrorCode,
  type ErrorIssue,
} from '@rights-kit/sdk';

/** An answer other than success, shaped `{ error: { code, message, issues? } }` by the error handler. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** An HttpError whose status comes from the operation table's one `ERROR_STATUS` map. */
export const httpError = (code: ErrorCode, message: string, issues?: ErrorIssue[], headers?: Record<string, string>) =>
  new HttpError(ERROR_STATUS[code], code, message, issues, headers);

export const validationFailed = (issues: ErrorIssue[], what = 'Request') => httpError('validation_failed', `${what} is not valid.`, issues);

/** The single 404 of a lookup: a wrong code and an unknown reference are told apart by nothing. */
export const caseNotFound = () => httpError('not_found', 'No case matches this reference and access code.');

export const WWW_AUTHENTICATE = 'Bearer realm="rights-kit"';

const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_STATUS, code);

/**
 * The one place where an error becomes an HTTP answer: an HttpError as it is, an sdk typed error (what the
 * service layer throws) by its code through `ERROR_STATUS`, with the headers its status needs; anything
 * else is undefined (a bug: the caller answers 500 without echoing anything).
 */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (!(error instanceof RightsError) || !isErrorCode(error.code)) return undefined;
  const issues = error instanceof ValidationError ? error.issues : undefined;
  const headers: Record<string, string> = {};
  if (error instanceof RateLimitedError || error.retryAfter !== undefined) headers['Retry-After'] = String(Math.max(1, Math.ceil(error.retryAfter ?? 1)));
  else if (error.code === 'idempotency_key_in_flight') headers['Retry-After'] = '1';
  if (error instanceof UnauthorizedError) headers['WWW-Authenticate'] = WWW_AUTHENTICATE;
  // A chunk at the wrong offset says where the upload stands (logic/evidence.ts `offsetMismatch`).
  const offset = (error as { offset?: unknown }).offset;
  if (error.code === 'offset_mismatch' && typeof offset === 'number') headers['Upload-Offset'] = String(offset);
  return httpError(error.code, error.message, issues, headers);
}
