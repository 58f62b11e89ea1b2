/**
 * Evidence (issue #15 item 3): resumable uploads (tus-like: create, send chunks at an offset, ask where it
 * stands), her file added to her case from the tracker, and the office's download. docs/evidence.md tells the
 * protocol in words.
 */
import * as z from 'zod/mini';
import { CaseView } from '../case.js';
import { AttachmentBytes, EVIDENCE_LIMITS, Upload, UploadId, UploadInput, UploadOffset } from '../evidence.js';
import { CaseAttachmentInput } from '../message.js';
import { Reference } from '../petition.js';
import { BODY_ERRORS, COMMON_ERRORS, NO_STORE, defineOperation, type Check } from './define.js';
import { PROOF_CHECKS, TEXT_CHECKS } from './public.js';

const uploadId = {
  name: 'id',
  description: 'The upload\'s id (`createUpload`): 26 characters of Crockford base32. A malformed id is answered like an unknown one (404).',
  schema: UploadId as z.ZodMiniType<string>,
};

const offsetHeader = [{ name: 'Upload-Offset', description: 'Where the upload stands: the bytes received so far.' }] as const;

/** The file checks made once its last byte is in. */
const FILE_CHECKS: readonly Check[] = [
  { path: 'file', codes: ['wrong_type'], rule: 'The bytes are a JPEG, PNG, HEIC/HEIF or PDF (sniffed from the bytes; the name and the declared type are not trusted).' },
  { path: 'file', codes: ['location_metadata'], rule: 'The file holds no location: no Exif GPS IFD, no HEIF Exif item, no XMP mentioning GPS.' },
];

export const createUpload = defineOperation({
  id: 'createUpload',
  method: 'POST',
  path: '/uploads',
  tag: 'petitions',
  summary: 'Start a resumable upload of one file (a photo or a PDF)',
  description:
    `Answers the upload's id, offset 0 and when it expires (${EVIDENCE_LIMITS.uploadTtlSeconds / 3600} hours; attached to a case it stays with the case). ` +
    `A file is at most ${EVIDENCE_LIMITS.fileBytes} bytes; \`type\` is what the device says and is never trusted. Then send the bytes with ` +
    'sendUploadChunk. Uploads are counted per client address (429 past the limit).',
  body: { schema: UploadInput, name: 'UploadInput', example: { name: 'photo.jpg', size: 245760, type: 'image/jpeg' } },
  answer: { status: 201, description: 'The upload, at offset 0.', schema: Upload, name: 'Upload', headers: offsetHeader },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'rate_limited'],
  security: 'none',
  cache: NO_STORE,
  lazyWire: true,
  checks: [...TEXT_CHECKS, { path: 'size', codes: ['too_large'], rule: `At most ${EVIDENCE_LIMITS.fileBytes} bytes (EVIDENCE_LIMITS.fileBytes).` }],
});

export const sendUploadChunk = defineOperation({
  id: 'sendUploadChunk',
  method: 'PATCH',
  path: '/uploads/{id}',
  tag: 'petitions',
  summary: 'Send the next bytes of an upload at its offset',
  description:
    `The body is the bytes (\`application/offset+octet-stream\`, at most ${EVIDENCE_LIMITS.chunkBytes} bytes) that start at \`Upload-Offset\`. ` +
    'Answers where the upload now stands (also as the `Upload-Offset` header). An offset other than the upload\'s is 409 `offset_mismatch` ' +
    'with the current offset in `Upload-Offset`: the client resumes from there — so a chunk sent again after a lost answer is harmless. ' +
    'With the last byte the server checks the whole file: a JPEG, PNG, HEIC or PDF with no location metadata is `complete`; any other is ' +
    'refused (422 `file_refused`, issue at `file`) and its bytes deleted.',
  pathParams: [uploadId],
  headers: [{ name: 'Upload-Offset', key: 'offset', description: 'Where these bytes start in the file (a decimal integer).', schema: UploadOffset, example: 0 }],
  bytesBody: { mediaType: 'application/offset+octet-stream', maxBytes: EVIDENCE_LIMITS.chunkBytes, description: 'The next bytes of the file.' },
  answer: { status: 200, description: 'Where the upload stands now.', schema: Upload, name: 'Upload', headers: offsetHeader },
  errors: [...COMMON_ERRORS, 'not_found', 'offset_mismatch', 'file_refused', 'payload_too_large', 'unsupported_media_type', 'validation_failed'],
  safeToRepeat: true,
  security: 'none',
  cache: NO_STORE,
  lazyWire: true,
  checks: [
    ...FILE_CHECKS,
    { path: 'body', codes: ['too_large'], rule: 'The bytes end within the declared size.' },
    { path: 'Upload-Offset', codes: ['required', 'invalid_type', 'too_small'], rule: 'A non-negative decimal integer.' },
  ],
});

export const getUpload = defineOperation({
  id: 'getUpload',
  method: 'GET',
  path: '/uploads/{id}',
  tag: 'petitions',
  summary: 'Where an upload stands (to resume it)',
  description: 'The upload\'s offset (also in `Upload-Offset`; HEAD answers the header alone), and whether it is complete. An unknown, expired or refused upload is 404.',
  pathParams: [uploadId],
  answer: { status: 200, description: 'The upload.', schema: Upload, name: 'Upload', headers: offsetHeader },
  errors: [...COMMON_ERRORS, 'not_found', 'validation_failed'],
  security: 'none',
  cache: NO_STORE,
  lazyWire: true,
});

export const addCaseAttachment = defineOperation({
  id: 'addCaseAttachment',
  method: 'POST',
  path: '/cases/attachments',
  tag: 'cases',
  summary: 'Add a file to her case from the tracker',
  description:
    'With her reference and her access code or read credential (proved as a lookup is: same limits, the same 404), the citizen attaches a ' +
    `complete upload to her case (at most ${EVIDENCE_LIMITS.perCase} files and ${EVIDENCE_LIMITS.caseBytes} bytes on a case). It appears in her ` +
    'timeline as a message of kind `evidence` (name and size), in the office\'s case, and in the audit (`attachment_added`). A closed case takes no ' +
    'more (409). Attaching the same upload again is refused (`invalid_choice`), so a retry never adds it twice.',
  body: { schema: CaseAttachmentInput, name: 'CaseAttachmentInput', example: { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9-M2XPA', uploadId: '01J9Z3K6Q8T2W4Y6A8C0E2G4J6' } },
  answer: { status: 200, description: 'The case as she sees it, the file in it.', schema: CaseView, name: 'CaseView' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'not_found', 'rate_limited', 'illegal_transition'],
  security: 'none',
  cache: NO_STORE,
  lazyWire: true,
  checks: [
    ...PROOF_CHECKS,
    { path: 'uploadId', codes: ['invalid_choice', 'upload_incomplete'], rule: 'A complete upload, not expired and attached to no case.' },
    { path: 'uploadId', codes: ['too_many', 'too_large'], rule: `The case then holds at most ${EVIDENCE_LIMITS.perCase} files and ${EVIDENCE_LIMITS.caseBytes} bytes.` },
  ],
});

export const staffGetAttachment = defineOperation({
  id: 'staffGetAttachment',
  method: 'GET',
  path: '/staff/cases/{reference}/attachments/{id}',
  tag: 'staff',
  summary: 'Download one of her files',
  description:
    'The file\'s bytes, always as a download: `Content-Disposition: attachment` with its name, `X-Content-Type-Options: nosniff`, ' +
    '`Content-Security-Policy: sandbox; default-src \'none\'`, `Cache-Control: no-store`; a PDF comes as `application/octet-stream` so no browser ' +
    'renders it inline. Each download is written to the audit (`attachment_viewed`). A case beyond her scope, or a file not on it, is 404.',
  pathParams: [
    { name: 'reference', description: 'The case reference, e.g. `RK-2026-7K3Q9M`. A malformed reference is answered like an unknown one (404).', schema: Reference as z.ZodMiniType<string> },
    { name: 'id', description: 'The file\'s id (StaffCase.attachments[].id).', schema: UploadId as z.ZodMiniType<string> },
  ],
  answer: {
    status: 200,
    description: 'The file.',
    schema: AttachmentBytes,
    name: 'AttachmentBytes',
    bytes: ['image/jpeg', 'image/png', 'image/heic', 'application/octet-stream'],
  },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', 'not_found', 'validation_failed'],
  security: 'staff',
  permission: 'cases.evidence.read',
  cache: NO_STORE,
  lazyWire: true,
});

