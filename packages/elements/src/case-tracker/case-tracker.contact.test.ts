/** Her safe-contact answers in the tracker (issue #15 item 2): the quick button, the form sending only what changed, a failure kept. */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createClient, NetworkError, type RightsBackend, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../case-tracker.js';
import type { RightsCaseTracker } from './case-tracker.component.js';

/** An open case that left contact details (the anonymous one has none to change). */
const seedCase = demoSeed.cases.find((c) => c.reference === 'RK-2026-2H14JZ')!;
const anonymous = demoSeed.cases.find((c) => c.reference === 'RK-2026-Z92ZX0')!;
const $ = <T extends Element = HTMLElement>(el: RightsCaseTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector);
type Sent = Parameters<RightsBackend['changeContact']>[0];

/** A memory backend that records what reaches `changeContact` (after the sdk), or fails it. */
function recording(fail = false) {
  const backend = memoryBackend({ seed: demoSeed });
  const sent: Sent[] = [];
  const spied: RightsBackend = {
    ...backend,
    changeContact: (input, options) => (sent.push(input), fail ? Promise.reject(new NetworkError('offline')) : backend.changeContact(input, options)),
  };
  return { client: createClient({ backend: spied }), sent };
}

async function opened(locale: string, client: RightsClient, which = seedCase): Promise<RightsCaseTracker> {
  const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker .client=${client} locale=${locale}></rights-case-tracker>`);
  $<HTMLInputElement>(el, '#reference')!.value = which.reference;
  $<HTMLInputElement>(el, '#access-code')!.value = which.accessCode;
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await waitUntil(() => $(el, '#contact-unsafe'), 'case shown with her contact part');
  return el;
}

function type(el: RightsCaseTracker, selector: string, value: string) {
  const field = $<HTMLTextAreaElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<rights-case-tracker>: her safe-contact answers', () => {
  it('"not safe now" sends safeToContact:false alone, with the read credential, and says so', async () => {
    const { client, sent } = recording();
    const el = await opened('en', client);
    $<HTMLButtonElement>(el, '#contact-unsafe')!.click();
    await waitUntil(() => $(el, '[role=status]')!.textContent!.includes('Noted') || $(el, '#contact-problem'), 'answered');
    expect($(el, '#contact-problem')?.textContent).to.equal(undefined);
    expect(sent).to.have.length(1);
    expect(sent[0]!.change).to.deep.equal({ safeToContact: false });
    expect(sent[0]!.credential, 'proved with the read credential').to.be.a('string');
    expect(sent[0]!.accessCode, 'the code is not kept').to.equal(undefined);
  });

  it('the form checks on submit only and sends only what she answered', async () => {
    const { client, sent } = recording();
    const el = await opened('zh-CN', client);
    $<HTMLButtonElement>(el, '#contact-save')!.click();
    await waitUntil(() => $(el, '#contact-problem'), 'nothing answered');
    expect($(el, '#contact-problem')!.textContent).to.contain('请至少修改一项');
    expect(sent, 'nothing sent').to.have.length(0);

    type(el, '#contact-times', '  工作日上午  ');
    $<HTMLInputElement>(el, '#contact-sms-1')!.click(); // 不可以
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#contact-save')!.click();
    await waitUntil(() => $(el, '[role=status]')!.textContent!.includes('已保存'), 'saved');
    expect(sent).to.have.length(1);
    expect(sent[0]!.change, 'voicemail left alone is not sent').to.deep.equal({ safeTimes: '工作日上午', smsOk: false });
    expect($(el, '#contact-problem'), 'the earlier error is gone').to.equal(null);
    expect($<HTMLTextAreaElement>(el, '#contact-times')!.value, 'the form is emptied').to.equal('');
  });

  it('refuses times longer than 200 characters on submit, at the field', async () => {
    const { client, sent } = recording();
    const el = await opened('en', client);
    type(el, '#contact-times', 'x'.repeat(201));
    await el.updateComplete;
    expect($(el, '#contact-times-error'), 'not while typing').to.equal(null);
    $<HTMLButtonElement>(el, '#contact-save')!.click();
    await waitUntil(() => $(el, '#contact-times-error'), 'error at the field');
    expect($(el, '#contact-times-error')!.textContent).to.contain('at most 200');
    expect(sent).to.have.length(0);
  });

  it('keeps a failure on screen, and what she answered', async () => {
    const { client, sent } = recording(true);
    const el = await opened('zh-CN', client);
    $<HTMLInputElement>(el, '#contact-voicemail-1')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#contact-save')!.click();
    await waitUntil(() => $(el, '#contact-problem'), 'the failure is shown');
    expect(sent).to.have.length(1);
    expect($(el, '#contact-problem')!.getAttribute('role')).to.equal('alert');
    expect($(el, '#contact-problem')!.textContent).to.contain('未能保存');
    await new Promise((r) => setTimeout(r, 50));
    expect($(el, '#contact-problem'), 'still there after a while').not.to.equal(null);
    expect($<HTMLInputElement>(el, '#contact-voicemail-1')!.checked, 'her answer kept').to.equal(true);
  });

  it('tells her an anonymous case has no contact details to change', async () => {
    const { client, sent } = recording();
    const el = await opened('zh-CN', client, anonymous);
    $<HTMLButtonElement>(el, '#contact-unsafe')!.click();
    await waitUntil(() => $(el, '#contact-problem'), 'answered');
    expect(sent).to.have.length(1);
    expect($(el, '#contact-problem')!.textContent).to.contain('没有留下联系方式');
  });

  it('names no organisation, category or status in its words', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const el = await opened(locale, recording().client);
      const words = $(el, '[part=contact]')!.textContent!;
      for (const denied of ['维权', '家暴', '妇联', '投诉', '受理', 'abuse', 'violence', 'complaint', 'women', 'accepted']) {
        expect(words.toLowerCase(), `${locale}: ${denied}`).not.to.contain(denied);
      }
    }
  });

  it('is accessible in English and Chinese at 320 px, with an error', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const el = await opened(locale, recording(true).client);
      el.style.width = '320px';
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '#contact-unsafe')!.click();
      await waitUntil(() => $(el, '#contact-problem'), 'error shown');
      await expect(el).to.be.accessible();
    }
  });
});
