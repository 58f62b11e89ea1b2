import { expect, fixture, html } from '@open-wc/testing';
import { demoSeed } from '@rights-kit/sdk/seed';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, choose, DESCRIPTION, next, select, stepName, testClient, tick, type, waitFor } from './intake-form.test.util.js';

// The demo's hardship-relief category asks about a disability certificate only when someone in the household has a disability.
const category = demoSeed.categories.find((c) => c.fields?.some((f) => f.when))!;
const conditional = category.fields!.find((f) => f.when)!;
const trigger = category.fields!.find((f) => f.code === conditional.when!.field)!;
const required = category.fields!.find((f) => f.required && !f.when && f.type === 'select')!;

async function toDetails(el: RightsIntakeForm) {
  await waitFor(() => stepName(el) === 'danger', 'danger step');
  await choose(el, 'immediateDanger', 'no');
  await next(el);
  await waitFor(() => $(el, 'input[name="category"]'), 'categories');
  await choose(el, 'category', category.code);
  await next(el);
  expect(stepName(el)).to.equal('details');
}

const shown = (el: RightsIntakeForm) => el.shadowRoot!.querySelector(`[name="attributes.${conditional.code}"]`) !== null;

describe('<rights-intake-form> conditional questions', () => {
  it('asks the question only once the answer it depends on is given, requires it then, and never sends it otherwise', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="zh-CN" .client=${t.client}></rights-intake-form>`);
    await toDetails(el);
    expect(shown(el), 'not asked at first').to.equal(false);
    await select(el, `attributes.${required.code}`, required.options![0]!.value);
    await choose(el, `attributes.${trigger.code}`, 'yes');
    expect(shown(el), 'asked after "yes"').to.equal(true);
    await next(el);
    expect(stepName(el), 'required when asked').to.equal('details');
    await choose(el, `attributes.${conditional.code}`, 'yes');
    await choose(el, `attributes.${trigger.code}`, 'no');
    expect(shown(el), 'not asked after "no"').to.equal(false);
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
    expect(t.submissions[0]!.input.attributes).to.deep.equal({ [required.code]: required.options![0]!.value, [trigger.code]: false });
  });

  it('is accessible with the conditional question shown, in both locales', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
      await toDetails(el);
      await choose(el, `attributes.${trigger.code}`, 'yes');
      await expect(el).to.be.accessible();
    }
  });
});
