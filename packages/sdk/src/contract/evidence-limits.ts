/**
 * The limits and kinds of evidence (issue #15 item 3) as plain constants: no schemas here, so the form, the
 * uploader and the device's checks use them without loading zod (as code-text.ts does for petitions).
 */

/** 1 MiB. */
export const MIB = 1024 * 1024;

/**
 * The limits of evidence, one place for both backends and the form: a file at most 10 MiB, a chunk at most
 * 1 MiB, 5 files with a petition, 10 on a case in all and 50 MiB together; an upload not attached to a case
 * within 24 hours is deleted.
 */
export const EVIDENCE_LIMITS = {
  fileBytes: 10 * MIB,
  chunkBytes: MIB,
  perPetition: 5,
  perCase: 10,
  caseBytes: 50 * MIB,
  uploadTtlSeconds: 24 * 3600,
} as const;

/** The kinds of file the kit accepts, as sniffed from the bytes (never the name or the declared type). */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The issue codes of evidence a UI localises (contract/messages.ts has their words). */
export const EVIDENCE_ERROR_CODES = ['too_large', 'wrong_type', 'too_many', 'location_metadata', 'upload_incomplete'] as const;
export type EvidenceErrorCode = (typeof EVIDENCE_ERROR_CODES)[number];
