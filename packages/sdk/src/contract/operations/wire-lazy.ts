// Written by `npm run generate:wire` from the operation table (wire-of.ts says why); do not edit by hand.
import type { WireOperation } from './wire-of.js';

export const WIRE_LAZY = {
  createUpload: { method: 'POST', path: '/uploads', body: true, answer: 'Upload' },
  sendUploadChunk: { method: 'PATCH', path: '/uploads/{id}', bytes: 'application/offset+octet-stream', headers: [['Upload-Offset', 'offset']], safeToRepeat: true, answer: 'Upload' },
  getUpload: { method: 'GET', path: '/uploads/{id}', answer: 'Upload' },
  addCaseAttachment: { method: 'POST', path: '/cases/attachments', body: true, answer: 'CaseView' },
  staffGetAttachment: { method: 'GET', path: '/staff/cases/{reference}/attachments/{id}', binary: true, staff: true, answer: 'AttachmentBytes' },
} as const satisfies Record<string, WireOperation>;
