import { expect, fixture, html } from '@open-wc/testing';
import type { FieldType } from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, $$, choose, DESCRIPTION, next, select, settle, stepName, testClient, tick, type, waitFor } from './intake-form.test.util.js';

async function toDetails(el: RightsIntakeForm, category: string) {
  await settle(el);
  await choose(el, 'immediateDanger', 'no');
  await next(el);
  await waitFor(() => $(el, 'input[name="category"]'), 'categories');
  await choose(el, 'category', category);
  await next(el);
  expect(stepName(el)).to.equal('details');
}

async function finish(el: RightsIntakeForm) {
  await next(el);
  await type(el, 'description', DESCRIPTION);
  await next(el);
  await choose(el, 'onBehalfOf', 'self');
  await choose(el, 'anonymous', 'yes');
  await next(el);
  await tick(el, 'consent');
  await next(el);
}

describe('<rights-intake-form> category fields', () => {
  it('the demo seed covers every field type (so these tests do)', () => {
    const types = new Set(demoSeed.categories.flatMap((c) => (c.fields ?? []).map((f) => f.type)));
    const all: FieldType[] = ['text', 'textarea', 'number', 'date', 'select', 'multiselect', 'boolean'];
    expect([...types].sort()).to.deep.equal([...all].sort());
  });

  it('renders text, number and date fields with labels and hints, and sends them as attributes', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${t.client}></rights-intake-form>`);
    await toDetails(el, 'labour-rights');
    const employer = $<HTMLInputElement>(el, '#f-attributes-employer')!;
    expect(employer.type).to.equal('text');
    expect(el.shadowRoot!.querySelector('label[for="f-attributes-employer"]')!.textContent).to.contain('Name of the employer');
    expect(employer.getAttribute('aria-describedby')).to.contain('f-attributes-employer-hint');
    expect($<HTMLInputElement>(el, '#f-attributes-unpaid-since')!.type).to.equal('date');
    expect($<HTMLInputElement>(el, '#f-attributes-unpaid-amount')!.inputMode).to.equal('decimal');
    await type(el, 'attributes.employer', 'Qinghe Garment Factory');
    await type(el, 'attributes.unpaid-amount', '12000');
    await type(el, 'attributes.unpaid-since', '2026-01-31');
    await finish(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input.attributes).to.deep.equal({ employer: 'Qinghe Garment Factory', 'unpaid-amount': 12000, 'unpaid-since': '2026-01-31' });
  });

  it('renders boolean as yes/no radios, select as a list, multiselect as checkboxes', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${t.client}></rights-intake-form>`);
    await toDetails(el, 'personal-rights');
    expect($$<HTMLInputElement>(el, 'input[name="attributes.injuries"]').map((r) => `${r.type}:${r.value}`)).to.deep.equal(['radio:yes', 'radio:no']);
    expect($(el, 'select#f-attributes-protection-order')).to.not.equal(null);
    expect($$<HTMLOptionElement>(el, '#f-attributes-protection-order option').map((o) => o.textContent!.trim())).to.include('Granted by the court');
    expect($$<HTMLInputElement>(el, 'input[name="attributes.violence-kinds"]').every((c) => c.type === 'checkbox')).to.equal(true);
    await choose(el, 'attributes.injuries', 'yes');
    await select(el, 'attributes.protection-order', 'applied');
    await tick(el, 'attributes.violence-kinds', 'physical');
    await tick(el, 'attributes.violence-kinds', 'economic');
    await tick(el, 'attributes.violence-kinds', 'physical'); // untick
    await finish(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input.attributes).to.deep.equal({ injuries: true, 'protection-order': 'applied', 'violence-kinds': ['economic'] });
  });

  it('renders textarea fields and checks their maximum length', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${testClient().client}></rights-intake-form>`);
    await toDetails(el, 'property-rights');
    expect($(el, 'textarea#f-attributes-property-details')).to.not.equal(null);
    await type(el, 'attributes.property-details', '地'.repeat(1001));
    await next(el);
    expect($(el, '#f-attributes-property-details-error')!.textContent).to.equal('Please keep this to at most 1000 characters.');
  });

  it('checks required fields and number bounds at the field and in the summary', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
    await toDetails(el, 'labour-rights');
    await type(el, 'attributes.unpaid-amount', '-5');
    await next(el);
    expect(stepName(el)).to.equal('details');
    expect($(el, '#f-attributes-employer-error')!.textContent).to.equal('请填写此项。');
    expect($(el, '#f-attributes-unpaid-amount-error')!.textContent).to.equal('不能小于 0。');
    expect($$(el, '[part="error-summary"] li').map((li) => li.textContent!.trim())).to.deep.equal(['用人单位名称：请填写此项。', '被拖欠的金额（元）：不能小于 0。']);
    await type(el, 'attributes.unpaid-amount', 'abc');
    expect($(el, '#f-attributes-unpaid-amount-error')!.textContent).to.equal('填写的内容类型不对。');
  });

  it('keeps answers to another category but sends only the chosen one', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${t.client}></rights-intake-form>`);
    await toDetails(el, 'marriage-family');
    await type(el, 'attributes.children-count', '2');
    await select(el, 'attributes.custody', 'mother');
    $<HTMLButtonElement>(el, '[part~="back"]')!.click();
    await settle(el);
    await choose(el, 'category', 'general');
    await next(el);
    expect(stepName(el)).to.equal('happened');
    await type(el, 'description', DESCRIPTION);
    await next(el);
    await choose(el, 'onBehalfOf', 'self');
    await choose(el, 'anonymous', 'yes');
    await next(el);
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input.attributes).to.equal(undefined);
  });
});
