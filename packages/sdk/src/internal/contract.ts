/**
 * The contract's schemas, loaded on first use (issue #21): zod/mini's runtime and the schemas are most of the
 * sdk's weight, and a page needs neither to show its first screen or send its first request — only to check
 * what it sends and what comes back. The client starts the load with its first call, in parallel with the
 * request, and awaits it before the answer is used: an answer is still never used before it is checked, and
 * an input is still checked before anything leaves the device.
 */
import type * as z from 'zod/mini';

type Contract = typeof import('../contract/schemas.js');
/** The names of the contract's schemas (`PetitionInput`, `StationQuery`, …). */
export type SchemaName = { [K in keyof Contract]: Contract[K] extends z.ZodMiniType ? K : never }[keyof Contract];

let loading: Promise<Contract> | undefined;

export const loadContract = (): Promise<Contract> => (loading ??= import('../contract/schemas.js'));

/** Loads the contract, then parses `data` with its schema `name` or throws a `ValidationError` naming every field. */
export async function validated<K extends SchemaName>(name: K, data: unknown, what: string): Promise<z.infer<Contract[K] & z.ZodMiniType>> {
  const contract = await loadContract();
  return contract.parseOrThrow(contract[name] as z.ZodMiniType, data, what) as z.infer<Contract[K] & z.ZodMiniType>;
}
