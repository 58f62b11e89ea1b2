/** Her notification switch in the tracker (issue #16): the state shown, the sdk called, an error kept visible. */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createClient, NetworkError, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../case-tracker.js';
import type { RightsCaseTracker } from './case-tracker.component.js';

const seedCase = demoSeed.cases.find((c) => c.status === 'received')!;
const $ = <T extends Element = HTMLElement>(el: RightsCaseTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function opened(locale: string, client: RightsClient): Promise<RightsCaseTracker> {
  const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker .client=${client} locale=${locale}></rights-case-tracker>`);
  $<HTMLInputElement>(el, '#reference')!.value = seedCase.reference;
  $<HTMLInputElement>(el, '#access-code')!.value = seedCase.accessCode;
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await waitUntil(() => $(el, '#notify-toggle'), 'case shown with the switch');
  return el;
}

const lookup = (client: RightsClient) => client.cases.lookup({ reference: seedCase.reference, accessCode: seedCase.accessCode });

describe('<rights-case-tracker>: her notifications', () => {
  it('shows them on, stops them through the sdk, says so, and allows them again', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    const el = await opened('en', client);
    expect($(el, '#notify-state')!.textContent).to.contain('notifications are on');
    expect($(el, '#notify-toggle')!.textContent!.trim()).to.equal('Stop notifications');

    $<HTMLButtonElement>(el, '#notify-toggle')!.click();
    await waitUntil(() => $(el, '#notify-state.off'), 'stopped');
    expect((await lookup(client)).notifications, 'saved on the case').to.equal('off');
    expect($(el, '[role=status]')!.textContent).to.contain('Notifications stopped.');
    expect($(el, '#notify-toggle')!.textContent!.trim()).to.equal('Allow notifications again');

    $<HTMLButtonElement>(el, '#notify-toggle')!.click();
    await waitUntil(() => $(el, '#notify-state.on'), 'allowed again');
    expect((await lookup(client)).notifications).to.equal(undefined);
    expect($(el, '[role=status]')!.textContent).to.contain('Notifications allowed again.');
  });

  it('shows a case she stopped as stopped, in Chinese', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    await client.cases.setNotifications({ reference: seedCase.reference, accessCode: seedCase.accessCode, notifications: 'off' });
    const el = await opened('zh-CN', client);
    expect($(el, '#notify-state')!.textContent).to.contain('已停止提醒');
    expect($(el, '#notify-toggle')!.textContent!.trim()).to.equal('恢复提醒');
  });

  it('keeps a failure on screen and the saved state unchanged', async () => {
    const backend = memoryBackend({ seed: demoSeed });
    let calls = 0;
    const failing = { ...backend, setCaseNotifications: () => (calls++, Promise.reject(new NetworkError('offline'))) };
    const el = await opened('zh-CN', createClient({ backend: failing }));
    $<HTMLButtonElement>(el, '#notify-toggle')!.click();
    await waitUntil(() => $(el, '#notify-problem'), 'the failure is shown');
    expect(calls).to.equal(1);
    expect($(el, '#notify-problem')!.getAttribute('role')).to.equal('alert');
    expect($(el, '#notify-problem')!.textContent).to.contain('未能保存');
    expect($(el, '#notify-state.on'), 'still shows what is saved').not.to.equal(null);
    await new Promise((r) => setTimeout(r, 50));
    expect($(el, '#notify-problem'), 'still there after a while').not.to.equal(null);
  });

  it('names no organisation, category or status in its words', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const el = await opened(locale, createClient({ backend: memoryBackend({ seed: demoSeed }) }));
      const words = $(el, '[part=notifications]')!.textContent!;
      for (const denied of ['维权', '家暴', '妇联', '投诉', '受理', 'abuse', 'violence', 'complaint', 'women', 'accepted']) {
        expect(words.toLowerCase(), `${locale}: ${denied}`).not.to.contain(denied);
      }
    }
  });

  it('is accessible in English and Chinese at 320 px, stopped and with an error', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const backend = memoryBackend({ seed: demoSeed });
      const failing = { ...backend, setCaseNotifications: () => Promise.reject(new NetworkError('offline')) };
      const el = await opened(locale, createClient({ backend: failing }));
      el.style.width = '320px';
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '#notify-toggle')!.click();
      await waitUntil(() => $(el, '#notify-problem'), 'error shown');
      await expect(el).to.be.accessible();
    }
  });
});
