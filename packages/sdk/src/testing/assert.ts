/** The contract suite's small assertions (the sdk build has no node types, so no node:assert). */

export class ContractAssertionError extends Error {
  override name = 'ContractAssertionError';
}

export function show(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(sort(value));
}

/** An error as the suite inspects it. */
export type ObservedError = Error & { code?: string; issues?: { path: string; code: string; message: string }[] };

export interface ContractAssert {
  ok(condition: unknown, message: string): asserts condition;
  equal<T>(actual: T, expected: T, message: string): void;
  deepEqual(actual: unknown, expected: unknown, message: string): void;
  match(actual: string, pattern: RegExp, message: string): void;
  rejects(promise: Promise<unknown>, name: string, message: string): Promise<ObservedError>;
}

/** Small assertions that throw `ContractAssertionError`; usable with any test runner. */
export const assert: ContractAssert = {
  ok(condition: unknown, message: string): asserts condition {
    if (!condition) throw new ContractAssertionError(message);
  },
  equal<T>(actual: T, expected: T, message: string): void {
    if (!Object.is(actual, expected)) throw new ContractAssertionError(`${message}: expected ${show(expected)}, got ${show(actual)}`);
  },
  deepEqual(actual: unknown, expected: unknown, message: string): void {
    if (canonical(actual) !== canonical(expected)) {
      throw new ContractAssertionError(`${message}:\n  expected ${canonical(expected)}\n  got      ${canonical(actual)}`);
    }
  },
  match(actual: string, pattern: RegExp, message: string): void {
    if (!pattern.test(actual)) throw new ContractAssertionError(`${message}: ${show(actual)} does not match ${pattern}`);
  },
  /** Awaits `promise`, expects it to reject with an error named `name` (checked by name, so it works across bundles), returns the error. */
  async rejects(promise: Promise<unknown>, name: string, message: string): Promise<ObservedError> {
    let result: unknown;
    try {
      result = await promise;
    } catch (error) {
      const got = error instanceof Error ? error.name : typeof error;
      if (got !== name) throw new ContractAssertionError(`${message}: expected ${name}, got ${got} (${error instanceof Error ? error.message : show(error)})`);
      return error as ObservedError;
    }
    throw new ContractAssertionError(`${message}: expected ${name}, but it resolved with ${show(result)}`);
  },
};

