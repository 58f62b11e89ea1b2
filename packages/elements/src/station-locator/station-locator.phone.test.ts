/**
 * The locator on a phone (#18 item 9): the filters beyond the search fold away, so the results come right
 * after the search and "use my location"; the fold says how many filters are on; "use my location" brings the
 * list into view; without a map a station's name does not dress as a link. In both locales.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../station-locator.js';
import type { RightsStationLocator } from './station-locator.component.js';

const TUESDAY_10 = new Date('2026-03-10T02:00:00Z');
const $ = <T extends Element = HTMLElement>(el: HTMLElement, s: string) => el.shadowRoot!.querySelector<T>(s)!;

async function locator(locale: string, view = 'list'): Promise<RightsStationLocator> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="height: 3000px">
    <rights-station-locator locale=${locale} view=${view}></rights-station-locator>
  </div>`);
  const el = wrapper.querySelector('rights-station-locator')!;
  el.client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
  el.now = () => TUESDAY_10;
  // The list first, then the filters beyond the search (a lazy chunk loaded right after the first render).
  for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('[part="count"]'); i++) await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('#district'); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
}

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`<rights-station-locator> on a phone (${locale})`, () => {
    setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
    beforeEach(async () => setViewport({ width: 390, height: 844 }));
    afterEach(async () => setViewport({ width: 800, height: 600 }));

    it('folds the filters beyond the search; the results follow the search and "use my location"', async () => {
      const el = await locator(locale);
      const more = $<HTMLDetailsElement>(el, '[part="more-filters"]');
      expect(more.open, 'folded at 390 px').to.equal(false);
      expect($(el, '#district').checkVisibility(), 'the district filter is folded away').to.equal(false);
      const count = $(el, '[part="count"]').getBoundingClientRect();
      expect(count.top, 'the results start on the first screen').to.be.below(innerHeight);
      more.querySelector('summary')!.click();
      await el.updateComplete;
      expect(more.open).to.equal(true);
      const district = $<HTMLSelectElement>(el, '#district');
      district.value = district.options[1]!.value;
      district.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      more.querySelector('summary')!.click();
      await el.updateComplete;
      expect(more.querySelector('summary')!.textContent, 'the fold says a filter is on').to.contain(locale === 'en' ? '(1 chosen)' : '（已选 1 项）');
    });

    it('"use my location" brings the list into view', async () => {
      Object.defineProperty(navigator, 'geolocation', {
        configurable: true,
        value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 36.1452, longitude: 103.8398 } } as GeolocationPosition) },
      });
      const el = await locator(locale);
      scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((r) => requestAnimationFrame(r));
      $<HTMLButtonElement>(el, '[part="locate"]').click();
      for (let i = 0; i < 50 && $(el, '[part="count"]').getBoundingClientRect().top < 0; i++) await new Promise((r) => setTimeout(r, 20));
      const top = $(el, '[part="count"]').getBoundingClientRect().top;
      expect(top, 'the count is in view').to.be.at.least(0).and.below(innerHeight);
    });

    it('a name does not look like a link without a map, and does with one', async () => {
      const list = await locator(locale);
      expect(getComputedStyle($(list, '.name-button')).textDecorationLine).to.equal('none');
      const both = await locator(locale, 'both');
      expect(getComputedStyle($(both, '.name-button')).textDecorationLine).to.equal('underline');
    });
  });
}
