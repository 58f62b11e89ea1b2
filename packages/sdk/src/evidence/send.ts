/**
 * Sending a file in chunks that resume (issue #15 item 3): on a slow or broken connection the upload goes on from
 * the byte the server holds instead of starting again.
 *
 * - `POST /uploads` starts it (name and exact size), then `PATCH /uploads/{id}` sends chunks of at most
 *   `EVIDENCE_LIMITS.chunkBytes`, each saying where it starts (`Upload-Offset`).
 * - A chunk that failed in a way trying again may fix (no network, a timeout, a 5xx, a rate limit) is tried again
 *   after a growing pause (0.5 s, 1 s, 2 s… at most 8 s; `retries` failures in a row give up); before trying, the
 *   server is asked where the upload stands (`HEAD`), since the chunk may have arrived even though its answer did not.
 * - A 409 (the server holds another offset than this chunk's) continues from the server's offset.
 * - The `signal` stops everything at once (quick exit): no more chunk leaves.
 */
import { EVIDENCE_LIMITS } from '../logic/evidence.js';
import type { StrippedEvidence } from './strip.js';

/** The three calls of the upload protocol, as the client makes them (`client.uploads`). */
export interface UploadCalls {
  create(input: { name: string; size: number; type?: string }, options: { signal?: AbortSignal }): Promise<{ id: string; offset: number }>;
  append(id: string, bytes: Uint8Array, options: { offset: number; signal?: AbortSignal }): Promise<{ offset: number }>;
  status(id: string, options: { signal?: AbortSignal }): Promise<{ offset: number }>;
}

export interface SendOptions {
  signal?: AbortSignal;
  /** Bytes per chunk (default `EVIDENCE_LIMITS.chunkBytes`). */
  chunkBytes?: number;
  /** Failures in a row before giving up (default 6). */
  retries?: number;
  /** The pause before the n-th retry, in ms (default 500 × 2ⁿ⁻¹, at most 8,000). */
  backoff?: (attempt: number) => number;
  /** The bytes the server holds, after each chunk. */
  onProgress?: (sent: number, size: number) => void;
  /** An upload started before (its id), to go on with. */
  resume?: string;
}

const defaultBackoff = (attempt: number) => Math.min(8000, 500 * 2 ** (attempt - 1));

const nameOf = (error: unknown) => (error as { name?: string } | null)?.name ?? '';
const isAbort = (error: unknown) => nameOf(error) === 'AbortError' || nameOf(error) === 'AbortedError';
const isConflict = (error: unknown) => (error as { status?: number } | null)?.status === 409 || nameOf(error) === 'ConflictError';
/** Worth trying again: no network, a timeout, a 5xx or a rate limit (the sdk's error names and statuses). */
const isTransient = (error: unknown) => {
  const status = (error as { status?: number } | null)?.status;
  return ['NetworkError', 'TimeoutError', 'RateLimitedError', 'ServerError', 'UnavailableError', 'TypeError'].includes(nameOf(error)) || (status !== undefined && (status >= 500 || status === 429));
};

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Sends one stripped file and answers its upload id once the server holds every byte. */
export async function sendEvidence(calls: UploadCalls, file: StrippedEvidence, options: SendOptions = {}): Promise<string> {
  const { signal } = options;
  const chunk = Math.max(1, Math.min(options.chunkBytes ?? EVIDENCE_LIMITS.chunkBytes, EVIDENCE_LIMITS.chunkBytes));
  const retries = options.retries ?? 6;
  const backoff = options.backoff ?? defaultBackoff;
  const size = file.bytes.length;
  let failures = 0;
  let id = options.resume;
  let offset = 0;
  const retry = async (error: unknown) => {
    signal?.throwIfAborted();
    if (isAbort(error)) throw error;
    if (!isTransient(error) || ++failures > retries) throw error;
    await sleep(backoff(failures), signal);
  };
  while (id === undefined) {
    signal?.throwIfAborted();
    try {
      ({ id, offset } = await calls.create({ name: file.name, size, type: file.type }, { signal }));
    } catch (error) {
      await retry(error);
    }
  }
  if (options.resume !== undefined) offset = (await calls.status(id, { signal })).offset;
  options.onProgress?.(offset, size);
  while (offset < size) {
    signal?.throwIfAborted();
    try {
      ({ offset } = await calls.append(id, file.bytes.subarray(offset, Math.min(size, offset + chunk)), { offset, signal }));
      failures = 0;
    } catch (error) {
      if (!isConflict(error)) await retry(error);
      else if (++failures > retries) throw error;
      // Where does the server stand? (A 409 says so; after a failure the chunk may have arrived all the same.)
      for (;;) {
        try {
          ({ offset } = await calls.status(id, { signal }));
          break;
        } catch (statusError) {
          await retry(statusError);
        }
      }
    }
    options.onProgress?.(offset, size);
  }
  return id;
}
