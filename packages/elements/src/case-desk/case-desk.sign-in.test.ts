import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';
import { messages } from './case-desk.messages.js';

/** The desk signing in itself (issue #13): the memory backend starts with the demo seed's accounts. */
const NOW = new Date('2026-11-25T02:00:00Z');
const zh = messages('zh-CN');
const worker = demoSeed.accounts!.find((a) => a.role === 'caseworker')!;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('tbody tr[part="row"] [data-reference]')].map((b) => b.getAttribute('data-reference')!);

async function waitFor(check: () => unknown, what: string, timeout = 4000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

function type(el: RightsCaseDesk, selector: string, value: string): void {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function signIn(el: RightsCaseDesk, name: string, password: string): Promise<void> {
  type(el, '#f-name', name);
  type(el, '#f-password', password);
  await el.updateComplete;
  $<HTMLFormElement>(el, 'form.sign-in')!.requestSubmit();
  await el.updateComplete; // the earlier answer's message is gone while this one is sent
  await waitFor(() => rows(el).length > 0 || $(el, '#sign-in-problem'), 'the sign-in answer');
  await el.updateComplete;
}

describe('<rights-case-desk> signing in itself', () => {
  let client: RightsClient;
  beforeEach(() => {
    client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
  });

  it('signs in with name and password, shows only her station, names her in the audit, and signing out wipes everything', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="zh-CN"></rights-case-desk>`);
    expect($(el, 'form.sign-in'), 'the sign-in form without a token').to.not.equal(null);
    expect($<HTMLInputElement>(el, '#f-password')!.type).to.equal('password');
    expect($<HTMLInputElement>(el, '#f-password')!.getAttribute('autocomplete')).to.equal('current-password');

    await signIn(el, worker.name, worker.password);
    expect(text($(el, '[part="session"]'))).to.include(zh.signedInAs(worker.name, zh.roleName('caseworker')));
    const mine = demoSeed.cases.filter((c) => c.stationId === worker.stationId).map((c) => c.reference).sort();
    expect([...rows(el)].sort(), 'only her station’s cases').to.deep.equal(mine);

    // Opening the case shows her the contact details; the trail records that view from the next read on.
    const reference = rows(el)[0]!;
    for (let i = 0; i < 2; i++) {
      if (i) {
        $(el, 'button.back')!.click();
        await el.updateComplete;
      }
      $(el, `[data-reference="${reference}"]`)!.click();
      await waitFor(() => text($(el, '#case-heading')).includes(reference), 'the case');
      await el.updateComplete;
    }
    expect(text($(el, '[part="audit"]')), 'the audit names her, with her role').to.include(`${worker.name}（${zh.roleName('caseworker')}）`);
    expect(el.getAttributeNames().join(' ')).to.not.match(/token/i);

    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="session"] button')][0]!;
    button.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(rows(el), 'no case after sign-out').to.deep.equal([]);
    expect($(el, '#case-heading'), 'no open case').to.equal(null);
    expect(el.shadowRoot!.textContent, 'nothing of the case stays').to.not.include(reference);
    expect($(el, 'form.sign-in'), 'the form again').to.not.equal(null);
    expect($<HTMLInputElement>(el, '#f-password')!.value).to.equal('');
  });

  it('says the same thing for an unknown name and a wrong password, and keeps no password typed', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="zh-CN"></rights-case-desk>`);
    await signIn(el, worker.name, 'wrong-password');
    const first = text($(el, '#sign-in-problem'));
    expect(first).to.equal(zh.signInFailed);
    expect($<HTMLInputElement>(el, '#f-password')!.value).to.equal('');
    await signIn(el, '不存在的人', 'wrong-password');
    expect(text($(el, '#sign-in-problem'))).to.equal(first);
  });

  it('names each empty field', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="en"></rights-case-desk>`);
    $<HTMLFormElement>(el, 'form.sign-in')!.requestSubmit();
    await el.updateComplete;
    expect($(el, '#f-name')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-password')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
