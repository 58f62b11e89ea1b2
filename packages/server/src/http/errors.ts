import { RightsError, ValidationError, type ErrorBody, type ErrorIssue } from '@rights-kit/sdk';

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

export const validationFailed = (issues: ErrorIssue[], what = 'Request') =>
  new HttpError(400, 'validation_failed', `${what} is not valid.`, issues);

/** The single 404 of a lookup: a wrong code and an unknown reference are told apart by nothing. */
export const caseNotFound = () => new HttpError(404, 'not_found', 'No case matches this reference and access code.');

/**
 * The service throws the sdk's typed errors (the same ones the memory backend throws); this is the one
 * place they become HTTP answers. A RightsError without a status is a bug, answered as a 500 by the caller.
 */
export function httpErrorOf(error: RightsError): HttpError | undefined {
  if (error.status === undefined) return undefined;
  const issues = error instanceof ValidationError && error.issues.length ? error.issues : undefined;
  const headers: Record<string, string> = error.retryAfter !== undefined ? { 'Retry-After': String(error.retryAfter) } : {};
  return new HttpError(error.status, error.code, error.message, issues, headers);
}
