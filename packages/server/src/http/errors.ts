import type { ErrorBody, ErrorIssue } from '@rights-kit/sdk';

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
