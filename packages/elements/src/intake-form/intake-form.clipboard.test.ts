// The intake form's copy buttons and quick exit (issue #17 point 1): the access code she copied from the Receipt does not stay on the
// clipboard after quick exit; a clipboard the kit never wrote to is left alone. The clipboard is a recording stand-in
// (a headless page may not write the real one without a user gesture the test runner cannot give).
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import './intake-form.js';
import '../quick-exit.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, fillToReview, next, stepName, testClient, tick, waitFor } from './intake-form.test.util.js';

/** A quick exit that stays on the test page: the host cancels `rights-exit` (after the clipboard was emptied). */
async function quickExit(): Promise<HTMLElementTagNameMap['rights-quick-exit']> {
  const el = await fixture<HTMLElementTagNameMap['rights-quick-exit']>(html`<rights-quick-exit></rights-quick-exit>`);
  el.addEventListener('rights-exit', (e) => e.preventDefault());
  return el;
}

describe('<rights-quick-exit> and the clipboard', () => {
  let writes: string[];
  beforeEach(() => {
    writes = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
  });
  afterEach(() => {
    delete (navigator as { clipboard?: unknown }).clipboard;
    fixtureCleanup();
  });

  it('empties the clipboard when the form copied the access code there', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${testClient().client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => stepName(el) === 'receipt', 'receipt');
    const code = $(el, '#receipt-access-code')!.textContent!.trim();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="copy"]')].at(-1)!.click();
    await waitFor(() => writes.length === 1, 'the copy');
    expect(writes).to.deep.equal([code]);

    (await quickExit()).exit();
    await waitFor(() => writes.length === 2, 'the clipboard emptied');
    expect(writes[1]).to.equal('');
  });

  it('leaves the clipboard alone when the kit put nothing there', async () => {
    (await quickExit()).exit();
    await new Promise((r) => setTimeout(r, 50));
    expect(writes).to.deep.equal([]);
  });
});
