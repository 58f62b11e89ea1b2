import * as z from 'zod/mini';

export const ErrorIssue = z.object({
  /** Dotted path of the field, e.g. `contact.phone`. Empty for the body as a whole. */
  path: z.string(),
  /** Stable machine code (`required`, `too_long`, `invalid_phone`, …) that a UI localises. */
  code: z.string(),
  /** The reason in English, for developers and logs. */
  message: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** The error body of every HTTP API response with a 4xx or 5xx status. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(ErrorIssue)),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
