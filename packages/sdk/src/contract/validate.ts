import type * as z from 'zod/mini';
import type { ErrorIssue } from './error.js';
import { ValidationError } from '../errors.js';
import { describeIssue, VALIDATION_MESSAGES } from './messages.js';

const isKnownCode = (message: string) => Object.hasOwn(VALIDATION_MESSAGES['en']!, message);

type ZodIssue = z.core.$ZodIssue;

/** Turns zod's issues into the contract's `{ path, code, message, params }`, with codes a UI can localise. */
export function toIssues(issues: readonly ZodIssue[]): ErrorIssue[] {
  return issues.flatMap((issue): ErrorIssue[] => {
    const path = issue.path.map(String).join('.');
    const raw = issue as ZodIssue & { params?: Record<string, string | number>; input?: unknown; keys?: string[]; minimum?: unknown; maximum?: unknown; origin?: string; format?: string };
    if (issue.code === 'unrecognized_keys') {
      return (raw.keys ?? []).map((key) => ({
        path: path ? `${path}.${key}` : key,
        code: 'unknown_field',
        message: `Unknown field "${key}".`,
      }));
    }
    // Custom checks carry their code in `params.code`; built-in checks given `{ error: 'code' }` carry it as the message.
    const fromParams = raw.params?.code ?? (isKnownCode(issue.message) ? issue.message : undefined);
    if (typeof fromParams === 'string') {
      const { code: _c, ...params } = raw.params ?? {};
      return [{ path, code: fromParams, message: englishMessage(fromParams, params), ...(Object.keys(params).length ? { params } : {}) }];
    }
    switch (issue.code) {
      case 'invalid_type':
        if (raw.input === undefined) return [{ path, code: 'required', message: englishMessage('required', {}) }];
        return [{ path, code: 'invalid_type', message: `Expected ${issue.expected}.`, params: { expected: String(issue.expected) } }];
      case 'too_small': {
        const minimum = Number(raw.minimum);
        if (raw.origin === 'string' && minimum === 1) return [{ path, code: 'required', message: englishMessage('required', {}) }];
        return [{ path, code: 'too_small', message: `Must be at least ${minimum}.`, params: { minimum, origin: String(raw.origin) } }];
      }
      case 'too_big': {
        const maximum = Number(raw.maximum);
        const code = raw.origin === 'string' ? 'too_long' : 'too_big';
        return [{ path, code, message: englishMessage(code, { maximum }), params: { maximum } }];
      }
      case 'invalid_format':
        if (raw.format === 'email') return [{ path, code: 'invalid_email', message: englishMessage('invalid_email', {}) }];
        if (raw.format === 'date' || raw.format === 'datetime') return [{ path, code: 'invalid_date', message: englishMessage('invalid_date', {}) }];
        return [{ path, code: 'invalid_format', message: englishMessage('invalid_format', {}) }];
      case 'invalid_value':
        if (path === 'consent') return [{ path, code: 'consent_required', message: englishMessage('consent_required', {}) }];
        return [{ path, code: 'invalid_choice', message: englishMessage('invalid_choice', {}) }];
      case 'invalid_union':
        return [{ path, code: 'invalid_type', message: 'Not a valid value.' }];
      default:
        return [{ path, code: 'invalid', message: issue.message }];
    }
  });
}

export function englishMessage(code: string, params: Record<string, string | number>): string {
  return describeIssue({ code, message: 'Not a valid value.', params }, 'en');
}

/** Parses `data` with `schema` or throws a `ValidationError` naming every field and reason. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, data: unknown, what = 'Request'): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data as z.infer<S>;
  throw new ValidationError(`${what} is not valid.`, toIssues(result.error.issues));
}
