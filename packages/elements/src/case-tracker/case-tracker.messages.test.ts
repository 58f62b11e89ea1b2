/** Her side of the case in the tracker (issue #15): adding information, the office's question and her answer. */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../case-tracker.js';
import type { RightsCaseTracker } from './case-tracker.component.js';

const STAFF = { token: 'demo-staff-token' };
const $ = <T extends Element = HTMLElement>(el: RightsCaseTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function opened(locale: string, poll = 0): Promise<{ el: RightsCaseTracker; client: RightsClient; reference: string }> {
  const seedCase = demoSeed.cases.find((c) => c.status === 'received')!;
  const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
  const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker .client=${client} locale=${locale} poll-interval=${poll}></rights-case-tracker>`);
  $<HTMLInputElement>(el, '#reference')!.value = seedCase.reference;
  $<HTMLInputElement>(el, '#access-code')!.value = seedCase.accessCode;
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await waitUntil(() => $(el, '#result-heading'), 'case shown');
  return { el, client, reference: seedCase.reference };
}

async function write(el: RightsCaseTracker, text: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(el, '#message')!;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'form[part=form] button[type=submit]')!.click();
}

describe('<rights-case-tracker>: her messages', () => {
  it('adds information to her history, marked as hers, and the office sees it', async () => {
    const { el, client, reference } = await opened('en');
    expect($(el, '#message-heading')!.textContent).to.equal('Add information');
    await write(el, 'He came to my sister’s house last night.');
    await waitUntil(() => $(el, 'li.message.mine'), 'her message in her history');
    expect($(el, 'li.message.mine')!.textContent).to.contain('You added').and.contain('last night');
    expect($<HTMLTextAreaElement>(el, '#message')!.value, 'the form is emptied').to.equal('');
    expect($(el, '[role=status]')!.textContent).to.contain('Sent');
    const staff = await client.staff.get(reference, STAFF);
    expect(staff.messages?.map((m) => [m.from, m.kind, m.text])).to.deep.equal([['citizen', 'information', 'He came to my sister’s house last night.']]);
  });

  it('shows the office’s question on her next refresh and sends her answer to it', async () => {
    const { el, client, reference } = await opened('en', 0.03);
    await client.staff.ask(reference, { text: 'Can you bring the hospital record on Tuesday?' }, STAFF);
    await waitUntil(() => $(el, 'li.message.office'), 'the question arrives with a refresh');
    expect($(el, '#message-heading')!.textContent).to.equal('Answer the office’s question'.replace('’', "'"));
    expect($(el, '#open-question')!.textContent).to.contain('hospital record');
    await write(el, 'Yes, I will.');
    await waitUntil(() => $(el, 'li.message.mine'), 'her answer in her history');
    expect($(el, 'li.message.mine')!.textContent).to.contain('Your answer');
    const staff = await client.staff.get(reference, STAFF);
    expect(staff.messages?.at(-1)).to.include({ from: 'citizen', kind: 'answer', replyTo: 1 });
    expect($(el, '#message-heading')!.textContent, 'nothing left to answer').to.equal('Add information');
  });

  it('asks for text before sending anything, and nothing is sent', async () => {
    const { el, client, reference } = await opened('zh-CN');
    await write(el, '   ');
    await waitUntil(() => $(el, '#message[aria-invalid=true]'), 'the field says what is missing');
    expect(el.shadowRoot!.textContent).to.contain('请先写下要发送的内容。');
    expect((await client.staff.get(reference, STAFF)).messages).to.equal(undefined);
  });

  it('is accessible in English and Chinese with a question open', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const { el, client, reference } = await opened(locale);
      await client.staff.ask(reference, { text: '请问您方便周二上午来一趟吗？' }, STAFF);
      await write(el, '补充：他昨天又来了。');
      await waitUntil(() => $(el, 'li.message.office'), 'question shown');
      await expect(el).to.be.accessible();
    }
  });
});
