/**
 * Evidence on a case (issue #15 item 3): resumable uploads, her files on the case, and the views of them.
 * The rules (type sniffing, location metadata, limits) are in `logic/evidence.ts`; the protocol is in
 * docs/evidence.md.
 */
import * as z from 'zod/mini';
import { IsoDateTime, inputString, text } from './common.js';

import { EVIDENCE_LIMITS, EVIDENCE_TYPES } from './evidence-limits.js';

export { EVIDENCE_ERROR_CODES, EVIDENCE_LIMITS, EVIDENCE_TYPES, MIB, type EvidenceErrorCode } from './evidence-limits.js';

export const EvidenceType = z.enum(EVIDENCE_TYPES);
export type EvidenceType = z.infer<typeof EvidenceType>;

/** An upload's id: 128 random bits in Crockford base32 (26 characters). */
export const UploadId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'invalid_format' }));

/** Starting an upload: the file's name and exact size; `type` is what the device says, never trusted. */
export const UploadInput = z.strictObject({
  name: text({ min: 1, max: 200 }),
  size: z.number().check(
    z.int(),
    z.gte(1),
    z.refine((n) => n <= EVIDENCE_LIMITS.fileBytes, { params: { code: 'too_large', maximum: EVIDENCE_LIMITS.fileBytes } }),
  ),
  type: z.optional(inputString(100)),
});
export type UploadInput = z.infer<typeof UploadInput>;

/**
 * Where an upload stands: `offset` bytes of `size` received. `complete` once every byte is in and the file
 * passed the server's checks (its sniffed `type` then given); until `expiresAt` it can be attached.
 */
export const Upload = z.object({
  id: z.string(),
  offset: z.number(),
  size: z.number(),
  complete: z.boolean(),
  type: z.optional(EvidenceType),
  expiresAt: IsoDateTime,
});
export type Upload = z.infer<typeof Upload>;

/** The `Upload-Offset` header of a chunk: where its bytes start (a decimal integer). */
export const UploadOffset = z.number().check(z.int(), z.gte(0));

/** Who added a file: she (at intake or from the tracker) or the office. */
export const AttachmentSource = z.enum(['citizen', 'office']);

/** A file on her case as she sees it: its name and size, when it was added. */
export const AttachmentView = z.object({ name: z.string(), size: z.number(), addedAt: IsoDateTime });
export type AttachmentView = z.infer<typeof AttachmentView>;

/** A file on a case as the office sees it; opened through `staffGetAttachment` by `id`. */
export const StaffAttachment = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  type: EvidenceType,
  addedAt: IsoDateTime,
  by: AttachmentSource,
});
export type StaffAttachment = z.infer<typeof StaffAttachment>;

/** The bytes of a file, as `staffGetAttachment` answers them (`application/octet-stream` on the wire for PDFs). */
export const AttachmentBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array);
export type AttachmentBytes = z.infer<typeof AttachmentBytes>;
