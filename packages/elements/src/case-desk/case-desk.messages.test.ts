/** The desk's side of her messages (issue #15): it shows them, hers marked as hers, and asks her a question. */
import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';

const TOKEN = 'demo-staff-token';
const NOW = new Date('2026-11-25T02:00:00Z');
const REFERENCE = 'RK-2026-2H14JZ';
const CODE = 'QH26DEMA15';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function waitFor(check: () => unknown, what: string, timeout = 4000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

async function openOnDesk(client: RightsClient, locale: string): Promise<RightsCaseDesk> {
  const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} .token=${TOKEN} locale=${locale}></rights-case-desk>`);
  await waitFor(() => $(el, `[data-reference="${REFERENCE}"]`), 'the list');
  $(el, `[data-reference="${REFERENCE}"]`)!.click();
  await waitFor(() => text($(el, '#case-heading')).includes(REFERENCE), 'the case');
  await el.updateComplete;
  return el;
}

describe('<rights-case-desk>: messages with her', () => {
  it('shows her message, marked as hers, and asks her a question she then sees', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
    await client.cases.addMessage({ reference: REFERENCE, accessCode: CODE, text: '他昨天又到我单位门口来了。' });
    const el = await openOnDesk(client, 'zh-CN');
    const hers = $(el, '[part="messages"] li.hers')!;
    expect(text(hers)).to.contain('求助人补充').and.contain('他昨天又到我单位门口来了。');
    $(el, '[data-action="ask"]')!.click();
    await el.updateComplete;
    $<HTMLFormElement>(el, '#action-form')!.requestSubmit();
    await waitFor(() => $(el, '#action-note[aria-invalid="true"]'), 'an empty question is refused');
    const area = $<HTMLTextAreaElement>(el, '#action-note')!;
    area.value = '请问您周二上午方便来中心一趟吗？';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    $<HTMLFormElement>(el, '#action-form')!.requestSubmit();
    await waitFor(() => $(el, '[part="messages"] li.office'), 'the question in the list');
    expect(text($(el, '[part="messages"] li.office'))).to.contain('第 2 条').and.contain('周二上午');
    const view = await client.cases.lookup({ reference: REFERENCE, accessCode: CODE });
    expect(view.messages?.at(-1)).to.include({ from: 'office', kind: 'question', text: '请问您周二上午方便来中心一趟吗？' });
    expect(text($(el, '[part="audit"]'))).to.contain('question_asked');
  });

  it('shows her changed contact answers first, above any number', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
    await client.cases.changeContact({ reference: REFERENCE, accessCode: CODE, change: { safeToContact: false, smsOk: false } });
    const el = await openOnDesk(client, 'zh-CN');
    const banner = $(el, '[part="contact-changed"]')!;
    expect(text(banner)).to.contain('更改了联系方面的回答').and.contain('是否可以联系她：可以 → 不可以');
    expect(banner.previousElementSibling?.id, 'right under the heading').to.equal('case-heading');
    const phone = $(el, '.phone');
    if (phone) expect(banner.compareDocumentPosition(phone) & Node.DOCUMENT_POSITION_FOLLOWING, 'before the number').to.not.equal(0);
    expect(text(banner)).to.not.match(/1[3-9]\d{9}/);
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`has no axe violations in ${locale} with messages and the question form open`, async () => {
      const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
      await client.staff.ask(REFERENCE, { text: 'Can you come on Tuesday?' }, { token: TOKEN });
      await client.cases.addMessage({ reference: REFERENCE, accessCode: CODE, text: 'Yes.', replyTo: 1 });
      await client.cases.changeContact({ reference: REFERENCE, accessCode: CODE, change: { voicemailOk: false, phone: '13900001111' } });
      const el = await openOnDesk(client, locale);
      $(el, '[data-action="ask"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});
