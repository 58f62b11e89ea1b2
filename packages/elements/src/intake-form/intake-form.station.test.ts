import { expect, fixture, html } from '@open-wc/testing';
import { demoSeed } from '@rights-kit/sdk/seed';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, $$, choose, DESCRIPTION, next, select, stepName, testClient, tick, type, waitFor } from './intake-form.test.util.js';

async function toHappened(el: RightsIntakeForm) {
  await waitFor(() => stepName(el) === 'danger', 'danger step');
  await choose(el, 'immediateDanger', 'no');
  await next(el);
  await waitFor(() => $(el, 'input[name="category"]'), 'categories');
  await choose(el, 'category', 'general');
  await next(el);
  await waitFor(() => $(el, '#f-stationId'), 'the station question');
}

async function submitFromHappened(el: RightsIntakeForm) {
  await type(el, 'description', DESCRIPTION);
  await next(el);
  await choose(el, 'onBehalfOf', 'self');
  await choose(el, 'anonymous', 'yes');
  await next(el);
  await tick(el, 'consent');
}

describe('<rights-intake-form> "where would you like to be helped?"', () => {
  const shelter = demoSeed.stations.find((s) => s.confidential)!;

  it('offers every station by name (a confidential one too), optional, and sends the one she chose', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="zh-CN" .client=${t.client}></rights-intake-form>`);
    await toHappened(el);
    const options = $$<HTMLOptionElement>(el, '#f-stationId option');
    expect(options.length).to.equal(demoSeed.stations.length + 1);
    expect(options[0]!.textContent!.trim()).to.equal('不指定');
    expect(options.map((o) => o.value)).to.include(shelter.id);
    expect(el.shadowRoot!.textContent, 'no address of the shelter').not.to.contain((shelter.address as Record<string, string>)['zh-CN']);
    expect($(el, 'label[for="f-stationId"]')!.textContent).to.contain('您希望在哪里获得帮助？');
    await select(el, 'stationId', 'cg-legal-aid');
    await submitFromHappened(el);
    expect(stepName(el)).to.equal('review');
    expect(el.shadowRoot!.textContent).to.contain('县法律援助中心妇联工作站');
    await next(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input.stationId).to.equal('cg-legal-aid');
    const receipt = el.lastReceipt!;
    const staff = await t.client.staff.get(receipt.reference, { token: 'demo-staff-token' });
    expect(staff.stationId, 'the backend put the case there').to.equal('cg-legal-aid');
  });

  it('sends no station when she leaves it open', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${t.client}></rights-intake-form>`);
    await toHappened(el);
    await submitFromHappened(el);
    expect(el.shadowRoot!.textContent).to.contain('No preference');
    await next(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input).not.to.have.property('stationId');
  });

  it('is accessible in both locales with the question shown', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const t = testClient();
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${t.client}></rights-intake-form>`);
      await toHappened(el);
      await expect(el).to.be.accessible();
    }
  });
});
