/**
 * What the form's first screen does not carry (issue #21): the PIN/draft/outbox parts on a page without
 * `offline-queue` or `save-draft`, the evidence slot, the text fields and the time zone (the later steps bring
 * them), and the later steps' styles until those steps have loaded — which, once there,
 * style the error summary and the review as before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, choose, next, settle, testClient, waitFor } from './intake-form.test.util.js';

// Room for every module the test page loads (Chromium keeps 250 resource entries by default, then none).
performance.setResourceTimingBufferSize(100_000);
const fetched = (part: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(part));
/** The first request for a module whose address contains `part` (the browser caches it after that). */
const firstFetch = (part: string) => performance.getEntriesByType('resource').find((e) => e.name.includes(part));

describe('<rights-intake-form> loads what a page uses', () => {
  it('a page without offline-queue or save-draft never downloads the PIN, draft or outbox code', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
    await settle(el);
    await choose(el, 'immediateDanger', 'no');
    await next(el);
    await waitFor(() => $(el, 'input[name="category"]'), 'the category step');
    for (const part of ['/device.ts', '/pin-step.ts', '/outbox.ts', '/draft.ts', '/pin.messages.ts', 'sdk/src/pin.ts'])
      expect(fetched(part), `${part} not fetched`).to.equal(false);
  });

  it('the evidence slot, the text fields and the time zone are not loaded before the later steps', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
    await settle(el);
    await choose(el, 'immediateDanger', 'no');
    await next(el);
    await waitFor(() => $(el, 'input[name="category"]'), 'the category step');
    const later = firstFetch('/steps/later.ts');
    expect(later, 'the later steps fetched').to.not.equal(undefined);
    // Each is first asked for as a dependency of the later steps, after their module arrived: never by the first screen.
    for (const part of ['/form/evidence-slot.ts', '/form/fields.ts', '/form/time-zone.ts']) {
      const entry = firstFetch(part);
      expect(entry, `${part} fetched with the later steps`).to.not.equal(undefined);
      expect(entry!.startTime, `${part} requested after the later steps arrived`).to.be.at.least(later!.responseEnd);
    }
  });

  it('the later steps bring their styles: the error summary is framed in the danger colour', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${testClient().client}></rights-intake-form>`);
    await settle(el);
    await choose(el, 'immediateDanger', 'no');
    await next(el);
    await waitFor(() => $(el, 'input[name="category"]'), 'the category step');
    await next(el); // no category chosen: the summary shows
    await waitFor(() => $(el, '.error-summary'), 'the error summary');
    const style = getComputedStyle($(el, '.error-summary')!);
    expect(style.borderTopWidth).to.equal('4px');
    expect(style.borderTopStyle).to.equal('solid');
  });

  it('with offline-queue the device parts load as the form connects, before any send can fail', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue .client=${testClient().client}></rights-intake-form>`);
    await waitFor(() => fetched('/device.ts'), 'device.ts fetched');
    expect($(el, '#step-heading')!.textContent).to.contain('您现在有危险吗');
  });
});
