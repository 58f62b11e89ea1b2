/**
 * Her evidence end to end (issue #15 item 3, "done when"), against the built server in Chromium: she attaches a
 * photo carrying GPS, make and model EXIF in the intake form; every request body leaving the browser is inspected
 * and holds no Exif, no make, no model; the file the office downloads has none either. The upload's second chunk
 * is cut off on its way (the connection drops at 50 %): it resumes from the server's offset and the server holds
 * one complete file. After sending, IndexedDB, Cache Storage, sessionStorage and localStorage hold nothing. From
 * the tracker she adds a photo, and the office sees it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Request } from 'playwright-core';
import { consent, fillByMouse, form, lookUp, openPage, receiptOf, startPortal, tracker, waitForStep, type Portal } from './harness.js';
import { budget } from '../support/budget.mjs';
import { hasBytes, jpegWithExif } from '../../packages/sdk/test/helpers/evidence-fixtures.js';
import { findLocationMetadata } from '../../packages/sdk/src/logic/evidence.js';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

const MIB = 1024 * 1024;

/**
 * A photo of noise (it compresses badly, so the cleaned JPEG is still over 1 MiB: two chunks or more), made by the
 * page's canvas, with an Exif block (GPS, make Huawei, model P30 Pro) spliced in.
 */
async function gpsPhoto(page: Page): Promise<Buffer> {
  const base = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1800;
    canvas.height = 1300;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(1800, 1300);
    let seed = 7;
    for (let i = 0; i < image.data.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      image.data[i] = i % 4 === 3 ? 255 : seed >>> 24;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(jpegWithExif(Uint8Array.from(base)));
}

interface Sent {
  method: string;
  url: string;
  offset: string | undefined;
  body: Buffer;
}

/** Records every request body to the API as it leaves the browser. */
function recordBodies(page: Page): Sent[] {
  const sent: Sent[] = [];
  page.on('request', (r: Request) => {
    if (!r.url().includes('/v1/')) return;
    sent.push({ method: r.method(), url: r.url(), offset: r.headers()['upload-offset'], body: r.postDataBuffer() ?? Buffer.alloc(0) });
  });
  return sent;
}

/** The APP1 (Exif/XMP) segments of a JPEG, before its image data. */
function app1Count(b: Uint8Array): number {
  let count = 0;
  for (let i = 2; i + 4 <= b.length && b[i] === 0xff; i += 2 + ((b[i + 2]! << 8) | b[i + 3]!)) {
    if (b[i + 1] === 0xda) break;
    if (b[i + 1] === 0xe1) count++;
  }
  return count;
}

/** No make or model anywhere in the bytes; a JPEG with no APP1 segment and nothing the server's location check finds. */
const noMetadata = (bytes: Uint8Array, what: string) => {
  for (const needle of ['Huawei', 'P30 Pro']) assert.equal(hasBytes(bytes, needle), false, `${what} carries "${needle}"`);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    assert.equal(app1Count(bytes), 0, `${what} has an APP1 (Exif) segment`);
    assert.equal(findLocationMetadata(bytes), undefined, `${what} says where it was made`);
  } else if (bytes.length) {
    for (const needle of ['Exif', 'GPS']) assert.equal(hasBytes(bytes, needle), false, `${what} carries "${needle}"`);
  }
};

/** The file as the chunks carried it: each offset's last body, in order. */
function reassembled(chunks: Sent[]): Buffer {
  const byOffset = new Map(chunks.map((c) => [Number(c.offset), c.body]));
  return Buffer.concat([...byOffset.entries()].sort((a, b) => a[0] - b[0]).map(([, body]) => body));
}

async function staffJson<T>(path: string): Promise<T> {
  const res = await fetch(`${portal.url}/v1/staff${path}`, { headers: { Authorization: `Bearer ${portal.staffToken}` } });
  assert.equal(res.status, 200, `GET ${path}`);
  return (await res.json()) as T;
}

interface StaffFile {
  id: string;
  name: string;
  size: number;
  type: string;
}

async function download(reference: string, id: string): Promise<{ bytes: Uint8Array; headers: Headers }> {
  const res = await fetch(`${portal.url}/v1/staff/cases/${encodeURIComponent(reference)}/attachments/${encodeURIComponent(id)}`, {
    headers: { Authorization: `Bearer ${portal.staffToken}` },
  });
  assert.equal(res.status, 200);
  return { bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}

/** What the page holds in its storages: IndexedDB databases, Cache Storage caches, web storage keys. */
function storages(page: Page) {
  return page.evaluate(async () => ({
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
  }));
}

describe('evidence, end to end', () => {
  it('her GPS photo leaves the browser without Exif, resumes after a cut at 50 %, is stored once and clean, and nothing stays on the device', { timeout: budget(120_000) }, async () => {
    const { page, context, errors } = await openPage(portal, { locale: 'zh-CN' });
    const photo = await gpsPhoto(page);
    assert.ok(hasBytes(photo, 'Exif') && hasBytes(photo, 'Huawei'), 'the fixture carries the metadata (so this test can fail)');
    const sent = recordBodies(page);
    // The connection drops on the way of the first chunk that starts at or after half the file (once).
    let cut: string | undefined;
    await page.route('**/v1/uploads/*', async (route) => {
      const request = route.request();
      const offset = Number(request.headers()['upload-offset'] ?? -1);
      const total = await uploadSize();
      if (request.method() === 'PATCH' && cut === undefined && total > 0 && offset >= total / 2) {
        cut = String(offset);
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    const uploadSize = async () => {
      const create = sent.find((s) => s.method === 'POST' && s.url.endsWith('/v1/uploads'));
      return create ? (JSON.parse(create.body.toString()) as { size: number }).size : 0;
    };

    const f = form(page);
    await waitForStep(page, 'danger');
    await f.locator('input[name="immediateDanger"][value="no"]').click();
    await f.locator('[part~="next"]').click();
    await waitForStep(page, 'category');
    await f.locator('input[name="category"][value="personal-rights"], input[name="category"][value="general"]').first().click();
    await f.locator('[part~="next"]').click();
    for (let i = 0; i < 2 && (await f.locator('section.step[part~="step-details"]').count()); i++) await f.locator('[part~="next"]').click();
    await waitForStep(page, 'happened');
    await f.locator('#f-description').fill('他昨晚又打了我，我拍了手臂上的伤，想请你们帮忙。');
    await f.locator('#evidence-open').click();
    await f.locator('#evidence-input').setInputFiles({ name: 'injury.jpg', mimeType: 'image/jpeg', buffer: photo });
    await f.locator('.evidence-files .evidence-file').waitFor({ timeout: budget(15_000) });
    assert.equal(await f.locator('.evidence-files .evidence-file').textContent(), 'injury.jpg');
    await f.locator('[part~="next"]').click();
    await waitForStep(page, 'who');
    await f.locator('input[name="onBehalfOf"][value="self"]').click();
    await f.locator('input[name="anonymous"][value="yes"]').click();
    await f.locator('[part~="next"]').click();
    await waitForStep(page, 'review');
    await consent(page);
    await f.locator('[part~="submit"]').click();
    const receipt = await receiptOf(page, budget(60_000));

    // What left the browser: the petition and the chunks, none with Exif, make, model or GPS.
    const creates = sent.filter((s) => s.method === 'POST' && s.url.endsWith('/v1/uploads'));
    const chunks = sent.filter((s) => s.method === 'PATCH');
    assert.equal(creates.length, 1, 'one upload, started once');
    const size = (JSON.parse(creates[0]!.body.toString()) as { size: number }).size;
    assert.ok(size > MIB, `the cleaned photo is over one chunk (${size} bytes)`);
    for (const s of sent.filter((x) => x.method !== 'PATCH')) noMetadata(s.body, `${s.method} ${s.url}`);
    for (const c of chunks) for (const needle of ['Huawei', 'P30 Pro']) assert.equal(hasBytes(c.body, needle), false, `the chunk at ${c.offset} carries ${needle}`);
    const carried = reassembled(chunks);
    noMetadata(carried, 'the file the chunks carried');

    // The cut and the resume: the cut chunk was sent again from the server's offset, never from 0.
    assert.ok(cut !== undefined, 'a chunk was cut off');
    const offsets = chunks.map((c) => Number(c.offset));
    assert.deepEqual(offsets.filter((o) => o === 0).length, 1, `the upload did not restart: offsets ${offsets.join(', ')}`);
    assert.ok(offsets.filter((o) => String(o) === cut).length === 2, `the cut chunk was sent once more (${offsets.join(', ')})`);

    // The server holds one complete, clean file on the case; the download is an attachment, never inline.
    const staffCase = await staffJson<{ attachments?: StaffFile[] }>(`/cases/${encodeURIComponent(receipt.reference)}`);
    assert.equal(staffCase.attachments?.length, 1);
    const file = staffCase.attachments![0]!;
    assert.deepEqual([file.name, file.size, file.type], ['injury.jpg', size, 'image/jpeg']);
    const stored = await download(receipt.reference, file.id);
    assert.equal(stored.bytes.length, size);
    assert.ok(Buffer.from(stored.bytes).equals(carried), 'the server holds exactly the bytes that left, once');
    noMetadata(stored.bytes, 'the stored file');
    assert.match(stored.headers.get('content-disposition') ?? '', /^attachment/);
    assert.equal(stored.headers.get('x-content-type-options'), 'nosniff');

    // Nothing of it on the device.
    assert.deepEqual(await storages(page), { indexedDB: [], caches: [], localStorage: [], sessionStorage: [] });
    assert.equal(await f.locator('#evidence-input').count(), 0, 'the picker is gone with the Receipt');
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET') && !e.includes('Failed to load resource')), []);
    await context.close();
  });

  it('from the tracker she adds a photo; it leaves clean and the office sees it on her case', { timeout: budget(120_000) }, async () => {
    // A case of hers: a petition through the form, then the tracker on the same page.
    const { page, context } = await openPage(portal, { locale: 'en' });
    await fillByMouse(page, { description: 'He threatened me again by text message last night.' });
    await consent(page);
    await form(page).locator('[part~="submit"]').click();
    const receipt = await receiptOf(page);
    await lookUp(page, receipt);
    const t = tracker(page);
    const sent = recordBodies(page);
    await t.locator('#evidence-open').click();
    await t.locator('#evidence-input').setInputFiles({ name: 'threat.jpg', mimeType: 'image/jpeg', buffer: await gpsPhoto(page) });
    await t.locator('.evidence-files .evidence-file').waitFor({ timeout: budget(15_000) });
    await t.locator('[part="evidence"] button[type="submit"]').click();
    await t.locator('li.message.mine').waitFor({ timeout: budget(60_000) });
    assert.match((await t.locator('li.message.mine').textContent()) ?? '', /threat\.jpg/);
    for (const s of sent.filter((x) => x.method !== 'PATCH')) noMetadata(s.body, `${s.method} ${s.url}`);
    noMetadata(reassembled(sent.filter((x) => x.method === 'PATCH')), 'the file the chunks carried');
    assert.ok(sent.some((s) => s.url.endsWith('/v1/cases/attachments')), 'the file was added to her case');

    const staffCase = await staffJson<{ attachments?: StaffFile[]; messages?: { kind: string }[] }>(`/cases/${encodeURIComponent(receipt.reference)}`);
    assert.deepEqual(staffCase.attachments?.map((a) => a.name), ['threat.jpg']);
    assert.ok(staffCase.messages?.some((m) => m.kind === 'evidence'), 'her timeline on the desk shows it');
    noMetadata((await download(receipt.reference, staffCase.attachments![0]!.id)).bytes, 'the stored file');
    assert.deepEqual(await storages(page), { indexedDB: [], caches: [], localStorage: [], sessionStorage: [] });
    await context.close();
  });
});
