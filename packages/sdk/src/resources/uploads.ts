import type { RequestOptions, RightsBackend } from '../backend.js';
import type { Upload, UploadInput } from '../contract/evidence.js';
import { RightsError } from '../errors.js';
import { validated } from '../internal/contract.js';

/** What a backend without evidence (Open311, a portal's own API) answers when asked for files. */
export const noEvidence = () => new RightsError('This backend does not take files.', { code: 'not_supported' });

/**
 * Resumable uploads of her evidence (issue #15 item 3), one call per step of the protocol (docs/evidence.md).
 * Most pages want `uploadFile` of `@rights-kit/sdk/uploads`, which chunks, resumes and reports progress.
 */
export class UploadsResource {
  constructor(private readonly backend: RightsBackend) {}

  /** Whether the backend takes files at all (the form and tracker offer none otherwise). */
  get supported(): boolean {
    return this.backend.createUpload !== undefined;
  }

  /** Starts an upload of `size` bytes; the answer's `id` names it in every later call. */
  async create(input: UploadInput, options?: RequestOptions): Promise<Upload> {
    if (!this.backend.createUpload) throw noEvidence();
    return this.backend.createUpload(await validated('UploadInput', input, 'Upload'), options);
  }

  /** Sends `bytes` starting at `offset`; a wrong offset throws ConflictError `offset_mismatch` (ask `status`). */
  async send(id: string, offset: number, bytes: Uint8Array, options?: RequestOptions): Promise<Upload> {
    if (!this.backend.sendUploadChunk) throw noEvidence();
    return this.backend.sendUploadChunk(id, offset, bytes, options);
  }

  /** Where the upload stands. */
  async status(id: string, options?: RequestOptions): Promise<Upload> {
    if (!this.backend.getUpload) throw noEvidence();
    return this.backend.getUpload(id, options);
  }
}
