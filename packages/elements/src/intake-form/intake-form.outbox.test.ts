import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { NetworkError, ServerError } from '@rights-kit/sdk';
import { deleteOutboxDatabase } from '@rights-kit/sdk/outbox';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import type { RightsQueuedEvent, RightsSubmittedEvent } from '../events/events.js';
import { $, back, DESCRIPTION, fillToReview, next, settle, stepName, testClient, tick, type, waitFor } from './intake-form.test.util.js';
import { DRAFT_KEY } from './draft.js';

describe('<rights-intake-form offline-queue>', () => {
  beforeEach(async () => {
    await deleteOutboxDatabase();
  });
  afterEach(async () => {
    fixtureCleanup();
    await deleteOutboxDatabase();
  });

  it('keeps a petition that cannot be sent, tells the citizen, and sends it once after a reload', async () => {
    const t = testClient();
    t.failNext(1000, () => new NetworkError('offline'));
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale="en" .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    const queued = oneEvent(el, 'rights-queued') as Promise<RightsQueuedEvent>;
    await next(el);
    const { detail } = await queued;
    await settle(el);
    const notice = $(el, '[part="queued"]')!;
    expect(notice.textContent).to.contain('saved on this device');
    expect(notice.getAttribute('role')).to.equal('status');
    expect($(el, '[part~="submit"]'), 'no second submit while queued').to.equal(null);

    // "Reload": the page goes away, the connection comes back, a new page loads the form again.
    fixtureCleanup();
    t.failNext(0, () => new Error('unused'));
    const again = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale="en" .client=${t.client}></rights-intake-form>`);
    const submitted = (await oneEvent(again, 'rights-submitted')) as RightsSubmittedEvent;
    await settle(again);
    expect(stepName(again)).to.equal('receipt');
    expect($(again, '[part="receipt"]')!.textContent).to.contain(submitted.receipt.reference);
    expect(t.submissions.map((s) => s.idempotencyKey)).to.deep.equal([detail.idempotencyKey]);
    expect(t.submissions[0]!.input.description).to.equal(DESCRIPTION);
  });

  it('shows the Receipt at once when the outbox could send right away', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    const submitted = oneEvent(el, 'rights-submitted');
    await next(el);
    await submitted;
    await settle(el);
    expect(stepName(el)).to.equal('receipt');
    expect(t.submissions).to.have.length(1);
  });

  it('sends a queued petition when the outbox retries in the same page', async () => {
    const t = testClient();
    t.failNext(1, () => new ServerError('down', { status: 503 }));
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    const queued = oneEvent(el, 'rights-queued');
    await next(el);
    await queued;
    const submitted = oneEvent(el, 'rights-submitted');
    window.dispatchEvent(new Event('online'));
    await submitted;
    await settle(el);
    expect(stepName(el)).to.equal('receipt');
    expect(t.submissions).to.have.length(1);
  });
});

describe('<rights-intake-form save-draft>', () => {
  afterEach(() => sessionStorage.removeItem(DRAFT_KEY));

  it('keeps a draft only when the citizen agrees, and restores it', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form save-draft .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await back(el);
    await back(el);
    await type(el, 'description', DESCRIPTION + '补充');
    expect(sessionStorage.getItem(DRAFT_KEY), 'not without consent').to.equal(null);
    await tick(el, 'keepDraft');
    expect(sessionStorage.getItem(DRAFT_KEY)).to.contain('补充');
    fixtureCleanup();
    const again = await fixture<RightsIntakeForm>(html`<rights-intake-form save-draft .client=${t.client}></rights-intake-form>`);
    await settle(again);
    expect(stepName(again)).to.equal('happened');
    expect($<HTMLTextAreaElement>(again, '#f-description')!.value).to.equal(DESCRIPTION + '补充');
    await tick(again, 'keepDraft');
    expect(sessionStorage.getItem(DRAFT_KEY), 'untick removes it').to.equal(null);
  });

  it('offers no draft without the host attribute and stores nothing', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
    await fillToReview(el);
    expect($(el, 'input[name="keepDraft"]')).to.equal(null);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('rights-kit:'))).to.deep.equal([]);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('rights-kit:'))).to.deep.equal([]);
  });

  it('deletes the draft once the petition is sent', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form save-draft .client=${testClient().client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'keepDraft');
    await tick(el, 'consent');
    expect(sessionStorage.getItem(DRAFT_KEY)).to.not.equal(null);
    await next(el);
    await waitFor(() => stepName(el) === 'receipt', 'receipt');
    expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
  });
});
