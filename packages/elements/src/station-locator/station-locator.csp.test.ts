// The locator, its virtualised list and the Leaflet map under the kit's strict policy: no inline styles or
// scripts, no eval, Trusted Types enforced with only Lit's policy. Its own file (and page), because the
// policy, once set, holds for the rest of the page. `img-src` needs the tile host and `data:` (Leaflet
// cancels a pending tile by pointing it at a data: GIF; see docs/elements/station-locator.md).
import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import type { Station } from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';
import { generateStations } from '../../../../test/bench/locator-stations.mjs';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
meta.content =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http://127.0.0.1:9; require-trusted-types-for 'script'; trusted-types lit-html";
document.head.append(meta);

describe('<rights-station-locator> under a strict Content-Security-Policy with Trusted Types', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('enforces the policy in this page (the check can fail)', async () => {
    const div = document.createElement('div');
    expect(() => (div.innerHTML = '<b>x</b>')).to.throw();
    for (let i = 0; i < 50 && violations.length === 0; i++) await aTimeout(10);
    expect(violations).to.have.length(1);
    violations.length = 0;
  });

  it('renders the list and the Leaflet map, selects from both, with no violation', async () => {
    await import('../station-locator.js');
    const stations = [...demoSeed.stations, ...(generateStations(300) as Station[])];
    const el = await fixture(html`<rights-station-locator locale="en" view="both" tile-url="http://127.0.0.1:9/{z}/{x}/{y}.png" .stations=${stations}></rights-station-locator>`);
    // The map and the virtualised list are both lazy chunks: wait for both.
    for (let i = 0; i < 150 && !(el.shadowRoot!.querySelector('.rk-marker') && el.shadowRoot!.querySelector('.list.virtual [part~="station"]')); i++) await aTimeout(20);
    expect(el.shadowRoot!.querySelector('.leaflet-container')).to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part~="station"]').length).to.be.greaterThan(0);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.name-button')!.click();
    await aTimeout(50);
    el.shadowRoot!.querySelector<HTMLElement>('.rk-marker')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await aTimeout(200);
    expect(violations).to.deep.equal([]);
  });
});
