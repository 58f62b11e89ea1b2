/**
 * The tracker's first screen is the lookup alone (issue #21): the case view and all she can do with her case
 * (case-shown.ts) load while she types, at the latest with the lookup, and a lookup whose view cannot load says so.
 * The order of the tests matters: the module is loaded once per page (a failed load is forgotten), so the failing
 * load comes first.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, NetworkError, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { budget } from '../../../../test/support/budget-browser.mjs';
import '../../../../test/support/reportable-failures-browser.mjs';
import '../case-tracker.js';
import type { RightsCaseTracker } from './case-tracker.component.js';
import { shownChunk } from './shown-chunk.js';

// Room for every module the test page loads (Chromium keeps 250 resource entries by default, then none).
performance.setResourceTimingBufferSize(100_000);
const fetched = (part: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(part));
/** The first lookup loads the client's schemas and the case's module: 5 s on a quiet machine, scaled by the load. */
const WAIT = { timeout: budget(5_000) };
const seedCase = demoSeed.cases.find((c) => c.reference === 'RK-2026-2H14JZ')!;
const realImport = shownChunk.import;
const $ = <T extends Element = HTMLElement>(el: RightsCaseTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const client = (): RightsClient => createClient({ backend: memoryBackend({ seed: demoSeed }) });

function type(el: RightsCaseTracker, selector: string, value: string) {
  const field = $<HTMLInputElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<rights-case-tracker> loads the case view when it is needed', () => {
  afterEach(() => {
    shownChunk.import = realImport;
  });

  it('a case whose view cannot load (offline after a deploy) is a lookup that failed, said plainly; the next lookup tries again', async () => {
    shownChunk.import = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker locale="en" .client=${client()}></rights-case-tracker>`);
    const errors: unknown[] = [];
    el.addEventListener('rights-error', (e) => errors.push((e as CustomEvent<{ error: unknown }>).detail.error));
    type(el, '#reference', seedCase.reference);
    type(el, '#access-code', seedCase.accessCode);
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => $(el, '#error'), 'the lookup failed', WAIT);
    expect(text($(el, '#error'))).to.contain('We could not connect. Check your connection and try again.');
    expect(el.shadowRoot!.activeElement?.id, 'focus on the error').to.equal('error');
    expect(errors[0], 'the event carries the sdk error').to.be.instanceOf(NetworkError);
    expect($<HTMLInputElement>(el, '#access-code')!.value, 'what she typed stays').to.equal(seedCase.accessCode);
    expect(fetched('/case-shown.ts')).to.equal(false);

    let tries = 0;
    shownChunk.import = () => (tries++, Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => tries === 1 && $(el, '#error') && !el.matches(':state(loading)'), 'tried again, failed again', WAIT);
  });

  it('the first screen does not load the case view; typing starts it; the case shows once the lookup and the view are both there', async () => {
    const imports: string[] = [];
    shownChunk.import = () => (imports.push('case-shown'), realImport());
    const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker .client=${client()}></rights-case-tracker>`);
    await el.updateComplete;
    expect($(el, '#reference'), 'the lookup form shows').not.to.equal(null);
    expect(imports, 'not asked for by the first screen').to.deep.equal([]);
    expect(fetched('/case-shown.ts'), 'not downloaded for the first screen').to.equal(false);

    type(el, '#reference', seedCase.reference);
    expect(imports, 'asked for as she types').to.deep.equal(['case-shown']);
    type(el, '#access-code', seedCase.accessCode);
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => $(el, '#result-heading'), 'the case shown', WAIT);
    expect(imports, 'loaded once').to.deep.equal(['case-shown']);
    expect(fetched('/case-shown.ts')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id, 'focus on the case heading').to.equal('result-heading');
    expect(text($(el, '[part=status]'))).to.contain('目前状态');
    // Its styles came with it: the status block has its accent border.
    expect(getComputedStyle($(el, '[part=status]')!).borderLeftStyle).to.equal('solid');
    expect(el.matches(':state(loaded)')).to.equal(true);
  });
});
