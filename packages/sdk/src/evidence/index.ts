/**
 * `@rights-kit/sdk/evidence`: her files made safe on the device before any byte leaves it (issue #15 item 3); send
 * them with `uploadFile` of `@rights-kit/sdk/uploads`. Browser-only (it decodes photos with `createImageBitmap`);
 * load it with `import()` when she chooses a file.
 */
export { blankPdfMetadata, checkCount, EvidenceRefusal, stripEvidence, type EvidenceRefusalCode, type StripOptions, type StrippedEvidence } from './strip.js';
export { EVIDENCE_LIMITS, type EvidenceType } from '../contract/evidence-limits.js';
