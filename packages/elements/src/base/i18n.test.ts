import { expect, fixture, html } from '@open-wc/testing';
import { defineMessages, loadLocale } from './i18n.js';
import '../provider.js';
import '../intake-form.js';
import type { RightsIntakeForm } from '../intake-form/intake-form.component.js';

// Room for every module the test page loads (Chromium keeps 250 resource entries by default, then none).
performance.setResourceTimingBufferSize(100_000);

/** Whether this page has fetched the intake form's English dictionary (each test file runs in its own page). */
const englishFetched = () => performance.getEntriesByType('resource').some((e) => e.name.includes('intake-form.messages.en'));
const CJK = /[\u3400-\u9fff]/;

/**
 * The second locale loads when asked for (issue #21): a zh-CN page never downloads the English dictionaries, and an
 * English page shows English from its first frame — the element waits for them, it does not show Chinese first.
 */
describe('the second locale, loaded when asked for', () => {
  it('a zh-CN form renders at once and downloads no English', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="zh-CN"></rights-intake-form>`);
    expect(el.shadowRoot!.querySelector('#step-heading')!.textContent).to.contain('您现在有危险吗');
    expect(englishFetched(), 'no English dictionary fetched on a Chinese page').to.equal(false);
  });

  it('an English page (provider locale="en") never shows Chinese, not even before its English has loaded', async () => {
    const seen: string[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    // Watch every text the form's shadow root ever holds, from before its first render.
    const watch = (form: Element) => {
      const record = () => seen.push(form.shadowRoot?.textContent ?? '');
      const started = setInterval(() => {
        if (!form.shadowRoot) return;
        clearInterval(started);
        record();
        new MutationObserver(record).observe(form.shadowRoot, { childList: true, subtree: true, characterData: true });
      });
    };
    host.innerHTML = '<rights-provider locale="en"><rights-intake-form></rights-intake-form></rights-provider>';
    const form = host.querySelector<RightsIntakeForm>('rights-intake-form')!;
    watch(form);
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('#step-heading')!.textContent).to.contain('Are you in danger right now?');
    expect(englishFetched(), 'the English dictionary was fetched for it').to.equal(true);
    const chinese = seen.filter((text) => CJK.test(text));
    expect(chinese, 'no Chinese text at any moment').to.deep.equal([]);
    await expect(form).to.be.accessible();
    host.remove();
  });

  it('switches a rendered form to English when <html lang> changes, after the English is there', async () => {
    const el = await fixture<RightsIntakeForm>(html`<div lang="zh-CN"><rights-intake-form></rights-intake-form></div>`);
    const form = el.querySelector<RightsIntakeForm>('rights-intake-form')!;
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('#step-heading')!.textContent).to.contain('您现在有危险吗');
    el.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r));
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('#step-heading')!.textContent).to.contain('Are you in danger right now?');
  });
});

describe('defineMessages with a lazy locale', () => {
  const zh = { hello: '你好', count: (n: number) => `${n} 个` };

  it('answers in zh-CN at once and in English once loaded', async () => {
    const m = defineMessages({ 'zh-CN': zh, en: () => Promise.resolve({ default: { hello: 'Hello', count: (n: number) => `${n} items` } }) });
    expect(m.load('zh-CN'), 'zh-CN is always here').to.equal(undefined);
    expect(m('en').hello, 'zh-CN until English has loaded').to.equal('你好');
    await loadLocale([m], 'en');
    expect(m('en').hello).to.equal('Hello');
    expect(m('en').count(3)).to.equal('3 items');
    expect(m.load('en'), 'loaded once: nothing more to wait for').to.equal(undefined);
  });

  it('falls back to zh-CN when English cannot load, without holding renders, and tries again later', async () => {
    let attempts = 0;
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args[0]);
    try {
      const m = defineMessages({
        'zh-CN': zh,
        en: () => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ default: { hello: 'Hello', count: (n: number) => `${n} items` } })),
      });
      await loadLocale([m], 'en');
      expect(m('en').hello, 'zh-CN rather than nothing').to.equal('你好');
      expect(warnings.length).to.equal(1);
      const retry = m.load('en');
      expect(retry, 'a render after a failure is not held').to.equal(undefined);
      await new Promise((r) => setTimeout(r));
      expect(attempts).to.equal(2);
      expect(m('en').hello, 'the retry in the background loaded it').to.equal('Hello');
    } finally {
      console.warn = warn;
    }
  });

  it('takes an eager locale as it is (other elements keep both dictionaries bundled)', () => {
    const m = defineMessages({ 'zh-CN': zh, en: { hello: 'Hello', count: (n: number) => `${n} items` } });
    expect(m.load('en')).to.equal(undefined);
    expect(m('en').hello).to.equal('Hello');
  });
});
