/** The reminders at the top of the desk (issue #16): the overdue cases in her scope, counted, each one a click away. */
import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';

const TOKEN = 'demo-staff-token';
/** Late November 2026: the demo seed's overdue flags assume it. */
const NOW = new Date('2026-11-25T02:00:00Z');

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const reminded = (el: Element) => $$(el, '[data-reminder]').map((b) => b.getAttribute('data-reminder')!).sort();

async function waitFor(check: () => unknown, what: string, timeout = 4000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

async function render(client: RightsClient, locale = 'zh-CN'): Promise<RightsCaseDesk> {
  const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} .token=${TOKEN} locale=${locale}></rights-case-desk>`);
  await waitFor(() => $(el, '#reminders-heading'), 'the reminders');
  await el.updateComplete;
  return el;
}

describe('<rights-case-desk>: reminders', () => {
  it('counts and names the overdue cases of her scope, exactly those the overdue filter finds', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
    const el = await render(client, 'en');
    const overdue = await client.staff.list({ overdue: true }, { token: TOKEN });
    expect(overdue.total).to.be.greaterThan(0);
    expect(reminded(el)).to.deep.equal(overdue.cases.map((c) => c.reference).sort());
    expect(text($(el, '#reminders-heading'))).to.equal(`Past a deadline (${overdue.total} cases)`);
    const received = overdue.cases.find((c) => c.status === 'received');
    if (received) expect(text($(el, `[data-reminder="${received.reference}"]`)!.parentElement)).to.contain('Acceptance due');
  });

  it('opens a case from its reminder, and drops it once its deadline is met', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
    const el = await render(client);
    const received = (await client.staff.list({ overdue: true, status: 'received' }, { token: TOKEN })).cases[0]!;
    $(el, `[data-reminder="${received.reference}"]`)!.click();
    await waitFor(() => text($(el, '#case-heading')).includes(received.reference), 'the case opened');
    const before = reminded(el).length;
    await client.staff.update(received.reference, { status: 'accepted' }, { token: TOKEN });
    el.reload();
    await waitFor(() => reminded(el).length === before - 1, 'the accepted case leaves the reminders');
    expect(reminded(el)).not.to.include(received.reference);
  });

  it('shows them all in the list with one button', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
    const el = await render(client);
    $(el, '#reminders-all')!.click();
    await waitFor(() => $$(el, 'tbody tr[part="row"]').length === reminded(el).length, 'only the overdue cases listed');
    expect($<HTMLSelectElement>(el, '#filter-overdue')!.value).to.equal('true');
  });

  it('counts and names the near cases apart (快到期), exactly those due=soon finds, with who each is assigned to', async () => {
    // 1 December: one case's acceptance is due within 3 days, one in mediation must close within 7.
    const dec1 = new Date('2026-12-01T02:00:00Z');
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => dec1 }) });
    const soon = await client.staff.list({ due: 'soon' }, { token: TOKEN });
    expect(soon.total, 'the seed has near cases on 1 December').to.be.greaterThan(0);
    const accounts = await client.staff.accounts({}, { token: TOKEN });
    const person = accounts.find((a) => a.role === 'caseworker')!;
    const assigned = await client.staff.assign(soon.cases[0]!.reference, person.id, { token: TOKEN });
    expect(assigned.assigneeName).to.equal(person.name);
    const el = await render(client, 'zh-CN');
    await waitFor(() => $(el, '#reminders-soon-heading'), 'the near group');
    const near = $$(el, '[data-reminder-kind="soon"] [data-reminder]').map((b) => b.getAttribute('data-reminder')!).sort();
    expect(near).to.deep.equal(soon.cases.map((c) => c.reference).sort());
    expect(text($(el, '#reminders-soon-heading'))).to.equal(`快到期（${soon.total} 件）`);
    const overdue = await client.staff.list({ overdue: true }, { token: TOKEN });
    expect(text($(el, '#reminders-heading'))).to.equal(`已超期（${overdue.total} 件）`);
    for (const ref of near) expect(overdue.cases.map((c) => c.reference)).not.to.include(ref);
    expect(text($(el, `[data-reminder="${assigned.reference}"]`)!.parentElement)).to.contain(`经办人：${person.name}`);
    const other = soon.cases.find((c) => c.reference !== assigned.reference && !c.assigneeName);
    if (other) expect(text($(el, `[data-reminder="${other.reference}"]`)!.parentElement)).to.contain('尚未分派经办人');
  });

  it('shows nothing when no deadline has passed', async () => {
    const early = new Date('2026-01-02T02:00:00Z');
    const el = await fixture<RightsCaseDesk>(
      html`<rights-case-desk .client=${createClient({ backend: memoryBackend({ seed: demoSeed, now: () => early }) })} .token=${TOKEN}></rights-case-desk>`,
    );
    await waitFor(() => $$(el, 'tbody tr[part="row"]').length > 0, 'the list');
    await aTimeout(50);
    expect($(el, '[part="reminders"]')).to.equal(null);
  });

  it('is accessible in Chinese and English', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const el = await render(createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) }), locale);
      await expect(el).to.be.accessible();
    }
  });
});
