import { expect, fixture, html } from '@open-wc/testing';
import { createClient, describeIssue, ValidationError, type RightsBackend } from '@rights-kit/sdk';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, $$, back, choose, DESCRIPTION, fillToReview, next, settle, stepName, testClient, tick, type, waitFor } from './intake-form.test.util.js';

const LOCALES = ['zh-CN', 'en'] as const;
const msg = (code: string, locale: string, params?: Record<string, number | string>) => describeIssue({ code, message: '', ...(params ? { params } : {}) }, locale);
const fieldError = (el: RightsIntakeForm, id: string) => $(el, `#${id}-error`)?.textContent?.trim();

async function toStep(el: RightsIntakeForm, step: string) {
  await settle(el);
  await choose(el, 'immediateDanger', 'no');
  await next(el);
  if (step === 'category') return;
  await waitFor(() => $(el, 'input[name="category"]'), 'categories');
  await choose(el, 'category', 'general');
  await next(el);
  if (step === 'happened') return;
  await type(el, 'description', DESCRIPTION);
  await next(el);
  if (step === 'who') return;
  await choose(el, 'onBehalfOf', 'other');
  await choose(el, 'anonymous', 'no');
  await next(el);
}

for (const locale of LOCALES) {
  describe(`<rights-intake-form> validation (${locale})`, () => {
    it('asks for a category', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toStep(el, 'category');
      await waitFor(() => $(el, 'input[name="category"]'), 'categories');
      await next(el);
      expect(fieldError(el, 'f-category')).to.equal(msg('invalid_choice', locale));
    });

    it('checks the description (required, too short, too long) and the incident date', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toStep(el, 'happened');
      await next(el);
      expect(fieldError(el, 'f-description')).to.equal(msg('required', locale));
      await type(el, 'description', '打我');
      expect(fieldError(el, 'f-description'), 'a shown error follows her answer').to.equal(msg('too_short', locale, { minimum: 10 }));
      await type(el, 'description', '字'.repeat(5001));
      expect(fieldError(el, 'f-description')).to.equal(msg('too_long', locale, { maximum: 5000 }));
      await type(el, 'description', DESCRIPTION);
      expect(fieldError(el, 'f-description'), 'cleared once fixed').to.equal(undefined);
      const tomorrow = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
      await type(el, 'incidentDate', tomorrow);
      expect(fieldError(el, 'f-incidentDate'), 'no new error before "Next"').to.equal(undefined);
      await next(el);
      expect(fieldError(el, 'f-incidentDate')).to.equal(msg('in_future', locale));
      await type(el, 'incidentDate', '1129-03-04');
      expect(fieldError(el, 'f-incidentDate'), 'a sanity range: not absurdly old').to.equal(msg('too_early', locale, { minimum: '1900-01-01' }));
      expect($<HTMLInputElement>(el, '#f-incidentDate')!.min).to.equal('1900-01-01');
    });

    it('counts characters as a person sees them', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toStep(el, 'happened');
      await type(el, 'description', '我被打了👩‍👧');
      const count = $(el, '#f-description-count')!.textContent!;
      expect(count).to.contain(locale === 'en' ? '5 of 5000' : '已写 5 个字');
    });

    it('asks who it is for and whether anonymous', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toStep(el, 'who');
      await next(el);
      expect(fieldError(el, 'f-onBehalfOf')).to.equal(msg('invalid_choice', locale));
      expect(fieldError(el, 'f-anonymous')).to.equal(msg('invalid_choice', locale));
    });

    it('checks contact answers: safe to contact, channel, mobile number, email', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toStep(el, 'contact');
      expect(stepName(el)).to.equal('contact');
      await next(el);
      expect(fieldError(el, 'f-contact-safeToContact')).to.equal(msg('invalid_choice', locale));
      await choose(el, 'contact.safeToContact', 'yes');
      await next(el);
      expect(fieldError(el, 'f-contact-preferred')).to.equal(msg('invalid_choice', locale));
      await choose(el, 'contact.preferred', 'phone');
      await next(el);
      expect(fieldError(el, 'f-contact-phone')).to.equal(msg('required', locale));
      await type(el, 'contact.phone', '010-12345678');
      expect(fieldError(el, 'f-contact-phone')).to.equal(msg('invalid_cn_mobile', locale));
      await choose(el, 'contact.preferred', 'email');
      await type(el, 'contact.email', 'not-an-email');
      await next(el);
      expect(fieldError(el, 'f-contact-email')).to.equal(msg('invalid_email', locale));
    });

    it('asks for consent before sending', async () => {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await fillToReview(el);
      await next(el);
      expect(fieldError(el, 'f-consent')).to.equal(msg('consent_required', locale));
    });
  });
}

describe('<rights-intake-form> error summary', () => {
  it('takes focus, lists every problem of the step with the field label, and its links focus the field', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${testClient().client}></rights-intake-form>`);
    await toStep(el, 'who');
    await next(el);
    const summary = $(el, '[part="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    const links = $$<HTMLAnchorElement>(el, '[part="error-summary"] a');
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Who are you asking for? Choose one of the options.',
      'Do you want to ask anonymously? Choose one of the options.',
    ]);
    links[1]!.click();
    await settle(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-anonymous');
    const radio = $<HTMLInputElement>(el, '#f-anonymous')!;
    expect(radio.closest('fieldset')!.getAttribute('aria-describedby')).to.contain('f-anonymous-error');
  });

  it('accepts other phone formats when the office allows them', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" phone-format="any" .client=${testClient().client}></rights-intake-form>`);
    await toStep(el, 'contact');
    await choose(el, 'contact.safeToContact', 'yes');
    await choose(el, 'contact.preferred', 'phone');
    await type(el, 'contact.phone', 'call me');
    await next(el);
    expect(fieldError(el, 'f-contact-phone')).to.equal(msg('invalid_phone', 'en'));
    await type(el, 'contact.phone', '+86 10 6512 3456');
    expect(fieldError(el, 'f-contact-phone')).to.equal(undefined);
    await next(el);
    expect(stepName(el)).to.equal('review');
  });

  it('maps server-side issues back onto their fields and steps', async () => {
    const t = testClient();
    const backend: RightsBackend = {
      ...t.backend,
      submitPetition: async () => {
        throw new ValidationError('Petition is not valid.', [
          { path: 'description', code: 'too_short', message: 'x', params: { minimum: 20 } },
          { path: 'contact.phone', code: 'invalid_phone', message: 'x' },
        ]);
      },
    };
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${createClient({ backend })}></rights-intake-form>`);
    await fillToReview(el, { anonymous: false });
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => $(el, '[part="error-summary"]'), 'summary');
    expect(stepName(el)).to.equal('review');
    const links = $$<HTMLAnchorElement>(el, '[part="error-summary"] a');
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Describe what happened: Please write at least 20 characters.',
      'Mobile number: ' + msg('invalid_phone', 'en'),
    ]);
    links[1]!.click();
    await settle(el);
    expect(stepName(el)).to.equal('contact');
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-contact-phone');
    expect(fieldError(el, 'f-contact-phone')).to.equal(msg('invalid_phone', 'en'));
    await back(el);
    await back(el);
    expect(fieldError(el, 'f-description')).to.equal('Please write at least 20 characters.');
  });

  it('re-renders messages in the new language without losing what was typed', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
    await toStep(el, 'happened');
    await type(el, 'description', '打我');
    await next(el);
    expect(fieldError(el, 'f-description')).to.equal(msg('too_short', 'zh-CN', { minimum: 10 }));
    el.locale = 'en';
    await settle(el);
    expect(fieldError(el, 'f-description')).to.equal(msg('too_short', 'en', { minimum: 10 }));
    expect($<HTMLTextAreaElement>(el, '#f-description')!.value).to.equal('打我');
  });

  it('follows the page language when no locale is set', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><rights-intake-form .client=${testClient().client}></rights-intake-form></div>`);
    const el = wrapper.querySelector('rights-intake-form')!;
    await settle(el);
    expect($(el, '#step-heading')!.textContent).to.contain('Are you in danger right now?');
    wrapper.setAttribute('lang', 'zh-CN');
    await waitFor(() => $(el, '#step-heading')!.textContent!.includes('您现在有危险吗'), 'zh-CN');
  });
});
