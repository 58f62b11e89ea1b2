import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { NetworkError } from '@rights-kit/sdk';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import type { RightsSubmittedEvent } from '../events/events.js';
import { $, $$, choose, DESCRIPTION, fillToReview, heading, next, settle, stepName, testClient, tick, type, waitFor, back } from './intake-form.test.util.js';

async function press(key: string, times = 1) {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

/** Presses Tab until `matches(active element in the form)` — keyboard only, as a citizen would. */
async function tabTo(el: RightsIntakeForm, matches: (active: Element) => boolean, max = 30) {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    await settle(el);
    const active = el.shadowRoot!.activeElement;
    if (active && matches(active)) return active;
  }
  throw new Error('control not reached by Tab');
}

describe('<rights-intake-form>', () => {
  it('takes a petition from start to Receipt by keyboard alone', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${t.client}></rights-intake-form>`);
    await settle(el);
    // Danger: "No"
    await tabTo(el, (a) => (a as HTMLInputElement).name === 'immediateDanger');
    await press('ArrowDown');
    await tabTo(el, (a) => a.getAttribute('part')?.includes('next') ?? false);
    await press('Enter');
    await settle(el);
    expect(stepName(el)).to.equal('category');
    expect(el.shadowRoot!.activeElement?.id, 'focus moves to the step heading').to.equal('step-heading');
    expect(heading(el)).to.contain('Step 2 of');
    // Category: the last one, "Other" (general)
    await waitFor(() => $(el, 'input[name="category"]'), 'categories');
    await tabTo(el, (a) => (a as HTMLInputElement).name === 'category');
    await press('ArrowUp');
    await settle(el);
    expect($$<HTMLInputElement>(el, 'input[name="category"]').find((r) => r.checked)?.value).to.equal('general');
    await tabTo(el, (a) => a.getAttribute('part')?.includes('next') ?? false);
    await press('Enter');
    await settle(el);
    expect(stepName(el)).to.equal('happened');
    // What happened
    await tabTo(el, (a) => a.id === 'f-description');
    await sendKeys({ type: 'My employer has not paid me for three months.' });
    await tabTo(el, (a) => a.id === 'f-location-district');
    await sendKeys({ type: 'Qinghe' });
    await press('Enter'); // implicit submission: Next
    await settle(el);
    expect(stepName(el)).to.equal('who');
    await tabTo(el, (a) => (a as HTMLInputElement).name === 'onBehalfOf');
    await press('Space');
    await tabTo(el, (a) => (a as HTMLInputElement).name === 'anonymous');
    await press('Space'); // yes: anonymous
    await tabTo(el, (a) => a.getAttribute('part')?.includes('next') ?? false);
    await press('Enter');
    await settle(el);
    expect(stepName(el), 'contact is skipped when anonymous').to.equal('review');
    await tabTo(el, (a) => a.id === 'f-consent');
    await press('Space');
    await tabTo(el, (a) => a.getAttribute('part')?.includes('submit') ?? false);
    const submitted = oneEvent(el, 'rights-submitted') as Promise<RightsSubmittedEvent>;
    await press('Enter');
    const event = await submitted;
    await settle(el);
    expect(stepName(el)).to.equal('receipt');
    expect($(el, '[part="receipt"]')!.textContent).to.contain(event.receipt.reference);
    expect(t.submissions).to.have.length(1);
    expect(t.submissions[0]!.input).to.deep.include({ category: 'general', anonymous: true, onBehalfOf: 'self', consent: true, locale: 'en' });
    expect(t.submissions[0]!.input.description).to.equal('My employer has not paid me for three months.');
    // The Receipt works in a lookup.
    const view = await t.client.cases.lookup({ reference: event.receipt.reference, accessCode: event.receipt.accessCode });
    expect(view.reference).to.equal(event.receipt.reference);
  });

  it('shows 110 and the hotline as call links when the citizen is in danger, then lets her go on', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form hotline-number="12338" .client=${t.client}></rights-intake-form>`);
    await settle(el);
    expect($(el, '[part="emergency"]')).to.equal(null);
    await choose(el, 'immediateDanger', 'yes');
    const links = $$<HTMLAnchorElement>(el, '[part="emergency"] a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['tel:110', 'tel:12338']);
    expect($(el, '[part~="next"]')!.textContent!.trim()).to.equal('继续填写求助表');
    await next(el);
    expect(stepName(el)).to.equal('category');
    await choose(el, 'category', 'general');
    await next(el);
    await type(el, 'description', DESCRIPTION);
    await next(el);
    await choose(el, 'onBehalfOf', 'self');
    await choose(el, 'anonymous', 'yes');
    await next(el);
    expect($(el, '[part="review"]')!.textContent).to.contain('现在有危险');
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input.immediateDanger).to.equal(true);
  });

  it('uses the configured emergency number', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form emergency-number="999" hotline-number="" .client=${testClient().client}></rights-intake-form>`);
    await choose(el, 'immediateDanger', 'yes');
    expect($$<HTMLAnchorElement>(el, '[part="emergency"] a').map((a) => a.getAttribute('href'))).to.deep.equal(['tel:999']);
  });

  it('keeps every answer when going back and forth', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
    await fillToReview(el);
    await back(el);
    await back(el);
    expect(stepName(el)).to.equal('happened');
    expect($<HTMLTextAreaElement>(el, '#f-description')!.value).to.equal(DESCRIPTION);
    await back(el);
    expect($$<HTMLInputElement>(el, 'input[name="category"]').find((r) => r.checked)?.value).to.equal('general');
    await next(el);
    await next(el);
    await next(el);
    expect(stepName(el)).to.equal('review');
    expect($(el, '[part="review"]')!.textContent).to.contain(DESCRIPTION);
  });

  it('asks for contact and safety only when not anonymous, and never offers an unsafe channel', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
    await fillToReview(el, { anonymous: true });
    expect(heading(el), 'no details (general has no fields) and no contact (anonymous)').to.contain('第 5 步，共 5 步');
    await back(el);
    await choose(el, 'anonymous', 'no');
    await next(el);
    expect(stepName(el)).to.equal('contact');
    expect($(el, 'input[name="contact.preferred"]'), 'no channel before "safe to contact?"').to.equal(null);
    await choose(el, 'contact.safeToContact', 'no');
    expect($(el, 'input[name="contact.preferred"]'), 'no channel when not safe').to.equal(null);
    expect($(el, '#f-contact-phone')).to.equal(null);
    await choose(el, 'contact.safeToContact', 'yes');
    const channels = () => $$<HTMLInputElement>(el, 'input[name="contact.preferred"]').map((r) => r.value);
    expect(channels()).to.deep.equal(['phone', 'sms', 'email', 'none']);
    await choose(el, 'contact.preferred', 'sms');
    await choose(el, 'contact.smsOk', 'no');
    expect(channels()).to.deep.equal(['phone', 'email', 'none']);
    expect($$<HTMLInputElement>(el, 'input[name="contact.preferred"]').some((r) => r.checked), 'the ruled-out SMS choice is cleared').to.equal(false);
    expect($(el, 'input[name="contact.voicemailOk"]')).to.equal(null);
    await choose(el, 'contact.preferred', 'phone');
    expect($(el, 'input[name="contact.voicemailOk"]'), 'voicemail asked for calls').to.not.equal(null);
    await choose(el, 'contact.voicemailOk', 'no');
    await type(el, 'contact.phone', '138 1234 5678');
    await next(el);
    expect(stepName(el)).to.equal('review');
  });

  it('sends the contact the citizen chose, not safe → preferred none', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${t.client}></rights-intake-form>`);
    await fillToReview(el, { anonymous: false });
    await back(el);
    await choose(el, 'contact.safeToContact', 'no');
    await next(el);
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input.contact).to.deep.equal({ name: '王女士', preferred: 'none', safeToContact: false });
  });

  it('registers one case when submit is pressed twice, and reuses the key on retry', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    t.failNext(1, () => new NetworkError('offline'));
    await next(el);
    await waitFor(() => $(el, '[part="submit-error"]'), 'error');
    expect(stepName(el)).to.equal('review');
    expect($(el, '[part="submit-error"]')!.getAttribute('role')).to.equal('alert');
    const release = t.hold();
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]')!;
    expect(submit.textContent!.trim()).to.equal('重新提交');
    submit.click();
    await settle(el);
    submit.click();
    await settle(el);
    release();
    await waitFor(() => stepName(el) === 'receipt', 'receipt');
    expect(t.submissions).to.have.length(1);
  });

  it('keeps the form intact and fires rights-error when sending fails without offline-queue', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    t.failNext(5, () => new NetworkError('offline'));
    const error = oneEvent(el, 'rights-error');
    await next(el);
    expect((await error).detail.error).to.be.instanceOf(NetworkError);
    await back(el);
    await back(el);
    expect($<HTMLTextAreaElement>(el, '#f-description')!.value).to.equal(DESCRIPTION);
  });

  it('shows the Receipt with a once-only warning and copy buttons', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    const event = (await Promise.all([oneEvent(el, 'rights-submitted'), next(el)]))[0] as RightsSubmittedEvent;
    await settle(el);
    const receipt = $(el, '[part="receipt"]')!;
    expect(receipt.textContent).to.contain(event.receipt.reference);
    expect($(el, '#receipt-access-code')!.textContent!.replace('-', '')).to.equal(event.receipt.accessCode.replace('-', ''));
    expect(receipt.textContent).to.contain('shown only once');
    expect(el.lastReceipt?.reference).to.equal(event.receipt.reference);
    expect($$(el, '[part~="copy"]')).to.have.length(2);
    $<HTMLButtonElement>(el, '[part~="copy"]')!.click();
    await waitFor(() => $(el, '.copy-status')!.textContent!.trim() !== '', 'copy status');
    expect(el.shadowRoot!.activeElement?.id ?? 'step-heading').to.not.equal(undefined);
  });

  it('says so when no client is configured', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en"></rights-intake-form>`);
    await choose(el, 'immediateDanger', 'no');
    await next(el);
    expect($(el, '[role="alert"]')!.textContent).to.contain('not connected');
  });
});
