/**
 * The rules of evidence (issue #15 item 3), written once for the device, the memory backend and the server:
 * what kind of file the bytes are (`sniffType`), whether they still say where she is (`findLocationMetadata`),
 * the limits, and what a chunk, a finished upload and an attachment may do. Pure: no DOM, no Node; bytes in,
 * a decision out. The evidence-client strips metadata on the device; the server checks again with these.
 */
import type { AuditEntry, CaseMessage, CaseStatus } from '../contract/case.js';
import type { ErrorIssue } from '../contract/error.js';
import type { StaffAttachment } from '../contract/evidence.js';
import { EVIDENCE_LIMITS, type EvidenceType } from '../contract/evidence-limits.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { CITIZEN_ACTOR } from './case-rules.js';

export { EVIDENCE_ERROR_CODES, EVIDENCE_LIMITS, EVIDENCE_TYPES, MIB, type EvidenceErrorCode } from '../contract/evidence-limits.js';

// The citizen's audit actor (case-rules.ts), written here so the device's rules load no schema.
const CITIZEN: typeof CITIZEN_ACTOR = 'citizen';

/** Why a file is taken to say where she is: the metadata found (`findLocationMetadata`). */
export type LocationReason = 'exif_gps' | 'xmp_gps' | 'heif_exif' | 'unreadable_metadata';

const ascii = (bytes: Uint8Array, start: number, length: number): string => {
  let s = '';
  for (let i = start; i < start + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

const u16 = (b: Uint8Array, i: number, little = false) => (little ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
const u32 = (b: Uint8Array, i: number, little = false) =>
  little ? (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0 : ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_GENERIC = new Set(['mif1', 'msf1']);

/**
 * The kind of file the bytes are, from their first bytes only: JPEG (`FF D8 FF`), PNG (its 8-byte signature),
 * HEIC/HEIF (an ISO-BMFF `ftyp` box with a HEIF brand) and PDF (`%PDF-`). Anything else — SVG, HTML, a zip, an
 * AVIF, a text file named `.jpg` — is undefined: refused as `wrong_type`.
 */
export function sniffType(bytes: Uint8Array): EvidenceType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (bytes.length >= 16 && ascii(bytes, 4, 4) === 'ftyp') {
    const size = u32(bytes, 0);
    const major = ascii(bytes, 8, 4);
    if (HEIF_BRANDS.has(major)) return 'image/heic';
    if (HEIF_GENERIC.has(major)) {
      // A generic image-file brand: HEIF only when a compatible brand says HEVC (AVIF says `avif`).
      const end = Math.min(bytes.length, size >= 16 ? size : bytes.length);
      const compatible = new Set<string>();
      for (let i = 16; i + 4 <= end; i += 4) compatible.add(ascii(bytes, i, 4));
      if ([...compatible].some((b) => HEIF_BRANDS.has(b)) && !compatible.has('avif') && !compatible.has('avis')) return 'image/heic';
    }
  }
  return undefined;
}

/** Whether a TIFF structure (the body of an Exif block) has a GPS IFD pointer (tag 0x8825) in IFD0; undefined when unreadable. */
function tiffHasGps(b: Uint8Array, start: number, end: number): boolean | undefined {
  if (end - start < 8) return undefined;
  const order = ascii(b, start, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  if (u16(b, start + 2, little) !== 42) return undefined;
  const ifd = start + u32(b, start + 4, little);
  if (ifd + 2 > end || ifd < start + 8) return undefined;
  const count = u16(b, ifd, little);
  if (ifd + 2 + count * 12 > end) return undefined;
  for (let i = 0; i < count; i++) if (u16(b, ifd + 2 + i * 12, little) === 0x8825) return true;
  return false;
}

/** Every XMP packet of the file (JPEG APP1, PNG iTXt, HEIF `mime` item, PDF metadata stream: all are plain XML when uncompressed). */
function xmpHasGps(bytes: Uint8Array): boolean {
  // Latin-1 keeps one character per byte, so positions stay byte positions and nothing can fail to decode.
  const text = ascii(bytes, 0, bytes.length);
  for (let at = text.indexOf('<x:xmpmeta'); at !== -1; at = text.indexOf('<x:xmpmeta', at + 1)) {
    const close = text.indexOf('</x:xmpmeta>', at);
    const packet = text.slice(at, close === -1 ? text.length : close);
    if (/GPS/.test(packet)) return true;
  }
  for (let at = text.indexOf('<rdf:RDF'); at !== -1; at = text.indexOf('<rdf:RDF', at + 1)) {
    const close = text.indexOf('</rdf:RDF>', at);
    if (/GPS/.test(text.slice(at, close === -1 ? text.length : close))) return true;
  }
  return false;
}

function jpegLocation(b: Uint8Array): LocationReason | undefined {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return 'unreadable_metadata';
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // the image data starts: no metadata after it is read by viewers
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = u16(b, i + 2);
    const start = i + 4;
    const end = i + 2 + length;
    if (length < 2 || end > b.length) return 'unreadable_metadata';
    if (marker === 0xe1 && ascii(b, start, 6) === 'Exif\0\0') {
      const gps = tiffHasGps(b, start + 6, end);
      if (gps === undefined) return 'unreadable_metadata';
      if (gps) return 'exif_gps';
    }
    i = end;
  }
  return undefined;
}

function pngLocation(b: Uint8Array): LocationReason | undefined {
  for (let i = 8; i + 12 <= b.length; ) {
    const length = u32(b, i);
    const type = ascii(b, i + 4, 4);
    const start = i + 8;
    const end = start + length;
    if (end + 4 > b.length) return 'unreadable_metadata';
    if (type === 'eXIf') {
      const gps = tiffHasGps(b, start, end);
      if (gps === undefined) return 'unreadable_metadata';
      if (gps) return 'exif_gps';
    }
    if (type === 'iTXt' || type === 'zTXt') {
      const keywordEnd = b.indexOf(0, start);
      const keyword = ascii(b, start, Math.max(0, keywordEnd - start));
      // A compressed text chunk cannot be read here (no inflate in a pure rule): one that may hold XMP or a raw
      // Exif profile is refused rather than let through unread.
      const compressed = type === 'zTXt' || b[keywordEnd + 1] === 1;
      if (compressed && /xmp|exif|app1/i.test(keyword)) return 'unreadable_metadata';
    }
    if (type === 'IEND') return undefined;
    i = end + 4;
  }
  return undefined;
}

/** Walks ISO-BMFF boxes in [start, end), calling `visit(type, bodyStart, boxEnd)`; false when the structure is broken. */
function boxes(b: Uint8Array, start: number, end: number, visit: (type: string, body: number, boxEnd: number) => boolean | void): boolean {
  for (let i = start; i + 8 <= end; ) {
    let size = u32(b, i);
    const type = ascii(b, i + 4, 4);
    let body = i + 8;
    if (size === 1) {
      if (i + 16 > end || u32(b, i + 8) !== 0) return false;
      size = u32(b, i + 12);
      body = i + 16;
    } else if (size === 0) size = end - i;
    if (size < body - i || i + size > end) return false;
    if (visit(type, body, i + size) === true) return true;
    i += size;
  }
  return true;
}

function heifLocation(b: Uint8Array): LocationReason | undefined {
  let exif = false;
  let broken = false;
  const walk = (start: number, end: number, visit: (type: string, body: number, boxEnd: number) => void) => {
    if (!boxes(b, start, end, (type, body, boxEnd) => void visit(type, body, boxEnd))) broken = true;
  };
  walk(0, b.length, (type, body, end) => {
    if (type !== 'meta') return;
    // meta is a FullBox: 4 bytes of version and flags, then boxes.
    walk(body + 4, end, (t, ib, ie) => {
      if (t !== 'iinf') return;
      walk(ib + 4 + (b[ib] === 0 ? 2 : 4), ie, (et, eb) => {
        const v = b[eb]!;
        // infe version 2 or 3: item_ID (16 or 32 bits), protection index (16 bits), then the item type.
        if (et === 'infe' && v >= 2 && ascii(b, eb + 4 + (v === 2 ? 2 : 4) + 2, 4) === 'Exif') exif = true;
      });
    });
  });
  return exif ? 'heif_exif' : broken ? 'unreadable_metadata' : undefined;
}

/**
 * Whether the file still says where it was made, and how: a JPEG's Exif with a GPS IFD (tag 0x8825), a PNG's
 * `eXIf` chunk with one, a HEIC's Exif item (any: its GPS cannot be told apart without decoding the item), or
 * any XMP packet mentioning GPS (`exif:GPSLatitude`…). Metadata too broken to read is refused too
 * (`unreadable_metadata`): a file the server cannot check is not a file it can promise holds no location.
 * Undefined: nothing found.
 */
export function findLocationMetadata(bytes: Uint8Array): LocationReason | undefined {
  const type = sniffType(bytes);
  const structural = type === 'image/jpeg' ? jpegLocation(bytes) : type === 'image/png' ? pngLocation(bytes) : type === 'image/heic' ? heifLocation(bytes) : undefined;
  if (structural) return structural;
  return xmpHasGps(bytes) ? 'xmp_gps' : undefined;
}

/** A refusal of the file itself (422 `file_refused`, issue at `file`): the bytes are deleted and nothing is kept. */
export function fileRefused(code: 'wrong_type' | 'location_metadata', message: string): ValidationError {
  return new ValidationError('The file was refused.', [{ path: 'file', code, message }], { status: 422, code: 'file_refused' });
}

/** The whole file once its last byte is in: its sniffed type, or a refusal (wrong type, location metadata). */
export function checkFile(bytes: Uint8Array): EvidenceType {
  const type = sniffType(bytes);
  if (!type) throw fileRefused('wrong_type', 'Only photos (JPEG, PNG, HEIC) and PDF documents can be sent.');
  const location = findLocationMetadata(bytes);
  if (location) throw fileRefused('location_metadata', `The file still holds location data (${location}); remove it and send it again.`);
  return type;
}

/** What the rules need to know of a stored upload. */
export interface UploadState {
  offset: number;
  size: number;
  complete: boolean;
  /** The case it was attached to, if any. */
  caseReference?: string | undefined;
  expiresAt: string;
}

/** The 409 of a chunk sent at the wrong offset; `offset` is where the upload stands (the client resumes from it). */
export function offsetMismatch(offset: number): ConflictError & { offset: number } {
  return Object.assign(new ConflictError(`The upload is at offset ${offset}; send from there.`, { status: 409, code: 'offset_mismatch' }), { offset });
}

/** When an upload started now expires. */
export function uploadExpiry(now: Date): string {
  return new Date(now.getTime() + EVIDENCE_LIMITS.uploadTtlSeconds * 1000).toISOString();
}

/** Whether the upload is past its time and not attached: answered as unknown, and swept. */
export function uploadExpired(u: UploadState, now: Date): boolean {
  return u.caseReference === undefined && Date.parse(u.expiresAt) <= now.getTime();
}

/**
 * A chunk of `length` bytes at `offset`: where the upload then stands and whether that was its last byte.
 * A finished upload takes no more; a wrong offset is 409 `offset_mismatch` (a chunk re-sent after a lost
 * answer lands here, harmlessly); bytes beyond the declared size are refused and nothing is written.
 */
export function planChunk(u: UploadState, offset: number, length: number): { offset: number; last: boolean } {
  if (u.complete || offset !== u.offset) throw offsetMismatch(u.offset);
  if (length > EVIDENCE_LIMITS.chunkBytes) {
    throw new ValidationError('The chunk is too large.', [{ path: 'body', code: 'too_large', message: `A chunk is at most ${EVIDENCE_LIMITS.chunkBytes} bytes.`, params: { maximum: EVIDENCE_LIMITS.chunkBytes } }], { status: 400, code: 'validation_failed' });
  }
  if (offset + length > u.size) {
    throw new ValidationError('The chunk goes past the end of the file.', [{ path: 'body', code: 'too_large', message: `The file was declared ${u.size} bytes.`, params: { maximum: u.size - offset } }], { status: 400, code: 'validation_failed' });
  }
  const next = offset + length;
  return { offset: next, last: next === u.size };
}

/** An unknown upload id: the same answer as one that expired or was refused. */
export function uploadNotFound(): NotFoundError {
  return new NotFoundError('No upload has this id (it may have expired).', { status: 404, code: 'not_found' });
}

/**
 * The uploads a petition names (`attachments`): at most 5, each once, each a complete upload not attached to
 * any case. An unknown, expired or already attached id gets the same `invalid_choice` (no one learns whose an
 * upload is); one still arriving gets `upload_incomplete`. Issues under `pathPrefix` (`petition.` for staff).
 */
export function attachmentIssues(ids: readonly string[] | undefined, uploads: ReadonlyMap<string, UploadState>, now: Date, pathPrefix = ''): ErrorIssue[] {
  if (!ids?.length) return [];
  const issues: ErrorIssue[] = [];
  if (ids.length > EVIDENCE_LIMITS.perPetition) {
    issues.push({ path: `${pathPrefix}attachments`, code: 'too_many', message: `At most ${EVIDENCE_LIMITS.perPetition} files with a petition.`, params: { maximum: EVIDENCE_LIMITS.perPetition } });
  }
  let bytes = 0;
  ids.forEach((id, i) => {
    const path = `${pathPrefix}attachments.${i}`;
    const u = uploads.get(id);
    if (ids.indexOf(id) !== i) issues.push({ path, code: 'duplicate', message: 'This file is named twice.' });
    else if (!u || u.caseReference !== undefined || uploadExpired(u, now)) issues.push({ path, code: 'invalid_choice', message: 'No upload with this id can be attached.' });
    else if (!u.complete) issues.push({ path, code: 'upload_incomplete', message: 'This file has not finished uploading.' });
    else bytes += u.size;
  });
  if (bytes > EVIDENCE_LIMITS.caseBytes) {
    issues.push({ path: `${pathPrefix}attachments`, code: 'too_large', message: `The files together are at most ${EVIDENCE_LIMITS.caseBytes} bytes.`, params: { maximum: EVIDENCE_LIMITS.caseBytes } });
  }
  return issues;
}

/** What a case's attachments are, for the limits. */
export interface AttachmentsState {
  status: CaseStatus;
  attachments?: readonly Pick<StaffAttachment, 'size'>[];
  messages?: readonly CaseMessage[];
}

/** What adding a file to her case later writes: the attachment, a message in her timeline ("她补充了材料"), the audit. */
export interface AttachmentPlan {
  attachment: StaffAttachment;
  message: CaseMessage;
  audit: AuditEntry;
  updatedAt: string;
}

/**
 * Her file added from the tracker: the case open (a closed case takes nothing more: 409, as a message), the
 * upload one she may attach (`attachmentIssues`), at most 10 files and 50 MiB on the case. The file appears
 * in her timeline as a message of kind `evidence` (its name and size; no text) and in the audit by number.
 */
export function planCaseAttachment(
  c: AttachmentsState,
  uploadId: string,
  upload: (UploadState & { name: string; type?: EvidenceType | undefined }) | undefined,
  at: string,
  now: Date,
): AttachmentPlan {
  if (c.status === 'closed') throw new ConflictError('The case is closed; it takes no more files.', { status: 409, code: 'illegal_transition' });
  const issues = attachmentIssues([uploadId], new Map(upload ? [[uploadId, upload]] : []), now).map((i) => ({ ...i, path: 'uploadId' }));
  const count = c.attachments?.length ?? 0;
  const bytes = (c.attachments ?? []).reduce((sum, a) => sum + a.size, 0);
  if (!issues.length && count + 1 > EVIDENCE_LIMITS.perCase) {
    issues.push({ path: 'uploadId', code: 'too_many', message: `A case holds at most ${EVIDENCE_LIMITS.perCase} files.`, params: { maximum: EVIDENCE_LIMITS.perCase } });
  } else if (!issues.length && bytes + upload!.size > EVIDENCE_LIMITS.caseBytes) {
    issues.push({ path: 'uploadId', code: 'too_large', message: `The files of a case are at most ${EVIDENCE_LIMITS.caseBytes} bytes together.`, params: { maximum: EVIDENCE_LIMITS.caseBytes } });
  }
  if (issues.length || !upload?.type) throw new ValidationError('The file cannot be added.', issues, { status: 400 });
  const attachment: StaffAttachment = { id: uploadId, name: upload.name, size: upload.size, type: upload.type, addedAt: at, by: 'citizen' };
  const id = (c.messages?.length ?? 0) + 1;
  const message: CaseMessage = { id, at, from: 'citizen', kind: 'evidence', text: '', attachment: { name: upload.name, size: upload.size } };
  return { attachment, message, audit: { at, actor: CITIZEN, action: 'attachment_added', note: `message ${id}, file ${count + 1}` }, updatedAt: at };
}

/**
 * The attachments of a new case, from the uploads the petition named (already checked by `attachmentIssues`),
 * with the audit entry that records them (by count: names stay out of the trail).
 */
export function intakeAttachments(
  ids: readonly string[] | undefined,
  uploads: ReadonlyMap<string, { name: string; size: number; type?: EvidenceType | undefined }>,
  at: string,
  actor: Pick<AuditEntry, 'actor' | 'actorName' | 'role'>,
): { attachments: StaffAttachment[]; audit?: AuditEntry } {
  if (!ids?.length) return { attachments: [] };
  const by = actor.actor === CITIZEN ? 'citizen' : 'office';
  const attachments = ids.map((id): StaffAttachment => {
    const u = uploads.get(id)!;
    return { id, name: u.name, size: u.size, type: u.type!, addedAt: at, by };
  });
  return { attachments, audit: { at, ...actor, action: 'attachment_added', note: `${attachments.length} file(s) with the petition` } };
}

/** The audit entry of a staff member opening a file (the caller fills in who). */
export function attachmentViewedNote(a: Pick<StaffAttachment, 'id'>): string {
  return `attachment ${a.id}`;
}

/**
 * `Content-Disposition` for a download: always `attachment` (never shown inline), the name as RFC 5987
 * `filename*` (UTF-8, percent-encoded) and an ASCII fallback with anything unsafe replaced.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The media type a download is sent with: the image's own, and `application/octet-stream` for a PDF (no viewer opens it inline). */
export function downloadType(type: EvidenceType): string {
  return type === 'application/pdf' ? 'application/octet-stream' : type;
}
