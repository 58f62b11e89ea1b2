import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@rights-kit/sdk';
import './quick-exit.js';
import { RightsQuickExit, DEFAULT_EXIT_HREF } from './quick-exit.component.js';

/** Records navigation instead of leaving the test page. */
class TestQuickExit extends RightsQuickExit {
  navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
customElements.define('test-quick-exit', TestQuickExit);

const covered = (el: HTMLElement) => getComputedStyle(el.shadowRoot!.querySelector('[part="cover"]')!).display !== 'none';

async function shift(times: number) {
  for (let i = 0; i < times; i++) await sendKeys({ press: 'Shift' });
}

describe('<rights-quick-exit>', () => {
  beforeEach(() => {
    sessionStorage.setItem('rights-kit:intake-draft', '{"values":{}}');
    localStorage.setItem('rights-kit:something', '1');
    sessionStorage.setItem('host-key', 'keep');
  });
  afterEach(() => {
    sessionStorage.removeItem('host-key');
    sessionStorage.removeItem('rights-kit:intake-draft');
    localStorage.removeItem('rights-kit:something');
  });

  it('on click covers the page, clears the kit storage, fires rights-exit and replaces the location', async () => {
    const el = await fixture<TestQuickExit>(html`<test-quick-exit></test-quick-exit>`);
    const exit = oneEvent(el, 'rights-exit');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    const event = await exit;
    expect(event.detail.href).to.equal(DEFAULT_EXIT_HREF);
    expect(covered(el)).to.equal(true);
    expect(sessionStorage.getItem('rights-kit:intake-draft')).to.equal(null);
    expect(localStorage.getItem('rights-kit:something')).to.equal(null);
    expect(sessionStorage.getItem('host-key'), "the host's own keys are left alone").to.equal('keep');
    expect(el.navigations).to.deep.equal([DEFAULT_EXIT_HREF]);
  });

  it('leaves with location.replace, so the page is not in the Back history', async () => {
    // A real navigation, in an iframe: the frame's history must not grow.
    const frame = document.createElement('iframe');
    const target = `${location.origin}/__quick-exit-landing`;
    frame.srcdoc = `<!doctype html><rights-quick-exit href="${target}"></rights-quick-exit>
      <script type="module" src="${location.origin}/packages/elements/src/quick-exit.ts"></script>`;
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const win = frame.contentWindow!;
      await new Promise<void>((resolve) => {
        const check = () => (win.customElements.get('rights-quick-exit') ? resolve() : setTimeout(check, 20));
        check();
      });
      // A user-visible entry first, so the frame is no longer on its initial document (whose navigations always replace).
      await new Promise((r) => setTimeout(r, 50));
      win.history.pushState({ step: 1 }, '');
      const before = history.length;
      const left = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      (win.document.querySelector('rights-quick-exit') as RightsQuickExit).exit();
      await left;
      expect(frame.contentWindow!.location.href).to.equal(target);
      expect(history.length, 'no new history entry').to.equal(before);
    } finally {
      frame.remove();
    }
  });

  it('is triggered by pressing Shift three times, announcing the count', async () => {
    const el = await fixture<TestQuickExit>(html`<test-quick-exit locale="en" href="https://example.org/"></test-quick-exit>`);
    await shift(1);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Shift pressed 1 of 3 times');
    await shift(1);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Shift pressed 2 of 3 times');
    expect(el.shadowRoot!.querySelectorAll('.dot.on')).to.have.length(2);
    expect(el.navigations).to.deep.equal([]);
    await shift(1);
    expect(el.navigations).to.deep.equal(['https://example.org/']);
    expect(sessionStorage.getItem('rights-kit:intake-draft')).to.equal(null);
  });

  it('does not count Shift used to type capitals', async () => {
    const el = await fixture<TestQuickExit>(html`<test-quick-exit></test-quick-exit>`);
    const input = await fixture<HTMLInputElement>(html`<input />`);
    input.focus();
    await sendKeys({ type: 'ABC' });
    await sendKeys({ press: 'Shift+D' });
    await sendKeys({ press: 'Shift+E' });
    await sendKeys({ press: 'Shift+F' });
    expect(el.navigations).to.deep.equal([]);
  });

  it('aborts the kit requests in flight', async () => {
    const hangingFetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const client = createClient({ baseUrl: 'https://rights.example/v1', fetch: hangingFetch });
    const outcome = client.categories.list().then(
      () => 'resolved',
      (error: Error) => error.name,
    );
    const el = await fixture<TestQuickExit>(html`<test-quick-exit></test-quick-exit>`);
    el.exit();
    expect(await outcome).to.equal('AbortedError');
  });

  it('stays when the host cancels rights-exit, and uncovers on pageshow from the back-forward cache', async () => {
    const el = await fixture<TestQuickExit>(html`<test-quick-exit></test-quick-exit>`);
    el.addEventListener('rights-exit', (e) => e.preventDefault(), { once: true });
    el.exit();
    expect(el.navigations).to.deep.equal([]);
    expect(covered(el)).to.equal(false);
    el.exit();
    expect(covered(el)).to.equal(true);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(covered(el)).to.equal(false);
  });

  it('deletes the outbox database only with clear-outbox', async () => {
    const deleted: string[] = [];
    const original = indexedDB.deleteDatabase.bind(indexedDB);
    indexedDB.deleteDatabase = (name: string) => {
      deleted.push(name);
      return original(name);
    };
    try {
      const plain = await fixture<TestQuickExit>(html`<test-quick-exit></test-quick-exit>`);
      plain.exit();
      expect(deleted).to.deep.equal([]);
      const clearing = await fixture<TestQuickExit>(html`<test-quick-exit clear-outbox></test-quick-exit>`);
      clearing.exit();
      expect(deleted).to.deep.equal(['rights-kit-outbox']);
    } finally {
      indexedDB.deleteDatabase = original;
    }
  });

  it('is accessible in both locales', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const el = await fixture<TestQuickExit>(html`<test-quick-exit locale=${locale}></test-quick-exit>`);
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.querySelector('button')!.getBoundingClientRect().height).to.be.at.least(44);
    }
  });
});
