import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { NetworkError } from '@rights-kit/sdk';
import { deleteOutboxDatabase } from '@rights-kit/sdk/outbox';
import './intake-form.js';
import { RightsIntakeForm as RightsIntakeFormClass, type RightsIntakeForm } from './intake-form.component.js';
import type { RightsQueuedEvent, RightsSubmittedEvent } from '../events/events.js';
import { $, back, DESCRIPTION, fillToReview, next, settle, stepName, testClient, tick, type, waitFor, type TestClient } from './intake-form.test.util.js';
import { DRAFT_KEY } from './draft.js';

const PIN = '482913';
const heading = (el: RightsIntakeForm) => $(el, '#step-heading')!.textContent!.replace(/\s+/g, ' ').trim();
const databases = async () => (await indexedDB.databases()).map((d) => d.name);

/** Types into the PIN panel's fields and presses its button, as she would. */
async function enterPin(el: RightsIntakeForm, pin: string, again?: string): Promise<void> {
  const set = (name: string, value: string) => {
    const input = $<HTMLInputElement>(el, `input[name="${name}"]`);
    if (!input) throw new Error(`no ${name} field`);
    input.value = value;
  };
  set('pin', pin);
  if (again !== undefined) set('pinAgain', again);
  $<HTMLButtonElement>(el, '[part~="keep"], [part~="unlock"]')!.click();
  await settle(el);
}

/** Fills the form, fails to send (network down) and keeps it under PIN: the state after a queued submit. */
async function queueOffline(el: RightsIntakeForm, t: TestClient): Promise<RightsQueuedEvent> {
  t.failNext(1000, () => new NetworkError('offline'));
  await fillToReview(el);
  await tick(el, 'consent');
  await next(el);
  await waitFor(() => $(el, '[part~="pin-offer"]'), 'the offer to keep it');
  const queued = oneEvent(el, 'rights-queued') as Promise<RightsQueuedEvent>;
  await enterPin(el, PIN, PIN);
  const event = await queued;
  await waitFor(() => $(el, '[part="queued"]'), 'queued notice');
  return event;
}

describe('<rights-intake-form offline-queue>', () => {
  beforeEach(async () => {
    await deleteOutboxDatabase();
  });
  afterEach(async () => {
    fixtureCleanup();
    await deleteOutboxDatabase();
  });

  it('offers to keep a request that cannot be sent under a PIN, and sends it when the connection returns', async () => {
    const t = testClient();
    t.failNext(1000, () => new NetworkError('offline'));
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale="en" .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => $(el, '[part~="pin-offer"]'), 'the offer to keep it');
    expect($(el, '[part="submit-error"]')!.textContent).to.contain('not sent');
    expect($(el, '[part~="pin-offer"]')!.textContent).to.contain('see your code when it is sent');
    expect(await databases(), 'nothing stored before she chooses to keep it').not.to.include('rights-kit-outbox');

    await enterPin(el, '12', '12');
    expect($(el, '#pin-pin-error')!.textContent).to.contain('4 to 8 digits');
    await enterPin(el, PIN, '482914');
    expect($(el, '#pin-pinAgain-error')!.textContent).to.contain('not the same');
    expect($<HTMLInputElement>(el, 'input[name="pin"]')!.value, 'the PIN is not left in the field').to.equal('');
    expect(await databases()).not.to.include('rights-kit-outbox');

    const queued = oneEvent(el, 'rights-queued') as Promise<RightsQueuedEvent>;
    await enterPin(el, PIN, PIN);
    const { detail } = await queued;
    await waitFor(() => $(el, '[part="queued"]'), 'queued notice');
    expect(heading(el)).to.equal('Saved on this device');
    expect($(el, '[part="queued"]')!.getAttribute('role')).to.equal('status');
    expect($(el, '[part~="submit"]'), 'no second submit while queued').to.equal(null);

    t.failNext(0, () => new Error('unused'));
    const submitted = oneEvent(el, 'rights-submitted') as Promise<RightsSubmittedEvent>;
    window.dispatchEvent(new Event('online'));
    const { receipt } = await submitted;
    await settle(el);
    expect(stepName(el)).to.equal('receipt');
    expect($(el, '[part="receipt"]')!.textContent).to.contain(receipt.reference);
    expect(t.submissions.map((s) => s.idempotencyKey)).to.deep.equal([detail.idempotencyKey]);
    expect(t.submissions[0]!.input.description).to.equal(DESCRIPTION);
  });

  it('on a later visit sends and shows nothing until her PIN; a wrong PIN reveals nothing; the right one sends it and shows its code', async () => {
    const t = testClient();
    const first = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale="en" .client=${t.client}></rights-intake-form>`);
    const { detail } = await queueOffline(first, t);

    // The page goes away with the key; the connection comes back; the portal is opened again.
    fixtureCleanup();
    t.failNext(0, () => new Error('unused'));
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale="en" .client=${t.client}></rights-intake-form>`);
    await waitFor(() => $(el, '[part~="pin-unlock"]'), 'the PIN form');
    expect(heading(el)).to.equal('You have a request waiting to be sent');
    expect($(el, '[part~="pin-unlock"]')!.textContent).to.contain('Enter the PIN you chose');
    expect(t.submissions, 'nothing sent without the PIN').to.have.length(0);
    expect(el.shadowRoot!.textContent).not.to.contain(DESCRIPTION.slice(0, 6));

    await enterPin(el, '000000');
    await waitFor(() => $(el, '#pin-pin-error'), 'wrong PIN message');
    expect($(el, '#pin-pin-error')!.textContent).to.contain('4 more tries');
    expect($(el, '[part="receipt"]')).to.equal(null);
    expect(t.submissions).to.have.length(0);

    const submitted = oneEvent(el, 'rights-submitted') as Promise<RightsSubmittedEvent>;
    await enterPin(el, PIN);
    const { receipt } = await submitted;
    await settle(el);
    expect(stepName(el)).to.equal('receipt');
    expect($(el, '#receipt-access-code')!.textContent!.replace(/\W/g, '')).to.equal(receipt.accessCode.replace(/\W/g, ''));
    expect(t.submissions.map((s) => s.idempotencyKey)).to.deep.equal([detail.idempotencyKey]);
  });

  it('after five wrong PINs says plainly what happens, keeps it locked, and lets her delete it', async () => {
    const t = testClient();
    await queueOffline(await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale="en" .client=${t.client}></rights-intake-form>`), t);
    fixtureCleanup();
    t.failNext(0, () => new Error('unused'));
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale="en" hotline-number="12338" .client=${t.client}></rights-intake-form>`);
    await waitFor(() => $(el, '[part~="pin-unlock"]'), 'the PIN form');
    for (const pin of ['1111', '2222', '3333', '4444']) {
      await enterPin(el, pin);
      await waitFor(() => $(el, '#pin-pin-error') && !$<HTMLButtonElement>(el, '[part~="unlock"]')!.disabled, 'wrong PIN');
    }
    await enterPin(el, '5555');
    await waitFor(() => $(el, '[part="locked-out"]'), 'locked out');
    const text = $(el, '[part="locked-out"]')!.textContent!;
    expect(text).to.contain('has not been sent');
    expect(text).to.contain('12338');
    expect($(el, 'input[name="pin"]'), 'no more PIN field').to.equal(null);
    expect(t.submissions).to.have.length(0);

    // A new visit still says so: the count is kept with the entry.
    fixtureCleanup();
    const again = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale="en" .client=${t.client}></rights-intake-form>`);
    await waitFor(() => $(again, '[part="locked-out"]'), 'still locked out');
    $<HTMLButtonElement>(again, '[part~="remove"]')!.click();
    await waitFor(() => stepName(again) === 'danger', 'a new form');
    const { createOutbox } = await import('@rights-kit/sdk/outbox');
    const outbox = createOutbox({ client: t.client });
    expect(await outbox.entries()).to.deep.equal([]);
    outbox.close();
  });

  it('lets someone else start a new request while the waiting one stays locked', async () => {
    const t = testClient();
    await queueOffline(await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue .client=${t.client}></rights-intake-form>`), t);
    fixtureCleanup();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue .client=${t.client}></rights-intake-form>`);
    await waitFor(() => $(el, '[part~="pin-unlock"]'), 'the PIN form');
    expect(heading(el)).to.equal('您有一份求助还没有发送');
    $<HTMLButtonElement>(el, '[part~="start-new"]')!.click();
    await waitFor(() => stepName(el) === 'danger', 'a new form');
    expect(t.submissions).to.have.length(0);
  });

  it('shows the Receipt at once when it can be sent, and creates no database', async () => {
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
    expect(await databases()).not.to.include('rights-kit-outbox');
  });

  it('creates no database when the form is opened with offline-queue and nothing is queued', async () => {
    const t = testClient();
    let looked!: () => void;
    const checked = new Promise<void>((resolve) => (looked = resolve));
    class Watching extends RightsIntakeFormClass {
      // The form's look for a waiting petition, observed: the test checks storage only after it has happened.
      protected override async loadOutbox(client: Parameters<RightsIntakeForm['loadOutbox']>[0]) {
        const outbox = await super.loadOutbox(client);
        const entries = outbox.entries.bind(outbox);
        outbox.entries = async () => {
          const result = await entries();
          looked();
          return result;
        };
        return outbox;
      }
    }
    if (!customElements.get('watching-intake-form')) customElements.define('watching-intake-form', Watching);
    const el = await fixture<RightsIntakeForm>(html`<watching-intake-form offline-queue .client=${t.client}></watching-intake-form>`);
    await checked;
    await settle(el);
    expect(await databases()).not.to.include('rights-kit-outbox');
    expect(await databases()).to.deep.equal([]);
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`is axe-clean in ${locale}: the offer, the queued notice, the PIN form with an error`, async () => {
      const t = testClient();
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale=${locale} .client=${t.client}></rights-intake-form>`);
      t.failNext(1000, () => new NetworkError('offline'));
      await fillToReview(el);
      await tick(el, 'consent');
      await next(el);
      await waitFor(() => $(el, '[part~="pin-offer"]'), 'offer');
      await enterPin(el, PIN, '1');
      await expect(el).to.be.accessible();
      await enterPin(el, PIN, PIN);
      await waitFor(() => $(el, '[part="queued"]'), 'queued');
      await expect(el).to.be.accessible();
      fixtureCleanup();
      const again = await fixture<RightsIntakeForm>(html`<rights-intake-form offline-queue locale=${locale} .client=${t.client}></rights-intake-form>`);
      await waitFor(() => $(again, '[part~="pin-unlock"]'), 'the PIN form');
      await enterPin(again, '0000');
      await waitFor(() => $(again, '#pin-pin-error'), 'wrong PIN');
      await expect(again).to.be.accessible();
    });
  }
});

describe('<rights-intake-form save-draft>', () => {
  afterEach(() => sessionStorage.removeItem(DRAFT_KEY));

  /** Ticks "keep a draft" and chooses the PIN; resolves when the sealed draft is stored. */
  async function keepDraft(el: RightsIntakeForm): Promise<void> {
    await tick(el, 'keepDraft');
    await waitFor(() => $(el, '[part~="draft-pin"]'), 'the draft PIN panel');
    expect(sessionStorage.getItem(DRAFT_KEY), 'nothing before the PIN').to.equal(null);
    $<HTMLInputElement>(el, 'input[name="pin"]')!.value = PIN;
    $<HTMLInputElement>(el, 'input[name="pinAgain"]')!.value = PIN;
    $<HTMLButtonElement>(el, '[part~="keep-draft"]')!.click();
    await waitFor(() => sessionStorage.getItem(DRAFT_KEY), 'the sealed draft');
  }

  it('keeps a draft only when she agrees and chooses a PIN, sealed, and restores it after her PIN', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form save-draft locale="en" .client=${t.client}></rights-intake-form>`);
    await fillToReview(el, { anonymous: false });
    await back(el);
    await back(el);
    await back(el);
    await type(el, 'description', DESCRIPTION + '补充');
    expect(sessionStorage.getItem(DRAFT_KEY), 'not without consent').to.equal(null);
    await keepDraft(el);
    await type(el, 'description', DESCRIPTION + '补充二');
    await waitFor(() => sessionStorage.getItem(DRAFT_KEY) !== null && $(el, '[part~="draft-pin"]') === null, 'sealed again');
    await new Promise((r) => setTimeout(r, 100));
    const stored = sessionStorage.getItem(DRAFT_KEY)!;
    for (const secret of ['补充', DESCRIPTION.slice(0, 5), '王女士', '13812345678', PIN, 'description']) expect(stored, secret).not.to.contain(secret);
    await expect(el).to.be.accessible();

    fixtureCleanup(); // a reload
    const again = await fixture<RightsIntakeForm>(html`<rights-intake-form save-draft locale="en" .client=${t.client}></rights-intake-form>`);
    await waitFor(() => $(again, '[part~="draft-unlock"]'), 'the draft PIN form');
    expect(heading(again)).to.equal('You have a draft on this device');
    expect(again.shadowRoot!.textContent).not.to.contain('补充');
    $<HTMLInputElement>(again, 'input[name="pin"]')!.value = '0000';
    $<HTMLButtonElement>(again, '[part~="unlock-draft"]')!.click();
    await waitFor(() => $(again, '#pin-pin-error'), 'wrong PIN');
    expect($(again, '#pin-pin-error')!.textContent).to.contain('4 more tries');
    await expect(again).to.be.accessible();
    $<HTMLInputElement>(again, 'input[name="pin"]')!.value = PIN;
    $<HTMLButtonElement>(again, '[part~="unlock-draft"]')!.click();
    await waitFor(() => $(again, '#f-description'), 'the restored step');
    expect(stepName(again)).to.equal('happened');
    expect($<HTMLTextAreaElement>(again, '#f-description')!.value).to.equal(DESCRIPTION + '补充二');
    await tick(again, 'keepDraft');
    expect(sessionStorage.getItem(DRAFT_KEY), 'untick removes it').to.equal(null);
  });

  it('deletes the draft after five wrong PINs and says so', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form save-draft .client=${testClient().client}></rights-intake-form>`);
    await fillToReview(el);
    await keepDraft(el);
    fixtureCleanup();
    const again = await fixture<RightsIntakeForm>(html`<rights-intake-form save-draft .client=${testClient().client}></rights-intake-form>`);
    await waitFor(() => $(again, '[part~="draft-unlock"]'), 'the draft PIN form');
    expect(heading(again)).to.equal('这台设备上有一份您的草稿');
    await expect(again).to.be.accessible();
    for (const pin of ['1111', '2222', '3333', '4444', '5555']) {
      await waitFor(() => $<HTMLButtonElement>(again, '[part~="unlock-draft"]') && !$<HTMLButtonElement>(again, '[part~="unlock-draft"]')!.disabled, 'ready');
      $<HTMLInputElement>(again, 'input[name="pin"]')!.value = pin;
      $<HTMLButtonElement>(again, '[part~="unlock-draft"]')!.click();
      await waitFor(() => $(again, '#pin-pin-error') || $(again, '[part="draft-deleted"]'), 'an answer');
    }
    await waitFor(() => $(again, '[part="draft-deleted"]'), 'deleted notice');
    expect($(again, '[part="draft-deleted"]')!.textContent).to.contain('草稿已从这台设备上删除');
    expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
    expect(stepName(again)).to.equal('danger');
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
    await keepDraft(el);
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => stepName(el) === 'receipt', 'receipt');
    expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
  });
});
