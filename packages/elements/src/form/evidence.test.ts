// Her evidence in the elements (issue #15 item 3), in real Chromium over the memory backend: the picker in the
// intake form (loaded when she opens it), its localised refusals that change nothing else, what reaches the
// backend, nothing left on the device, quick exit; the tracker's "add photos or files"; the desk's list.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { findLocationMetadata } from '@rights-kit/sdk/uploads';
import '../intake-form.js';
import '../case-tracker.js';
import '../case-desk.js';
import type { RightsIntakeForm } from '../intake-form/intake-form.component.js';
import type { RightsCaseTracker } from '../case-tracker/case-tracker.component.js';
import { $, choose, DESCRIPTION, next, settle, stepName, testClient, type, waitFor } from '../intake-form/intake-form.test.util.js';
import { hasBytes, jpegWithExif } from '../../../sdk/test/helpers/evidence-fixtures.js';
import { QUICK_EXIT_EVENT } from '../controllers/quick-exit-wipe.js';

const STAFF = { token: 'demo-staff-token' };

async function canvasJpeg(): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = 24;
  canvas.height = 16;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#a33';
  context.fillRect(0, 0, 24, 16);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
  return new Uint8Array(await blob.arrayBuffer());
}

const gpsPhoto = async (name = 'injury.jpg') => new File([jpegWithExif(await canvasJpeg()) as BlobPart], name, { type: 'image/jpeg' });

/** Puts files in the picker's input as her choice would. */
async function pick(el: HTMLElement & { updateComplete: Promise<unknown> }, files: File[]): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#evidence-input')!;
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Opens "add photos or files" (the picker loads) and waits for its input. */
async function openPicker(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('#evidence-open')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('#evidence-input'), 'the picker loaded');
}

const listed = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('.evidence-files .evidence-file')].map((n) => n.textContent?.trim());

async function toHappened(el: RightsIntakeForm): Promise<void> {
  await waitFor(() => stepName(el) === 'danger', 'danger step');
  await choose(el, 'immediateDanger', 'no');
  await next(el);
  await waitFor(() => $(el, 'input[name="category"]'), 'categories');
  await choose(el, 'category', 'general');
  await next(el);
  if (stepName(el) === 'details') await next(el);
  await type(el, 'description', DESCRIPTION);
}

async function form(locale: 'zh-CN' | 'en', client = testClient().client): Promise<RightsIntakeForm> {
  const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${client}></rights-intake-form>`);
  await settle(el);
  await toHappened(el);
  return el;
}

describe('the evidence picker in <rights-intake-form>', () => {
  it('is a button until she opens it; then the picker loads, explains what is removed, and cleans her photo', async () => {
    const el = await form('zh-CN');
    expect($(el, '#evidence-input'), 'not loaded before she asks').to.equal(null);
    expect($(el, '[part~="evidence"] legend')!.textContent).to.contain('照片或文件').and.contain('选填');
    await openPicker(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('evidence-input');
    expect($(el, '#evidence-removed')!.textContent).to.contain('拍摄地点').and.contain('不会保存在这台设备上');
    await pick(el, [await gpsPhoto()]);
    await waitUntil(() => listed(el).length === 1, 'the photo listed');
    expect(listed(el)).to.deep.equal(['injury.jpg']);
    expect($(el, '.evidence-files')!.textContent).to.contain('已去掉隐藏信息');
    expect($<HTMLInputElement>(el, '#evidence-input')!.files!.length, 'the input holds nothing').to.equal(0);
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`refuses a wrong type, an oversize file and too many, in ${locale} words, and changes nothing else`, async () => {
      const el = await form(locale);
      await openPicker(el);
      await pick(el, [await gpsPhoto('first.jpg')]);
      await waitUntil(() => listed(el).length === 1);
      const before = { description: $<HTMLTextAreaElement>(el, '#f-description')!.value, step: stepName(el) };
      const error = () => $(el, '#evidence-error')?.textContent ?? '';
      const words = locale === 'en'
        ? { wrong: 'is not a photo or a PDF file', large: 'is too large', many: 'at most 5 files' }
        : { wrong: '不是照片或 PDF 文件', large: '太大了', many: '最多只能添加 5 个文件' };

      const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'photo.jpg', { type: 'image/jpeg' });
      await pick(el, [svg]);
      await waitUntil(() => error());
      expect(error()).to.contain('photo.jpg').and.contain(words.wrong);
      expect($<HTMLInputElement>(el, '#evidence-input')!.getAttribute('aria-describedby')).to.contain('evidence-error');

      const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'video.jpg', { type: 'image/jpeg' });
      await pick(el, [huge]);
      await waitUntil(() => error().includes('video.jpg'));
      expect(error()).to.contain(words.large).and.contain('10 MB');

      await pick(el, await Promise.all([1, 2, 3, 4, 5].map((n) => gpsPhoto(`p${n}.jpg`))));
      await waitUntil(() => error().includes(words.many));

      // Nothing else changed: the one file chosen before, her description, the step; no form-wide summary.
      expect(listed(el)).to.deep.equal(['first.jpg']);
      expect({ description: $<HTMLTextAreaElement>(el, '#f-description')!.value, step: stepName(el) }).to.deep.equal(before);
      expect($(el, '.error-summary')?.textContent?.trim() ?? '').to.equal('');
    });
  }

  it('sends the cleaned photo with the petition; the backend holds it without Exif; nothing stays on the device', async () => {
    const memory = memoryBackend({ seed: demoSeed });
    const client = createClient({ backend: memory });
    const dbsBefore = (await indexedDB.databases()).map((d) => d.name);
    const el = await form('en', client);
    await openPicker(el);
    await pick(el, [await gpsPhoto()]);
    await waitUntil(() => listed(el).length === 1);
    await next(el);
    await choose(el, 'onBehalfOf', 'self');
    await choose(el, 'anonymous', 'yes');
    await next(el);
    expect(stepName(el)).to.equal('review');
    expect($(el, '[part="review"]')!.textContent).to.contain('injury.jpg');
    (el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]'))!.click();
    await settle(el);
    await next(el);
    await waitFor(() => stepName(el) === 'receipt', 'the Receipt', 8000);
    const reference = el.lastReceipt!.reference;
    const staff = await client.staff.get(reference, STAFF);
    expect(staff.attachments?.map((a) => [a.name, a.type])).to.deep.equal([['injury.jpg', 'image/jpeg']]);
    const stored = await client.staff.getAttachment(reference, staff.attachments![0]!.id, STAFF);
    expect(hasBytes(stored, 'Exif')).to.equal(false);
    expect(hasBytes(stored, 'Huawei')).to.equal(false);
    expect(findLocationMetadata(stored)).to.equal(undefined);
    // Nothing of it on the device.
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
    expect((await indexedDB.databases()).map((d) => d.name)).to.deep.equal(dbsBefore);
    expect(await caches.keys()).to.deep.equal([]);
  });

  it('quick exit aborts the upload in flight and forgets what was chosen', async () => {
    const memory = memoryBackend({ seed: demoSeed });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let signal: AbortSignal | undefined;
    const client = createClient({
      backend: {
        ...memory,
        async sendUploadChunk(id, offset, bytes, options) {
          signal = options?.signal;
          await gate;
          return memory.sendUploadChunk!(id, offset, bytes, options);
        },
      },
    });
    const el = await form('zh-CN', client);
    await openPicker(el);
    await pick(el, [await gpsPhoto()]);
    await waitUntil(() => listed(el).length === 1);
    await next(el);
    await choose(el, 'onBehalfOf', 'self');
    await choose(el, 'anonymous', 'yes');
    await next(el);
    (el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]'))!.click();
    await settle(el);
    await next(el);
    await waitUntil(() => signal, 'a chunk in flight');
    window.dispatchEvent(new Event(QUICK_EXIT_EVENT));
    release();
    await settle(el);
    expect(signal!.aborted, 'the chunk in flight is aborted').to.equal(true);
    expect($(el, '[part~="review"]')?.textContent ?? '').not.to.contain('injury.jpg');
    expect(listed(el)).to.deep.equal([]);
  });
});

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`the evidence picker, accessibility, ${locale}, 320 px`, () => {
    before(() => setViewport({ width: 320, height: 640 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('is axe-clean with a file chosen and an error shown, and nothing sticks out', async () => {
      const el = await form(locale);
      await expect(el).to.be.accessible();
      await openPicker(el);
      await pick(el, [await gpsPhoto('照片-2026-11-30-很长很长的文件名-injury-photo.jpg')]);
      await waitUntil(() => listed(el).length === 1);
      await pick(el, [new File(['<html></html>'], 'x.jpg')]);
      await waitUntil(() => $(el, '#evidence-error'));
      await expect(el).to.be.accessible();
      const wide = [...el.shadowRoot!.querySelectorAll('*')].filter((n) => n.getBoundingClientRect().right > 322).map((n) => `${n.localName}.${n.className} ${n.getBoundingClientRect().right}`);
      expect(wide, 'nothing sticks out').to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth + 1);
    });
  });
}

async function tracker(locale: string, client: RightsClient) {
  const seedCase = demoSeed.cases.find((c) => c.status === 'received')!;
  const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker .client=${client} locale=${locale}></rights-case-tracker>`);
  el.shadowRoot!.querySelector<HTMLInputElement>('#reference')!.value = seedCase.reference;
  el.shadowRoot!.querySelector<HTMLInputElement>('#access-code')!.value = seedCase.accessCode;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('#result-heading'), 'case shown');
  return { el, reference: seedCase.reference };
}

describe('evidence from <rights-case-tracker> to the desk', () => {
  it('she adds a photo from the tracker; her history shows it; the desk lists it with a download and nothing inline', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    const { el, reference } = await tracker('en', client);
    expect(el.shadowRoot!.querySelector('#evidence-heading')!.textContent).to.equal('Add photos or files');
    await openPicker(el);
    await pick(el, [await gpsPhoto('bruise.jpg')]);
    await waitUntil(() => listed(el).length === 1);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="evidence"] button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('li.message.mine'), 'her file in her history', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('li.message.mine')!.textContent).to.contain('A file you added').and.contain('bruise.jpg');
    expect(listed(el), 'the picker is emptied').to.deep.equal([]);
    await expect(el).to.be.accessible();

    const staff = await client.staff.get(reference, STAFF);
    expect(staff.attachments?.map((a) => a.name)).to.deep.equal(['bruise.jpg']);

    const desk = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<rights-case-desk .client=${client} .token=${STAFF.token} locale="en"></rights-case-desk>`,
    );
    await waitUntil(() => desk.shadowRoot!.querySelector(`[data-reference="${reference}"]`), 'the list', { timeout: 8000 });
    desk.shadowRoot!.querySelector<HTMLElement>(`[data-reference="${reference}"]`)!.click();
    await waitUntil(() => desk.shadowRoot!.querySelector('[part="attachments"]'), 'the files of the case', { timeout: 8000 });
    const files = desk.shadowRoot!.querySelector('[part="attachments"]')!;
    expect(files.textContent).to.contain('bruise.jpg').and.contain('JPEG photo');
    expect(files.querySelector('button[part~="download"]')).to.not.equal(null);
    expect(desk.shadowRoot!.querySelectorAll('img, object, embed, iframe').length, 'nothing rendered inline').to.equal(0);
    await expect(desk).to.be.accessible();
  });
});
