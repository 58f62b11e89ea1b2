import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';
import { messages } from './case-desk.messages.js';
import { listMessages } from './list.messages.js';
import { screenMessages } from './screen.messages.js';

/** The office as people on the desk (issue #13): views, search by reference, assignment, and what sign-out leaves. */
const NOW = new Date('2026-11-25T02:00:00Z');
const head = demoSeed.accounts!.find((a) => a.role === 'station_head')!;
const volunteer = demoSeed.accounts!.find((a) => a.role === 'volunteer' && a.stationId === head.stationId)!;

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
  await waitFor(() => rows(el).length > 0, 'her list');
  await el.updateComplete;
}

async function filter(el: RightsCaseDesk, set: (form: HTMLFormElement) => void): Promise<void> {
  const form = $<HTMLFormElement>(el, 'form.filters')!;
  set(form);
  const before = rows(el).join();
  form.requestSubmit();
  await waitFor(() => rows(el).join() !== before || !el.matches(':state(loading)'), 'the filtered list');
  await aTimeout(50);
  await el.updateComplete;
}

async function open(el: RightsCaseDesk, reference: string): Promise<void> {
  $(el, `[data-reference="${reference}"]`)!.click();
  await waitFor(() => text($(el, '#case-heading')).includes(reference), 'the case');
  await el.updateComplete;
}

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`<rights-case-desk> as people (${locale})`, () => {
    let client: RightsClient;
    let t = { ...messages('zh-CN'), ...listMessages('zh-CN'), ...screenMessages('zh-CN') };
    before(async () => {
      await Promise.all([messages.load(locale), listMessages.load(locale), screenMessages.load(locale)]);
      t = { ...messages(locale), ...listMessages(locale), ...screenMessages(locale) };
    });
    beforeEach(() => {
      client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
    });

    it('a station head assigns a case to her volunteer, named in the case and in the audit; the volunteer sees it as hers', async () => {
      const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale=${locale}></rights-case-desk>`);
      await signIn(el, head.name, head.password);
      const reference = rows(el)[0]!;
      await open(el, reference);
      expect(text($(el, '#assignee-now'))).to.include(t.nobodyAssigned);
      await waitFor(() => el.shadowRoot!.querySelectorAll('#assign-to option').length > 1, 'whom it can go to');
      const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#assign-to option')].map((o) => o.textContent!.trim());
      expect(options.some((o) => o.includes(volunteer.name)), 'her volunteer is offered').to.equal(true);
      expect(options.every((o, i) => i === 0 || demoSeed.accounts!.some((a) => o.includes(a.name) && a.stationId === head.stationId)), 'only her station').to.equal(true);
      const select = $<HTMLSelectElement>(el, '#assign-to')!;
      select.value = [...select.options].find((o) => o.textContent!.includes(volunteer.name))!.value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#assign-save')!.click();
      await waitFor(() => text($(el, '#assignee-now')).includes(volunteer.name), 'the assignment');
      await el.updateComplete;
      const trail = text($(el, '[part="audit"]'));
      expect(trail, 'the audit names who assigned').to.include(t.actor('staff:x', head.name, 'station_head'));
      expect(trail).to.include(t.auditWhat('assigned'));
      await expect(el).to.be.accessible();

      // "My cases" of the volunteer now holds it; the search by part of the reference finds it.
      const el2 = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale=${locale}></rights-case-desk>`);
      await signIn(el2, volunteer.name, volunteer.password);
      await filter(el2, (f) => ((f.elements.namedItem('view') as HTMLSelectElement).value = 'mine'));
      expect(rows(el2), 'my cases: the one assigned to her').to.deep.equal([reference]);
      await filter(el2, (f) => {
        (f.elements.namedItem('view') as HTMLSelectElement).value = '';
        (f.elements.namedItem('reference') as HTMLInputElement).value = ` ${reference.slice(-6).toLowerCase()} `;
      });
      expect(rows(el2), 'found by part of its reference').to.deep.equal([reference]);
      await open(el2, reference);
      expect($(el2, '#assign-to'), 'a volunteer has no assign control').to.equal(null);
      await expect(el2).to.be.accessible();

      // Signing out leaves nothing of what the element held.
      [...el2.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="session"] button')][0]!.click();
      await el2.updateComplete;
      await el2.updateComplete;
      expect(el2.shadowRoot!.textContent).to.not.include(reference);
      expect(el2.shadowRoot!.textContent).to.not.include(volunteer.name);
      expect($(el2, 'form.sign-in')).to.not.equal(null);
    });
  });
}

describe('<rights-case-desk> single sign-on', () => {
  it('offers the button only when the server has single sign-on, and finishes a sign-in the provider sent her back from', async () => {
    const memory = memoryBackend({ seed: demoSeed, now: () => NOW });
    const plain = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${createClient({ backend: memory })} locale="zh-CN"></rights-case-desk>`);
    await aTimeout(50);
    expect($(plain, '#sso'), 'no button without single sign-on').to.equal(null);

    const finished: unknown[] = [];
    const backend = {
      ...memory,
      staff: {
        ...memory.staff,
        ssoInfo: async () => ({ enabled: true }),
        // The provider's return is stood in for by a password sign-in of the same person.
        ssoFinish: async (input: unknown) => {
          finished.push(input);
          return memory.staff.signIn({ name: head.name, password: head.password });
        },
      },
    };
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?code=the-code&state=the-state&keep=1`);
    try {
      const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${createClient({ backend })} locale="zh-CN"></rights-case-desk>`);
      await waitFor(() => rows(el).length > 0, 'signed in through the provider');
      expect(finished).to.deep.equal([{ code: 'the-code', state: 'the-state', session: 'bearer' }]);
      expect(location.search, 'code and state gone from the address').to.equal('?keep=1');
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="session"] button')][0]!.click();
      await el.updateComplete;
      await waitFor(() => $(el, '#sso'), 'the button once signed out');
      await expect(el).to.be.accessible();
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
