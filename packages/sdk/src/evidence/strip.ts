/**
 * Her files made safe on the device, before any byte of them leaves it (issue #15 item 3). Browser-only: it
 * decodes photos with `createImageBitmap` and re-encodes them through a canvas.
 *
 * - The kind of file is read from its bytes (`sniffType`, the same rule the server applies), never from its name
 *   or the type the browser guessed: an SVG or a web page renamed `.jpg` is `wrong_type`.
 * - A photo (JPEG, PNG, and HEIC where this browser can decode it) is decoded with its orientation applied and
 *   drawn again into a fresh canvas, then encoded anew (JPEG at quality 0.9, PNG as PNG, HEIC as JPEG). The new
 *   file holds pixels only: no EXIF (so no GPS position, no camera make or model, no maker notes), no XMP, no
 *   text chunks. A photo turned on its side by its orientation tag comes out turned the right way.
 * - A PDF keeps its bytes and its length: every metadata stream (XMP) and every `/Info` value is overwritten with
 *   spaces of the same length, so the cross-reference offsets stay valid and the document opens as before.
 * - Then, belt and braces, the result is checked with `findLocationMetadata` (the server's own check): a file
 *   that still says where it was made is refused here rather than sent.
 *
 * Limits (`EVIDENCE_LIMITS`) are checked before anything is read: a file over 10 MiB is `too_large`, and so is a
 * photo whose re-encoding grew over it. Refusals are `EvidenceRefusal`s with a code a form localises.
 *
 * ```ts
 * const { stripEvidence } = await import('@rights-kit/sdk/evidence');
 * const safe = await stripEvidence(input.files[0]); // { name, type, bytes, size, photo }
 * ```
 */
import { EVIDENCE_LIMITS, type EvidenceType } from '../contract/evidence-limits.js';
import { findLocationMetadata, sniffType } from '../logic/evidence.js';

/**
 * Why a file cannot be sent: `too_large` (over the limit), `wrong_type` (not a JPEG, PNG, HEIC or PDF by its
 * bytes), `too_many` (over the count), `heic_unsupported` (a HEIC photo this browser cannot decode),
 * `unreadable` (a photo or PDF that cannot be read), `location_metadata` (the location could not be removed).
 */
export type EvidenceRefusalCode = 'too_large' | 'wrong_type' | 'too_many' | 'heic_unsupported' | 'unreadable' | 'location_metadata';

/** A file refused on the device; nothing of it was sent. `maximum` for `too_large` (bytes) and `too_many` (files). */
export class EvidenceRefusal extends Error {
  override readonly name = 'EvidenceRefusal';
  constructor(
    readonly code: EvidenceRefusalCode,
    readonly maximum?: number,
  ) {
    super(`The file was refused on the device: ${code}.`);
  }
}

/** A file ready to send: metadata removed, checked again. */
export interface StrippedEvidence {
  /** Her file's name (a HEIC photo re-encoded as JPEG is renamed `….jpg`). */
  name: string;
  type: EvidenceType;
  bytes: Uint8Array;
  size: number;
  /** A photo (re-encoded) rather than a document. */
  photo: boolean;
}

export interface StripOptions {
  /** The largest file, in bytes (default `EVIDENCE_LIMITS.fileBytes`). */
  maxBytes?: number;
  /** JPEG quality of a re-encoded photo (default 0.9). */
  quality?: number;
}

/**
 * The refusal of a selection that would hold more than `maximum` files, before any is read: `too_many`, or
 * undefined when they fit. `already` counts the files chosen (or on the case) before.
 */
export function checkCount(already: number, adding: number, maximum: number): EvidenceRefusal | undefined {
  return already + adding > maximum ? new EvidenceRefusal('too_many', maximum) : undefined;
}

/** Makes one file safe to send (see the module's comment), or throws an `EvidenceRefusal`. */
export async function stripEvidence(file: Blob & { name?: string }, options: StripOptions = {}): Promise<StrippedEvidence> {
  const maxBytes = options.maxBytes ?? EVIDENCE_LIMITS.fileBytes;
  const name = file.name || 'file';
  if (file.size > maxBytes) throw new EvidenceRefusal('too_large', maxBytes);
  if (file.size === 0) throw new EvidenceRefusal('unreadable');
  const type = sniffType(new Uint8Array(await file.slice(0, 64).arrayBuffer()));
  if (!type) throw new EvidenceRefusal('wrong_type');
  let out: { bytes: Uint8Array; type: EvidenceType; name: string };
  if (type === 'application/pdf') {
    out = { bytes: blankPdfMetadata(new Uint8Array(await file.arrayBuffer())), type, name };
  } else {
    out = await reencodePhoto(file, type, name, options.quality ?? 0.9);
  }
  if (out.bytes.length > maxBytes) throw new EvidenceRefusal('too_large', maxBytes);
  // Belt and braces: the server's own check, on what would be sent.
  if (sniffType(out.bytes) !== out.type || findLocationMetadata(out.bytes)) throw new EvidenceRefusal('location_metadata');
  return { name: out.name, type: out.type, bytes: out.bytes, size: out.bytes.length, photo: type !== 'application/pdf' };
}

async function reencodePhoto(file: Blob, type: EvidenceType, name: string, quality: number) {
  let bitmap: ImageBitmap;
  try {
    // The orientation tag is applied to the pixels here, so the photo stays upright without it.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new EvidenceRefusal(type === 'image/heic' ? 'heic_unsupported' : 'unreadable');
  }
  try {
    const outType: EvidenceType = type === 'image/png' ? 'image/png' : 'image/jpeg';
    const blob = await encode(bitmap, outType, quality);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const outName = type === 'image/heic' ? name.replace(/\.(heic|heif)$/i, '') + '.jpg' : name;
    return { bytes, type: outType, name: outName };
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, type: string, quality: number): Promise<Blob> {
  const { width, height } = bitmap;
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new EvidenceRefusal('unreadable');
    context.drawImage(bitmap, 0, 0);
    return canvas.convertToBlob({ type, quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new EvidenceRefusal('unreadable');
  context.drawImage(bitmap, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
  canvas.width = canvas.height = 0;
  if (!blob) throw new EvidenceRefusal('unreadable');
  return blob;
}

// ---- PDF: metadata blanked in place ----

const SPACE = 0x20;
const INFO_KEYS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped'];

const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
};

/**
 * A copy of the PDF with every metadata stream's data (XMP, even compressed), its `/Filter` and `/DecodeParms`,
 * any XMP packet outside one, and the string values of the `/Info` keys turned into spaces, byte for byte: the
 * length and every offset stay as they were, and the document is still a valid PDF (an empty metadata stream, empty
 * strings). Metadata inside compressed object streams is out of reach without rewriting the file; such a file is
 * still checked for location data before it is sent.
 */
export function blankPdfMetadata(input: Uint8Array): Uint8Array {
  const bytes = input.slice();
  const text = latin1(bytes);
  const blank = (from: number, to: number) => bytes.fill(SPACE, from, to);
  // Every metadata stream: `/Type /Metadata` in a dictionary followed by `stream`.
  for (const match of text.matchAll(/\/Type\s*\/Metadata\b/g)) {
    const dictStart = text.lastIndexOf('<<', match.index);
    const streamAt = text.indexOf('stream', match.index);
    const objEnd = text.indexOf('endobj', match.index);
    if (dictStart === -1 || streamAt === -1 || (objEnd !== -1 && objEnd < streamAt)) continue;
    const dict = text.slice(dictStart, streamAt);
    // The filter goes so the blanked data is read as plain (empty) text, not as a broken compressed stream.
    for (const f of dict.matchAll(/\/(Filter|DecodeParms)\s*(\[[^\]]*\]|\/[A-Za-z0-9]+|<<[^>]*>>)/g)) {
      blank(dictStart + f.index, dictStart + f.index + f[0].length);
    }
    let dataStart = streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    const dataEnd = text.indexOf('endstream', dataStart);
    if (dataEnd !== -1) blank(dataStart, dataEnd);
  }
  // XMP packets anywhere else (a broken or unusual file).
  for (const [open, close] of [
    ['<?xpacket begin', '<?xpacket end'],
    ['<x:xmpmeta', '</x:xmpmeta>'],
  ] as const) {
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + 1)) {
      const end = text.indexOf(close, at);
      const stop = end === -1 ? text.length : text.indexOf('>', end + close.length - 1) + 1 || text.length;
      blank(at, stop);
    }
  }
  // The document information values: strings after the Info keys, wherever the dictionary is written out.
  const keys = new RegExp(`/(${INFO_KEYS.join('|')})\\s*([(<])`, 'g');
  for (const match of text.matchAll(keys)) {
    const open = match.index + match[0].length - 1;
    const close = match[2] === '(' ? literalEnd(text, open) : text.indexOf('>', open);
    if (close > open) blank(open + 1, close);
  }
  return bytes;
}

/** The index of the `)` closing the literal string opened at `open` (balanced, with backslash escapes). */
function literalEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
