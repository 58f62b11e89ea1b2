/**
 * The form's flow as a citizen on a phone meets it (#18 items 2 and 7): leaving a field moves nothing (a
 * tap on "Next" or on a radio further down is never lost); a shown error follows her answer without
 * moving the page; the error summary follows the fields; "Change" on the review comes back to the review;
 * the step total only changes with a reason given.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, $$, back, choose, DESCRIPTION, fillToReview, heading, next, settle, stepName, testClient, type, waitFor } from './intake-form.test.util.js';

/** Where a control is on the page (not the viewport: focusing may scroll). */
const box = (el: RightsIntakeForm, selector: string) => {
  const r = $(el, selector)!.getBoundingClientRect();
  return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
};
const nextBox = (el: RightsIntakeForm) => box(el, '[part~="next"]');

async function toContact(el: RightsIntakeForm) {
  await choose(el, 'immediateDanger', 'no');
  await next(el);
  await waitFor(() => $(el, 'input[name="category"]'), 'categories');
  await choose(el, 'category', 'general');
  await next(el);
  await type(el, 'description', DESCRIPTION);
  await next(el);
  await choose(el, 'onBehalfOf', 'self');
  await choose(el, 'anonymous', 'no');
  await next(el);
  await choose(el, 'contact.safeToContact', 'yes');
  await choose(el, 'contact.preferred', 'phone');
}

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`<rights-intake-form> no lost taps (${locale})`, () => {
    it('leaving a wrong mobile number shows nothing yet and moves neither "Next" nor the voicemail radio', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toContact(el);
      await type(el, 'contact.phone', '1381234567'); // ten digits; `type` blurs the field
      const before = { next: nextBox(el), voicemail: box(el, 'input[name="contact.voicemailOk"]') };
      const input = $<HTMLInputElement>(el, '#f-contact-phone')!;
      input.focus();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      input.blur();
      await settle(el);
      expect($(el, '#f-contact-phone-error'), 'no error on blur').to.equal(null);
      expect(nextBox(el)).to.deep.equal(before.next);
      expect(box(el, 'input[name="contact.voicemailOk"]')).to.deep.equal(before.voicemail);
    });

    it('the error shown on "Next" follows her answer in place; the summary strikes it out; nothing moves', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toContact(el);
      await type(el, 'contact.phone', '1381234567');
      await next(el);
      expect(stepName(el)).to.equal('contact');
      expect($(el, '#f-contact-phone-error'), 'shown on Next').to.not.equal(null);
      expect($$(el, '[part="error-summary"] li a')).to.have.length(1);
      const before = { next: nextBox(el), voicemail: box(el, 'input[name="contact.voicemailOk"]'), input: box(el, '#f-contact-phone') };
      await type(el, 'contact.phone', '13812345678');
      expect($(el, '#f-contact-phone-error'), 'no error at the field once right').to.equal(null);
      expect($<HTMLInputElement>(el, '#f-contact-phone')!.getAttribute('aria-invalid')).to.equal('false');
      const ghost = $(el, '.field-error.fixed')!;
      expect(getComputedStyle(ghost).visibility, 'the message keeps its space, unseen').to.equal('hidden');
      const entry = $(el, '[part="error-summary"] li.fixed')!;
      expect(entry.querySelector('s'), 'struck through').to.not.equal(null);
      expect(entry.textContent).to.contain(locale === 'en' ? '(fixed)' : '（已改好）');
      expect($$(el, '[part="error-summary"] li a'), 'no link to a field that is right').to.have.length(0);
      expect(nextBox(el)).to.deep.equal(before.next);
      expect(box(el, 'input[name="contact.voicemailOk"]')).to.deep.equal(before.voicemail);
      expect(box(el, '#f-contact-phone')).to.deep.equal(before.input);
      await next(el);
      expect(stepName(el), 'the next tap on "Next" works').to.equal('review');
      expect($(el, '[part="error-summary"]')).to.equal(null);
    });

    it('a choice that makes a shown error moot clears it too (email instead of a phone call)', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toContact(el);
      await next(el);
      expect($(el, '#f-contact-phone-error')).to.not.equal(null);
      await choose(el, 'contact.preferred', 'email');
      expect($(el, '[part="error-summary"] li.fixed'), 'the phone entry is struck out').to.not.equal(null);
      expect($(el, '#f-contact-email-error'), 'no new error before Next').to.equal(null);
    });
  });

  describe(`<rights-intake-form> flow (${locale})`, () => {
    it('"Change" on the review returns to the review after that step', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await fillToReview(el);
      const change = $$<HTMLButtonElement>(el, '[part="review"] .change button');
      change[2]!.click(); // description → the "what happened" step
      await settle(el);
      expect(stepName(el)).to.equal('happened');
      expect($(el, '[part~="next"]')!.textContent!.trim()).to.equal(locale === 'en' ? 'Save and return to your answers' : '保存，回到检查页');
      await next(el);
      expect(stepName(el)).to.equal('review');
      expect($(el, '[part~="next"], [part~="submit"]')!.getAttribute('part')).to.contain('submit');
    });

    it('after "Change", a step that now needs answers comes first (anonymity turned off → contact), then the review', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await fillToReview(el); // anonymous
      const rows = $$<HTMLButtonElement>(el, '[part="review"] .change button');
      rows[rows.length - 1]!.click(); // anonymity → the "who" step
      await settle(el);
      expect(stepName(el)).to.equal('who');
      await choose(el, 'anonymous', 'no');
      expect($(el, '[part~="next"]')!.textContent!.trim(), 'not "return" when a step comes first').to.equal(locale === 'en' ? 'Next' : '下一步');
      await next(el);
      expect(stepName(el)).to.equal('contact');
      await choose(el, 'contact.safeToContact', 'no');
      await next(el);
      expect(stepName(el)).to.equal('review');
    });

    it('the step total is the longest at first and changes only with a reason given', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await settle(el);
      const of = (n: number) => (locale === 'en' ? `of ${n}` : `共 ${n} 步`);
      expect(heading(el)).to.contain(of(7));
      await choose(el, 'immediateDanger', 'no');
      await next(el);
      await waitFor(() => $(el, 'input[name="category"]'), 'categories');
      expect(heading(el)).to.contain(of(7));
      await choose(el, 'category', 'marriage-family'); // has its own questions: still 7
      expect(heading(el)).to.contain(of(7));
      expect($(el, '[part="step-note"]')!.textContent!.trim()).to.equal('');
      await choose(el, 'category', 'general'); // none: one step fewer, and why
      expect(heading(el)).to.contain(of(6));
      expect($(el, '[part="step-note"]')!.textContent).to.contain(locale === 'en' ? 'no further questions' : '少了一步');
      await next(el);
      expect($(el, '[part="step-note"]')!.textContent!.trim(), 'said once').to.equal('');
      await type(el, 'description', DESCRIPTION);
      await next(el);
      await choose(el, 'onBehalfOf', 'self');
      await choose(el, 'anonymous', 'yes');
      expect(heading(el)).to.contain(of(5));
      expect($(el, '[part="step-note"]')!.textContent).to.contain(locale === 'en' ? 'anonymously' : '匿名');
      await back(el);
      expect(heading(el)).to.contain(of(5));
    });

    it('the date hint matches the date picker', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await fillToReview(el);
      $$<HTMLButtonElement>(el, '[part="review"] .change button')[2]!.click();
      await settle(el);
      expect($<HTMLInputElement>(el, '#f-incidentDate')!.type).to.equal('date');
      expect($(el, '#f-incidentDate-hint')!.textContent).to.contain(locale === 'en' ? 'choose an approximate date' : '选一个大概的日期');
    });
  });
}
