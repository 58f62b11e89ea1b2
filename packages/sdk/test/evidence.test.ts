/**
 * The evidence rules of logic/evidence.ts, byte by byte: what kind of file the bytes are, what location metadata
 * they still carry, the download's headers, and the resumable uploader against a connection that drops answers.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentDisposition, createClient, downloadType, findLocationMetadata, NetworkError, planChunk, sniffType, type RightsBackend } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { exifTiff, heicFile, jpegFile, notEvidence, pdfFile, pngFile } from '@rights-kit/sdk/testing';
import { uploadFile } from '@rights-kit/sdk/uploads';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('sniffType: the kind of file from its first bytes, never its name', () => {
  test('JPEG, PNG, HEIC and PDF are recognised', () => {
    assert.equal(sniffType(jpegFile()), 'image/jpeg');
    assert.equal(sniffType(pngFile()), 'image/png');
    assert.equal(sniffType(heicFile()), 'image/heic');
    assert.equal(sniffType(pdfFile()), 'application/pdf');
  });
  test('SVG, HTML, zip, AVIF, text and an empty file are not', () => {
    for (const bytes of [notEvidence.svg(), notEvidence.html(), notEvidence.zip(), ascii('hello'), new Uint8Array(0)]) assert.equal(sniffType(bytes), undefined);
    const avif = Uint8Array.from([0, 0, 0, 24, ...ascii('ftypavif'), 0, 0, 0, 0, ...ascii('mif1avif')]);
    assert.equal(sniffType(avif), undefined, 'an AVIF is not HEIC');
    const generic = Uint8Array.from([0, 0, 0, 24, ...ascii('ftypmif1'), 0, 0, 0, 0, ...ascii('mif1heic')]);
    assert.equal(sniffType(generic), 'image/heic', 'a generic HEIF brand with a HEVC compatible brand is');
    assert.equal(sniffType(ascii('%PDF')), undefined, 'a truncated signature is not');
  });
});

describe('findLocationMetadata: a file that still says where it was made', () => {
  test('a JPEG with an Exif GPS IFD, and one with GPS in XMP', () => {
    assert.equal(findLocationMetadata(jpegFile({ gps: true })), 'exif_gps');
    assert.equal(findLocationMetadata(jpegFile({ xmpGps: true })), 'xmp_gps');
  });
  test('a JPEG with make and model but no GPS passes', () => {
    assert.equal(findLocationMetadata(jpegFile()), undefined);
  });
  test("a PNG's eXIf chunk with GPS, its iTXt XMP with GPS; a clean PNG passes", () => {
    assert.equal(findLocationMetadata(pngFile({ gps: true })), 'exif_gps');
    assert.equal(findLocationMetadata(pngFile({ xmpGps: true })), 'xmp_gps');
    assert.equal(findLocationMetadata(pngFile()), undefined);
  });
  test('a HEIC with an Exif item; a HEIC without passes', () => {
    assert.equal(findLocationMetadata(heicFile({ gps: true })), 'heif_exif');
    assert.equal(findLocationMetadata(heicFile()), undefined);
  });
  test('a PDF with XMP GPS; a plain PDF passes', () => {
    assert.equal(findLocationMetadata(pdfFile({ xmpGps: true })), 'xmp_gps');
    assert.equal(findLocationMetadata(pdfFile()), undefined);
  });
  test('little-endian Exif is read as well as big-endian', () => {
    const be = exifTiff(true);
    // Re-encode the same IFD0 little-endian: II, 42, offset 8, entries with swapped bytes.
    const le = Uint8Array.from([0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]);
    assert.ok(be.length > 0);
    const app1 = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, 2 + 6 + le.length, ...ascii('Exif\0\0'), ...le, 0xff, 0xda, 0, 2, 0xff, 0xd9]);
    assert.equal(findLocationMetadata(app1), 'exif_gps');
  });
  test('metadata too broken to read is refused rather than trusted', () => {
    const broken = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, 20, ...ascii('Exif\0\0'), ...ascii('XX'), 0, 0]);
    assert.equal(findLocationMetadata(broken), 'unreadable_metadata', 'a segment that runs past the end');
    const badTiff = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, 16, ...ascii('Exif\0\0'), ...ascii('ZZ'), 0, 42, 0, 0, 0, 8, 0xff, 0xda, 0, 2]);
    assert.equal(findLocationMetadata(badTiff), 'unreadable_metadata', 'an Exif block that is not TIFF');
  });
  test('a file that is no kind of evidence still has its XMP read (the type check refuses it anyway)', () => {
    assert.equal(findLocationMetadata(notEvidence.svg()), undefined);
  });
});

describe('planChunk: offsets and sizes', () => {
  const u = { offset: 100, size: 300, complete: false, expiresAt: '2099-01-01T00:00:00Z' };
  test('the next bytes at the offset move it; the last byte says so', () => {
    assert.deepEqual(planChunk(u, 100, 50), { offset: 150, last: false });
    assert.deepEqual(planChunk(u, 100, 200), { offset: 300, last: true });
  });
  test('another offset is 409 offset_mismatch carrying where the upload stands', () => {
    assert.throws(() => planChunk(u, 0, 100), (e: Error & { code?: string; offset?: number }) => e.code === 'offset_mismatch' && e.offset === 100);
    assert.throws(() => planChunk({ ...u, complete: true, offset: 300 }, 300, 0), (e: Error & { code?: string }) => e.code === 'offset_mismatch');
  });
  test('bytes past the declared size are refused', () => {
    assert.throws(() => planChunk(u, 100, 201), (e: Error & { issues?: { path: string; code: string }[] }) => e.issues?.[0]?.code === 'too_large');
  });
});

describe('the download', () => {
  test('is always an attachment, its name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    assert.equal(contentDisposition('伤情 照片.jpg'), `attachment; filename="__ __.jpg"; filename*=UTF-8''%E4%BC%A4%E6%83%85%20%E7%85%A7%E7%89%87.jpg`);
    assert.equal(contentDisposition('a"b;c.pdf'), `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%3Bc.pdf`);
  });
  test('a PDF is sent as application/octet-stream; images as themselves', () => {
    assert.equal(downloadType('application/pdf'), 'application/octet-stream');
    assert.equal(downloadType('image/jpeg'), 'image/jpeg');
  });
});

describe('uploadFile: resumable over a connection that loses answers', () => {
  test('a chunk whose answer is lost is not sent twice: it asks where the upload stands and goes on', async () => {
    const inner = memoryBackend({ seed: demoSeed });
    let lost = 0;
    const sent: number[] = [];
    const flaky: RightsBackend = {
      ...inner,
      async sendUploadChunk(id, offset, bytes, o) {
        sent.push(offset);
        const answer = await inner.sendUploadChunk!(id, offset, bytes, o);
        // Every second chunk arrives but its answer is lost on the way back.
        if (sent.length % 2 === 0 && lost < 3) {
          lost++;
          throw new NetworkError('lost', { code: 'network_error' });
        }
        return answer;
      },
    };
    const client = createClient({ backend: flaky });
    const file = jpegFile({ size: 10_000, seed: 7 });
    const progress: number[] = [];
    const done = await uploadFile(client, file, { name: 'p.jpg', chunkBytes: 2000, sleep: async () => undefined, onProgress: (n) => progress.push(n) });
    assert.deepEqual([done.complete, done.offset, done.type], [true, 10_000, 'image/jpeg']);
    assert.deepEqual(sent, [0, 2000, 4000, 6000, 8000], 'each offset sent once: the lost answers were recovered by asking, not by sending again');
    assert.equal(progress.at(-1), 10_000);
  });

  test('an upload interrupted at 50 % resumes from its id and the backend holds one file equal to the original', async () => {
    const backend = memoryBackend({ seed: demoSeed, staffToken: 't' });
    const client = createClient({ backend });
    const file = pdfFile({ size: 8000, seed: 9 });
    const controller = new AbortController();
    let id = '';
    const interrupted = uploadFile(client, file, { name: 'j.pdf', chunkBytes: 1000, signal: controller.signal, onStart: (u) => (id = u.id), onProgress: (n) => n >= 4000 && controller.abort() });
    await assert.rejects(interrupted, (e: Error) => e.name === 'AbortedError');
    assert.equal((await client.uploads.status(id)).offset, 4000, 'stopped at half');
    const again = await uploadFile(client, file, { name: 'j.pdf', uploadId: id, chunkBytes: 1000 });
    assert.deepEqual([again.id, again.complete], [id, true]);
    const receipt = await client.petitions.submit(
      { category: 'general', description: 'Resumed upload test petition.', onBehalfOf: 'self', anonymous: true, consent: true, attachments: [id] },
      { idempotencyKey: `k-${id}` },
    );
    const bytes = await client.staff.getAttachment(receipt.reference, id, { token: 't' });
    assert.deepEqual(bytes, file);
  });
});
