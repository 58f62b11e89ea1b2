// Her files made safe on the device (issue #15 item 3), in real Chromium: the photos are decoded and re-encoded
// through a canvas, the PDF blanked in place. Fixtures are built here, byte by byte (../helpers/evidence-fixtures.ts).
import { expect } from '@open-wc/testing';
import { blankPdfMetadata, checkCount, EvidenceRefusal, stripEvidence } from '../../src/evidence/index.js';
import { findLocationMetadata } from '../../src/logic/evidence.js';
import { exifTiff, hasBytes, jpegWithExif, pdfWithGps, pngWithExif } from '../helpers/evidence-fixtures.js';

async function canvasImage(width: number, height: number, type: 'image/jpeg' | 'image/png'): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#c03';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#036';
  context.fillRect(0, 0, width / 2, height);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.95));
  return new Uint8Array(await blob.arrayBuffer());
}

const file = (bytes: Uint8Array, name: string, type = '') => new File([bytes as BlobPart], name, { type });

async function refusal(promise: Promise<unknown>): Promise<EvidenceRefusal> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(EvidenceRefusal);
    return error as EvidenceRefusal;
  }
  throw new Error('expected a refusal');
}

/** The APP1 segments of a JPEG (before the image data). */
function app1Segments(b: Uint8Array): number {
  let count = 0;
  for (let i = 2; i + 4 <= b.length && b[i] === 0xff; ) {
    const marker = b[i + 1]!;
    if (marker === 0xda) break;
    if (marker === 0xe1) count++;
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  return count;
}

describe('stripping evidence on the device', () => {
  it('re-encodes a JPEG with GPS, make and model EXIF into one with no Exif block and no location', async () => {
    const original = jpegWithExif(await canvasImage(16, 8, 'image/jpeg'));
    // The fixture itself says where it was made (so this test can fail).
    expect(findLocationMetadata(original)).to.equal('exif_gps');
    expect(hasBytes(original, 'Huawei')).to.equal(true);
    const out = await stripEvidence(file(original, 'injury.jpg', 'image/jpeg'));
    expect(out.type).to.equal('image/jpeg');
    expect(out.name).to.equal('injury.jpg');
    expect(app1Segments(out.bytes)).to.equal(0);
    expect(hasBytes(out.bytes, 'Exif')).to.equal(false);
    expect(hasBytes(out.bytes, 'Huawei')).to.equal(false);
    expect(hasBytes(out.bytes, 'P30 Pro')).to.equal(false);
    expect(findLocationMetadata(out.bytes)).to.equal(undefined);
    expect(out.size).to.equal(out.bytes.length);
  });

  it('applies the orientation: a 2×1 photo tagged "rotate 90°" (6) comes out 1×2', async () => {
    const original = jpegWithExif(await canvasImage(2, 1, 'image/jpeg'), exifTiff({ orientation: 6 }));
    const out = await stripEvidence(file(original, 'side.jpg'));
    const bitmap = await createImageBitmap(new Blob([out.bytes as BlobPart]));
    expect([bitmap.width, bitmap.height]).to.deep.equal([1, 2]);
  });

  it('re-encodes a PNG with an eXIf chunk into one without', async () => {
    const original = pngWithExif(await canvasImage(8, 8, 'image/png'));
    expect(findLocationMetadata(original)).to.equal('exif_gps');
    const out = await stripEvidence(file(original, 'screenshot.png'));
    expect(out.type).to.equal('image/png');
    expect(hasBytes(out.bytes, 'eXIf')).to.equal(false);
    expect(hasBytes(out.bytes, 'Huawei')).to.equal(false);
    expect(findLocationMetadata(out.bytes)).to.equal(undefined);
  });

  it('blanks a PDF\'s XMP and /Info in place: same length, offsets valid, no GPS, no author', async () => {
    const original = pdfWithGps();
    expect(findLocationMetadata(original)).to.equal('xmp_gps');
    const out = await stripEvidence(file(original, 'judgment.pdf'));
    expect(out.type).to.equal('application/pdf');
    expect(out.bytes.length).to.equal(original.length);
    expect(findLocationMetadata(out.bytes)).to.equal(undefined);
    const text = String.fromCharCode(...out.bytes);
    expect(text).not.to.contain('GPS');
    expect(text).not.to.contain('Wang Fang');
    expect(text).not.to.contain('Scanner at 12 Lane');
    expect(text).not.to.contain('FEFF0041');
    // Every xref entry still points at its object.
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    const entries = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries.length).to.equal(5);
    entries.forEach((offset, i) => expect(text.slice(offset, offset + 7)).to.equal(`${i + 1} 0 obj`));
    // The dictionaries are intact, the strings empty.
    expect(text).to.match(/\/Author \( +\)/);
    expect(blankPdfMetadata(out.bytes)).to.deep.equal(out.bytes);
  });

  it('refuses a file whose bytes are not a photo or a PDF, whatever its name says', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await refusal(stripEvidence(file(svg, 'photo.jpg', 'image/jpeg')))).code).to.equal('wrong_type');
    const page = new TextEncoder().encode('<!doctype html><title>x</title>');
    expect((await refusal(stripEvidence(file(page, 'photo.jpg', 'image/jpeg')))).code).to.equal('wrong_type');
  });

  it('refuses a file over the size limit before reading it, and counts files before any is read', async () => {
    const big = await refusal(stripEvidence(file(new Uint8Array(2048), 'big.jpg'), { maxBytes: 1024 }));
    expect([big.code, big.maximum]).to.deep.equal(['too_large', 1024]);
    expect(checkCount(4, 2, 5)?.code).to.equal('too_many');
    expect(checkCount(4, 1, 5)).to.equal(undefined);
  });

  it('says plainly when this browser cannot decode a HEIC photo', async () => {
    // A HEIC file's header with no decodable image: the browser cannot read it, the refusal says so.
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0, ...new TextEncoder().encode('mif1heic')]);
    expect((await refusal(stripEvidence(file(heic, 'IMG_0001.HEIC')))).code).to.equal('heic_unsupported');
  });
});
