/**
 * `@rights-kit/sdk/uploads` — sending one of her files over a slow or broken connection (issue #15 item 3):
 * `uploadFile` starts a resumable upload, sends it in chunks at their offsets, and after a dropped connection
 * or a lost answer asks where the upload stands and goes on from there — never from the start, never twice.
 * With it, the rules a device checks a file with before any byte leaves it (`sniffType`,
 * `findLocationMetadata`, the limits). Its own entry so a page that sends no files downloads none of this.
 */
import type { RightsClient } from '../client.js';
import type { Upload } from '../contract/evidence.js';
import { EVIDENCE_LIMITS } from '../contract/evidence-limits.js';
import { AbortedError, ConflictError, NetworkError, RightsError, TimeoutError } from '../errors.js';

export { EVIDENCE_ERROR_CODES, EVIDENCE_LIMITS, EVIDENCE_TYPES, MIB, type EvidenceErrorCode, type EvidenceType } from '../contract/evidence-limits.js';
export { findLocationMetadata, sniffType, type LocationReason } from '../logic/evidence.js';

export interface UploadFileOptions {
  /** The file's name as she knows it (shown to her and to the office; never a path). */
  name: string;
  /** What the device says the file is; the server sniffs the bytes and does not trust it. */
  type?: string;
  /** Aborts the upload (quick exit aborts every request of the kit as well). */
  signal?: AbortSignal;
  /** Called once the upload exists, with its id: keep it (in memory) to resume after an abort or a reload of the page's state. */
  onStart?: (upload: Upload) => void;
  /** Called after each chunk with the bytes the server holds. */
  onProgress?: (sent: number, size: number) => void;
  /** Resume this upload (its id) instead of starting a new one. */
  uploadId?: string;
  /** Bytes per chunk; at most (and by default) `EVIDENCE_LIMITS.chunkBytes`. */
  chunkBytes?: number;
  /** Failed attempts in a row without progress before giving up (default 6). */
  maxStalls?: number;
  /** @internal Waits between attempts (tests). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** A failure worth asking the server where the upload stands and trying again. */
const resumable = (error: unknown) =>
  error instanceof NetworkError ||
  error instanceof TimeoutError ||
  (error instanceof ConflictError && error.code === 'offset_mismatch') ||
  (error instanceof RightsError && [408, 429, 500, 502, 503, 504].includes(error.status ?? 0));

/**
 * Sends `file` (bytes, or a Blob read a chunk at a time) and answers the complete upload: its `id` goes in the
 * petition's `attachments` or `client.cases.addAttachment`. A refused file (wrong type, location metadata)
 * throws the server's ValidationError (code `file_refused`, issue at `file`); an abort throws AbortedError.
 * Nothing of the file is kept anywhere by this function.
 */
export async function uploadFile(client: RightsClient, file: Uint8Array | Blob, options: UploadFileOptions): Promise<Upload> {
  const size = file instanceof Uint8Array ? file.byteLength : file.size;
  const chunk = Math.max(1, Math.min(options.chunkBytes ?? EVIDENCE_LIMITS.chunkBytes, EVIDENCE_LIMITS.chunkBytes));
  const sleep = options.sleep ?? defaultSleep;
  const maxStalls = options.maxStalls ?? 6;
  const signal = options.signal;
  const read = async (start: number, end: number) =>
    file instanceof Uint8Array ? file.subarray(start, end) : new Uint8Array(await file.slice(start, end).arrayBuffer());
  const checkAbort = () => {
    if (signal?.aborted) throw new AbortedError('The upload was aborted.', { code: 'aborted', cause: signal.reason });
  };

  let upload = options.uploadId
    ? await client.uploads.status(options.uploadId, { ...(signal ? { signal } : {}) })
    : await client.uploads.create({ name: options.name, size, ...(options.type ? { type: options.type } : {}) }, { ...(signal ? { signal } : {}) });
  let stalls = 0;
  options.onStart?.(upload);
  options.onProgress?.(upload.offset, size);
  while (!upload.complete) {
    checkAbort();
    const from = upload.offset;
    try {
      upload = await client.uploads.send(upload.id, from, await read(from, Math.min(size, from + chunk)), { ...(signal ? { signal } : {}) });
      stalls = 0;
      options.onProgress?.(upload.offset, size);
    } catch (error) {
      if (!resumable(error) || ++stalls > maxStalls) throw error;
      // Wait a little longer each time, then ask where it stands: the chunk may have arrived although its answer did not.
      await sleep(Math.min(10_000, 500 * 2 ** (stalls - 1)), signal);
      checkAbort();
      try {
        upload = await client.uploads.status(upload.id, { ...(signal ? { signal } : {}) });
      } catch (statusError) {
        if (!resumable(statusError)) throw statusError;
      }
    }
  }
  return upload;
}
