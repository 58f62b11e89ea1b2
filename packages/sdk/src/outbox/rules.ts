/**
 * The outbox's small rules about errors, connectivity and locks, apart from the outbox itself so each reads alone.
 * Errors are recognised by `name`, so errors from another copy of the sdk count too.
 */
import type { RightsError } from '../errors.js';

export const nameOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : undefined;

/** The server (or the contract) rejected the petition itself: sending it again cannot succeed. */
export function isRejection(error: unknown): error is RightsError {
  const name = nameOf(error);
  return name === 'ValidationError' || (name === 'ConflictError' && (error as RightsError).code !== 'idempotency_key_in_flight');
}

/** The connection is down: later entries would fail the same way. */
export const isConnectivity = (error: unknown) => ['NetworkError', 'TimeoutError', 'AbortedError'].includes(nameOf(error) ?? '');

export const isOffline = () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** Runs `fn` holding the named Web Lock; `undefined` when another context holds it. */
export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (!locks) return fn();
  return locks.request<T | undefined>(name, { ifAvailable: true }, async (lock) => (lock ? fn() : undefined));
}
