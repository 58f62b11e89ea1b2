/**
 * The English texts load only on an English page (issue #21); an English list never shows Chinese first.
 * Each test file runs in its own page: the zh-CN test comes first, before anything asks for English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Activity } from '@rights-kit/sdk';
import '../event-list.js';
import type { RightsEvents } from './event-list.component.js';

performance.setResourceTimingBufferSize(100_000);
const englishFetched = () => performance.getEntriesByType('resource').some((e) => e.name.includes('event-list.messages.en'));
const CJK = /[\u3400-\u9fff]/;

const training: Activity = {
  id: 'a1',
  kind: 'training',
  title: 'Know your rights',
  startsAt: '2026-12-10T01:00:00Z',
  endsAt: '2026-12-10T08:30:00Z',
  place: 'Hall',
};
const now = new Date('2026-12-01T00:00:00Z');

describe('<rights-events> loads its English when asked for', () => {
  it('a zh-CN list renders at once and downloads no English', async () => {
    const el = await fixture<RightsEvents>(html`<rights-events locale="zh-CN" .activities=${[training]} .now=${now}></rights-events>`);
    expect(el.shadowRoot!.querySelector('[part=kind]')!.textContent).to.equal('培训');
    expect(englishFetched()).to.equal(false);
  });

  it('an English list shows English from its first render', async () => {
    const el = document.createElement('rights-events');
    el.locale = 'en';
    el.activities = [training];
    el.now = now;
    const seen: string[] = [];
    document.body.append(el);
    const observer = new MutationObserver(() => seen.push(el.shadowRoot!.textContent ?? ''));
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    await el.updateComplete;
    observer.disconnect();
    expect(el.shadowRoot!.querySelector('[part=kind]')!.textContent).to.equal('Training');
    expect(englishFetched()).to.equal(true);
    expect(seen.filter((text) => CJK.test(text)), 'no Chinese at any moment').to.deep.equal([]);
    await expect(el).to.be.accessible();
    el.remove();
  });
});
