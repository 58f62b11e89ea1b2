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

  it('shows her new name, phone and email as changed, never the numbers, first on the case', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
    await client.cases.changeContact({ reference: REFERENCE, accessCode: CODE, change: { name: '李梅', phone: '13900001111', email: 'li@example.org', preferred: 'email' } });
    const el = await openOnDesk(client, 'zh-CN');
    const banner = $(el, '[part="contact-changed"]')!;
    expect(text(banner)).to.contain('姓名：已更改').and.contain('电话：已更改').and.contain('电子邮箱：已更改');
    expect(text(banner)).to.not.contain('13900001111').and.not.contain('li@example.org');
    expect(banner.previousElementSibling?.id, 'right under the heading').to.equal('case-heading');
  });

  it('shows a case she withdrew first: her reason, the closed status marked as hers, her act in the trail', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
    await client.cases.withdraw({ reference: REFERENCE, accessCode: CODE, reason: '家里人已经和好了。' });
    const el = await openOnDesk(client, 'zh-CN');
    const flag = $(el, '[part="withdrawn"]')!;
    expect(text(flag)).to.contain('撤回申请，本案已结案').and.contain('她写的原因：家里人已经和好了。');
    expect(flag.previousElementSibling?.id, 'first, right under the heading').to.equal('case-heading');
    expect(text($(el, '#case-status'))).to.contain('求助人已撤回');
    expect(text($(el, '[part="audit"] tr[data-action="withdrawn"]'))).to.contain('求助人撤回申请');
    expect(text($(el, `tr:has([data-reference="${REFERENCE}"]) .status-cell`))).to.contain('求助人已撤回');
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`has no axe violations in ${locale} with messages, her changed answers and her withdrawal`, async () => {
      const client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
      await client.staff.ask(REFERENCE, { text: 'Can you come on Tuesday?' }, { token: TOKEN });
      await client.cases.addMessage({ reference: REFERENCE, accessCode: CODE, text: 'Yes.', replyTo: 1 });
      await client.cases.changeContact({ reference: REFERENCE, accessCode: CODE, change: { voicemailOk: false, phone: '13900001111' } });
      await client.cases.withdraw({ reference: REFERENCE, accessCode: CODE, reason: 'We made peace.' });
      const el = await openOnDesk(client, locale);
      expect($(el, '[part="withdrawn"]'), 'the withdrawal shown').to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  }
});
