import { expect, fixture, html } from '@open-wc/testing';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';
import { NOW, $, waitFor, signIn } from './case-desk.test.util.js';

const type = async (el: RightsCaseDesk, name: string, value: string) => {
  const field = $<HTMLTextAreaElement>(el, `[name="${name}"]`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
};

describe('<rights-case-desk>: notification templates', () => {
  let client: RightsClient;
  beforeEach(() => {
    client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`an administrator edits them with a live preview; a denied word is shown at its field (${locale})`, async () => {
      const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale=${locale}></rights-case-desk>`);
      await signIn(el, 'admin');
      $<HTMLButtonElement>(el, '#templates-open')!.click();
      await waitFor(() => $(el, '[name="templates.zh-CN.sms.body"]'), 'the templates');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id).to.equal('templates-heading');
      await type(el, 'templates.zh-CN.sms.body', '尾号{ref}：有消息。');
      expect(el.shadowRoot!.textContent).to.include('尾号7K3Q：有消息。');
      await type(el, 'templates.zh-CN.sms.body', '维权中心：尾号{ref}有消息');
      $<HTMLFormElement>(el, '.detail-pane form')!.requestSubmit();
      await waitFor(() => $(el, '[name="templates.zh-CN.sms.body"][aria-invalid="true"]'), 'the refusal at the field');
      await el.updateComplete;
      const field = $(el, '[name="templates.zh-CN.sms.body"]')!;
      const error = el.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!)!;
      expect(error.textContent).to.include('维权');
      await expect(el).to.be.accessible();
      // Put right and saved: the backend has it.
      await type(el, 'templates.zh-CN.sms.body', '尾号{ref}：有消息。');
      $<HTMLFormElement>(el, '.detail-pane form')!.requestSubmit();
      await waitFor(() => $(el, '.detail-pane [role="status"]'), 'saved');
      const token = (el as unknown as { signIn: { token: string } }).signIn.token;
      const stored = await client.staff.notificationTemplates({ token });
      expect(stored.source).to.equal('stored');
      expect(stored.templates['zh-CN'].sms.body).to.equal('尾号{ref}：有消息。');
    });
  }

  it('is not offered to a caseworker', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="zh-CN"></rights-case-desk>`);
    await signIn(el, 'caseworker');
    expect($(el, '#templates-open')).to.equal(null);
  });
});
