/**
 * `@rights-kit/sdk/evidence`: her files made safe on the device and sent in chunks that resume (issue #15 item 3).
 * Browser-only (it decodes photos with `createImageBitmap`); load it with `import()` when she chooses a file.
 */
export { blankPdfMetadata, checkCount, EvidenceRefusal, stripEvidence, type EvidenceRefusalCode, type StripOptions, type StrippedEvidence } from './strip.js';
export { sendEvidence, type SendOptions, type UploadCalls } from './send.js';
export { EVIDENCE_LIMITS, type EvidenceType } from '../logic/evidence.js';
