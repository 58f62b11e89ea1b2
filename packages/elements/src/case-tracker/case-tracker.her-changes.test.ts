/** Her name, phone and email, and her withdrawal, from the tracker (issue #15 item 2), loaded when she opens them. */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type RightsBackend, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { budget } from '../../../../test/support/budget-browser.mjs';
import '../../../../test/support/reportable-failures-browser.mjs';
import '../case-tracker.js';
import type { RightsCaseTracker } from './case-tracker.component.js';

const TOKEN = 'demo-staff-token';
/** The first opening loads her-changes.ts (and the client the contract's schemas): 5 s on a quiet machine, scaled by the load. */
const WAIT = { timeout: budget(5_000) };
const seedCase = demoSeed.cases.find((c) => c.reference === 'RK-2026-2H14JZ')!;
const $ = <T extends Element = HTMLElement>(el: RightsCaseTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A memory backend whose calls to her operations are recorded as they reach it (after the sdk's checks). */
function recording() {
  const backend = memoryBackend({ seed: demoSeed });
  const calls: { op: string; input: Record<string, unknown> }[] = [];
  const spied: RightsBackend = {
    ...backend,
    changeContact: (input, o) => (calls.push({ op: 'changeContact', input }), backend.changeContact(input, o)),
    withdrawCase: (input, o) => (calls.push({ op: 'withdrawCase', input }), backend.withdrawCase(input, o)),
    eraseContact: (input, o) => (calls.push({ op: 'eraseContact', input }), backend.eraseContact(input, o)),
  };
  return { client: createClient({ backend: spied }), calls };
}

async function opened(locale: string, client: RightsClient): Promise<RightsCaseTracker> {
  const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker .client=${client} locale=${locale}></rights-case-tracker>`);
  $<HTMLInputElement>(el, '#reference')!.value = seedCase.reference;
  $<HTMLInputElement>(el, '#access-code')!.value = seedCase.accessCode;
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await waitUntil(() => $(el, '#details-open'), 'case shown with her contact part', WAIT);
  return el;
}

function type(el: RightsCaseTracker, selector: string, value: string) {
  const field = $<HTMLInputElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const focused = (el: RightsCaseTracker) => el.shadowRoot!.activeElement?.id;

describe('<rights-case-tracker>: her details and her withdrawal', () => {
  it('changes her phone and the way to reach her: checked on save, each error naming its field, only what she filled in sent', async () => {
    const { client, calls } = recording();
    const el = await opened('zh-CN', client);
    expect($(el, '#details-heading'), 'not loaded before she asks').to.equal(null);
    $<HTMLButtonElement>(el, '#details-open')!.click();
    await waitUntil(() => $(el, '#details-heading') && focused(el) === 'details-heading', 'the form opened, focus on its heading', WAIT);
    expect($(el, '#details-open')!.getAttribute('aria-expanded')).to.equal('true');
    $<HTMLButtonElement>(el, '#details-save')!.click();
    await waitUntil(() => $(el, '#details-problem'), 'nothing filled in', WAIT);
    expect(text($(el, '#details-problem'))).to.contain('请至少修改一项');
    type(el, '#details-phone', '138-abc');
    type(el, '#details-email', 'not-an-email');
    $<HTMLButtonElement>(el, '#details-save')!.click();
    await waitUntil(() => $(el, '#details-phone-error'), 'the phone refused', WAIT);
    expect(text($(el, '#details-phone-error'))).to.contain('新的电话号码').and.contain('请只用数字');
    expect(text($(el, '#details-email-error'))).to.contain('新的电子邮箱').and.contain('有效的电子邮箱');
    expect(focused(el), 'focus on the first wrong field').to.equal('details-phone');
    // Put right while editing: the message keeps its place, invisible (form/shown-errors.ts), and no new error appears.
    // The re-check is the contract's rule, run by the client: asynchronous, so wait for its answer.
    type(el, '#details-phone', '139 0000 1111');
    const phoneField = () => $(el, '#details-phone')!.closest('.field')!;
    await waitUntil(() => phoneField().classList.contains('fixed'), 'the phone put right', WAIT);
    expect($(el, '#details-phone-error'), 'no longer an error').to.equal(null);
    type(el, '#details-email', '');
    $<HTMLInputElement>(el, '#details-preferred-1')!.click();
    await el.updateComplete;
    expect(calls, 'nothing sent while anything is wrong').to.have.length(0);
    $<HTMLButtonElement>(el, '#details-save')!.click();
    await waitUntil(() => text($(el, '[role=status]')).includes('已保存'), 'saved', WAIT);
    expect(calls).to.have.length(1);
    expect(calls[0]!.input['change']).to.deep.equal({ phone: '13900001111', preferred: 'sms' });
    expect(calls[0]!.input['credential'], 'with the read credential').to.be.a('string');
    expect($(el, '#details-heading'), 'the form closes').to.equal(null);
    expect(focused(el), 'focus back on the button that opened it').to.equal('details-open');
    const staff = await client.staff.get(seedCase.reference, { token: TOKEN });
    expect([staff.contact?.phone, staff.contact?.preferred]).to.deep.equal(['13900001111', 'sms']);
  });

  it('withdraws after a confirmation that says what happens, by keyboard; cancelling first changes nothing', async () => {
    const { client, calls } = recording();
    const el = await opened('zh-CN', client);
    $<HTMLButtonElement>(el, '#withdraw-open')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === 'withdraw-heading', 'the confirmation opened, focus on its heading', WAIT);
    const panel = text($(el, 'form[aria-labelledby="withdraw-heading"]'));
    expect(panel).to.contain('停止处理').and.contain('重新求助').and.contain('不会删除您留下的姓名、电话和邮箱');
    $<HTMLButtonElement>(el, '#withdraw-keep')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === 'withdraw-open' && !$(el, '#withdraw-heading'), 'cancelled, focus back on the opener', WAIT);
    expect(calls).to.have.length(0);
    $<HTMLButtonElement>(el, '#withdraw-open')!.click();
    await waitUntil(() => $(el, '#withdraw-reason'), 'open again', WAIT);
    type(el, '#withdraw-reason', '家里的事已经解决了。');
    $<HTMLInputElement>(el, '#withdraw-erase')!.click();
    $<HTMLButtonElement>(el, '#withdraw-confirm')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '[role=status]')).includes('已撤回'), 'withdrawn', WAIT);
    expect(text($(el, '[role=status]'))).to.contain('联系方式也已删除');
    expect(calls.map((c) => c.op)).to.deep.equal(['withdrawCase', 'eraseContact']);
    expect(calls[0]!.input).to.include({ reason: '家里的事已经解决了。' });
    expect(text($(el, '[part=status]'))).to.contain('结案');
    expect($(el, '#withdraw-open'), 'nothing more to withdraw').to.equal(null);
    const staff = await client.staff.get(seedCase.reference, { token: TOKEN });
    expect([staff.status, staff.outcome?.kind, staff.contact]).to.deep.equal(['closed', 'withdrawn', undefined]);
  });

  it('a reason over 500 characters is named at the field and nothing is sent', async () => {
    const { client, calls } = recording();
    const el = await opened('en', client);
    $<HTMLButtonElement>(el, '#withdraw-open')!.click();
    await waitUntil(() => $(el, '#withdraw-reason'), 'open', WAIT);
    type(el, '#withdraw-reason', 'x'.repeat(501));
    $<HTMLButtonElement>(el, '#withdraw-confirm')!.click();
    await waitUntil(() => $(el, '#withdraw-reason-error'), 'refused', WAIT);
    expect(text($(el, '#withdraw-reason-error'))).to.contain('at most 500');
    expect(calls).to.have.length(0);
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`has no axe violations in ${locale} at 320 px with both panels' forms`, async () => {
      const { client } = recording();
      const el = await opened(locale, client);
      el.style.width = '320px';
      $<HTMLButtonElement>(el, '#details-open')!.click();
      await waitUntil(() => $(el, '#details-heading'), 'details open', WAIT);
      $<HTMLButtonElement>(el, '#details-save')!.click();
      await waitUntil(() => $(el, '#details-problem'), 'an error shown', WAIT);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '#withdraw-open')!.click();
      await waitUntil(() => $(el, '#withdraw-heading'), 'withdraw open', WAIT);
      await expect(el).to.be.accessible();
      expect(el.scrollWidth, 'no sideways scrolling').to.be.at.most(320);
    });
  }
});
