/**
 * What the card's first download leaves out (issue #21): the open/closed line arrives after the number and its
 * tap-to-call link, from a lazily loaded chunk (if the chunk never comes: the hours as written, no claim), and the
 * English texts load only on an English page. Each test file has its own page, so the order matters: the chunk is
 * loaded once per page (the failing load first, then the held one), and the zh-CN cards come before the English.
 */
import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import type { Hotline } from '@rights-kit/sdk';
import './hotline-card.js';
import type { RightsHotlineCard } from './hotline-card.component.js';
import { hoursChunk } from './hours-chunk.js';

const women: Hotline = {
  id: 'women',
  name: { 'zh-CN': '全国妇女维权公益服务热线', en: 'Women’s rights hotline' },
  number: '12338',
  openingHours: 'Mo-Fr 08:30-17:30',
  timezone: 'Asia/Shanghai',
  free: true,
  channels: ['phone'],
};
const mondayMorning = new Date('2026-03-02T10:00:00+08:00');
const realImport = hoursChunk.import;
const $ = (el: RightsHotlineCard, selector: string) => el.shadowRoot!.querySelector(selector);
performance.setResourceTimingBufferSize(100_000);
const englishFetched = () => performance.getEntriesByType('resource').some((e) => e.name.includes('hotline-card.messages.en'));

describe('<rights-hotline-card> hours and English load after the card', () => {
  afterEach(() => {
    hoursChunk.import = realImport;
  });

  it('without the hours chunk (offline after a deploy) shows the number and the hours as written, no open/closed claim', async () => {
    hoursChunk.import = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await fixture<RightsHotlineCard>(html`<rights-hotline-card locale="zh-CN" hotline-id="women" .hotlines=${[women]} .now=${mondayMorning}></rights-hotline-card>`);
    expect($(el, '[part=number]')!.getAttribute('href')).to.equal('tel:12338');
    expect($(el, '[part=status]')).to.equal(null);
    expect($(el, '[part=hours]')!.textContent).to.contain('服务时间：Mo-Fr 08:30-17:30');
    expect($(el, '[part=card]')!.getAttribute('aria-busy')).to.equal('false');
    expect(el.matches(':state(open)') || el.matches(':state(closed)')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('renders the number first, busy, then the open/closed line when the chunk arrives', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    hoursChunk.import = () => ((asked = true), held.then(realImport));
    const el = fixtureSync<RightsHotlineCard>(html`<rights-hotline-card locale="zh-CN" hotline-id="women" .hotlines=${[women]} .now=${mondayMorning}></rights-hotline-card>`);
    await waitUntil(() => $(el, '[part=number]'), 'the card rendered');
    expect(asked, 'the chunk is asked for after the first render').to.equal(true);
    expect($(el, '[part=number]')!.textContent).to.contain('12338');
    expect($(el, '[part=copy]')).not.to.equal(null);
    expect($(el, '[part=status]')).to.equal(null);
    expect($(el, '[part=card]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    release();
    await el.updateComplete;
    expect($(el, '[part=status]')!.textContent).to.contain('服务中，17:30 结束');
    expect($(el, '[part=hours]')!.textContent).to.contain('08:30–17:30');
    expect($(el, '[part=card]')!.getAttribute('aria-busy')).to.equal('false');
    expect(el.matches(':state(open)')).to.equal(true);
    expect(englishFetched(), 'a zh-CN page downloads no English').to.equal(false);
  });

  it('an English card loads its English before its first render', async () => {
    const el = await fixture<RightsHotlineCard>(html`<rights-hotline-card locale="en" hotline-id="women" .hotlines=${[women]} .now=${mondayMorning}></rights-hotline-card>`);
    expect(englishFetched()).to.equal(true);
    expect($(el, '[part=copy]')!.textContent).to.contain('Copy number');
    expect($(el, '[part=status]')!.textContent).to.contain('Open now – closes at 17:30');
  });
});
