import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';
import { NOW, $, text, waitFor, signIn } from './case-desk.test.util.js';

/** Chooses `content` as the file of the import field, as the file picker would. */
function choose(el: RightsCaseDesk, content: string): void {
  const input = $<HTMLInputElement>(el, '#catalogue-file')!;
  const files = new DataTransfer();
  files.items.add(new File([content], 'catalogue.json', { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<rights-case-desk>: the catalogue screen', () => {
  let client: RightsClient;
  beforeEach(async () => {
    await setViewport({ width: 320, height: 800 });
    client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
  });
  afterEach(() => setViewport({ width: 1280, height: 800 }));

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`an administrator sees the counts; a bad document lists its issues and changes nothing; a good one changes the counts (${locale})`, async () => {
      const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale=${locale}></rights-case-desk>`);
      await signIn(el, 'admin');
      $<HTMLButtonElement>(el, '#catalogue-open')!.click();
      await waitFor(() => $(el, '#catalogue-counts'), 'the counts');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id).to.equal('catalogue-heading');
      const token = (el as unknown as { signIn: { token: string } }).signIn.token;
      const before = await client.staff.catalogue({ token });
      const counts = text($(el, '#catalogue-counts'));
      expect(counts).to.include(String(before.categories.length)).and.include(String(before.hotlines.length));
      await expect(el).to.be.accessible();

      choose(el, JSON.stringify({ ...before, categories: [], stations: [{ ...before.stations[0], name: '' }] }));
      await waitFor(() => $(el, '#catalogue-issues'), 'the issues');
      await el.updateComplete;
      const issues = [...el.shadowRoot!.querySelectorAll('#catalogue-issues li')].map(text);
      expect(issues.length).to.be.greaterThan(1);
      expect(issues.some((i) => i.includes(locale === 'en' ? 'Categories' : '类别'))).to.equal(true);
      expect(issues.some((i) => i.includes(locale === 'en' ? 'Stations #1' : '站点 #1'))).to.equal(true);
      expect(el.shadowRoot!.activeElement?.id).to.equal('catalogue-issues');
      expect(await client.staff.catalogue({ token })).to.deep.equal(before);
      await expect(el).to.be.accessible();

      choose(el, '{ not json');
      await waitFor(() => text($(el, '#catalogue-issues')).includes(locale === 'en' ? 'not valid JSON' : '不是有效的 JSON'), 'not JSON');

      choose(el, JSON.stringify({ ...before, hotlines: before.hotlines.slice(1) }));
      await waitFor(() => text($(el, '.detail-pane [role="status"]')).includes(locale === 'en' ? 'imported' : '已导入'), 'imported');
      expect($(el, '#catalogue-issues')).to.equal(null);
      await el.updateComplete;
      expect(text($(el, '#catalogue-counts'))).to.not.equal(counts);
      expect(text($(el, '#catalogue-counts'))).to.include(String(before.hotlines.length - 1));
      expect((await client.staff.catalogue({ token })).hotlines.length).to.equal(before.hotlines.length - 1);
    });
  }

  it('exports the document as catalogue-YYYY-MM-DD.json and revokes the URL at once', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="en"></rights-case-desk>`);
    await signIn(el, 'admin');
    $<HTMLButtonElement>(el, '#catalogue-open')!.click();
    await waitFor(() => $(el, '#catalogue-export'), 'the export button');
    const created: string[] = [];
    const revoked: string[] = [];
    const names: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => (created.push(createObjectURL(b)), created.at(-1)!);
    URL.revokeObjectURL = (u: string) => (revoked.push(u), revokeObjectURL(u));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      $<HTMLButtonElement>(el, '#catalogue-export')!.click();
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names).to.deep.equal([`catalogue-${new Date().toISOString().slice(0, 10)}.json`]);
    expect(revoked).to.deep.equal(created);
  });

  it('is not offered to a caseworker', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="zh-CN"></rights-case-desk>`);
    await signIn(el, 'caseworker');
    expect($(el, '#catalogue-open')).to.equal(null);
    expect($(el, '#templates-open')).to.equal(null);
  });
});
