import { expect, fixture, html } from '@open-wc/testing';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';
import { messages } from './case-desk.messages.js';
import { screenModules } from './screens.js';
import { NOW, $, rows, signIn, text, waitFor } from './case-desk.test.util.js';

// The list (its filters, the reminders) is a chunk fetched beside the list's own request, once there is a token or
// she signs in; every other screen is its own chunk (screens.ts): the list never waits for them, they load on idle
// after it, and a part whose chunk has not arrived waits visibly, or says it failed and retries.

const t = messages('zh-CN');
const real = { ...screenModules };
type Chunks = typeof screenModules;

/** Counts each chunk's loads, optionally in place of the real import. */
function watch<K extends keyof Chunks>(name: K, load: Chunks[K] = real[name]): { calls: number } {
  const seen = { calls: 0 };
  screenModules[name] = (() => {
    seen.calls++;
    return load();
  }) as Chunks[K];
  return seen;
}

describe('<rights-case-desk>: screens in their own chunks', () => {
  let client: RightsClient;
  beforeEach(() => {
    client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
  });
  afterEach(() => Object.assign(screenModules, real));

  const render = () => fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} .token=${'demo-staff-token'} locale="zh-CN"></rights-case-desk>`);

  it('renders the list before any other screen is fetched, then fetches them while idle, and they work', async () => {
    const caseChunk = watch('case');
    const registerChunk = watch('register');
    const el = await render();
    expect($(el, '#list-heading'), 'the list is the first screen').to.not.equal(null);
    expect([caseChunk.calls, registerChunk.calls], 'no other screen before the first one').to.deep.equal([0, 0]);
    await waitFor(() => caseChunk.calls && registerChunk.calls, 'the other screens, fetched on idle');
    await waitFor(() => rows(el) > 0, 'the list');
    const reference = $(el, '[data-reference]')!.getAttribute('data-reference')!;
    $(el, `[data-reference="${reference}"]`)!.click();
    await waitFor(() => text($(el, '#case-heading')).includes(reference), 'the case');
    expect(caseChunk.calls, 'fetched once').to.equal(1);
    // Its styles came with it, and stay when the station network's arrive after it (base/part-styles.ts).
    expect(getComputedStyle($(el, '.facts')!).display).to.equal('grid');
    await waitFor(() => $(el, '[part="station"]'), 'the station network');
    expect(getComputedStyle($(el, '.facts')!).display, 'after the network’s styles').to.equal('grid');
  });

  it('shows a busy pane while a screen’s chunk is on its way, and the screen when it arrives', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    watch('register', () => arrived.then(() => real.register()));
    const el = await render();
    await waitFor(() => $(el, '#register-open'), 'the list, whose head opens registration');
    $(el, '#register-open')!.click();
    await el.updateComplete;
    const pane = $(el, '[part="detail"]')!;
    expect(pane.getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '#screen-loading'))).to.equal(t.loading);
    expect($(el, '[part="register-form"]')).to.equal(null);
    await expect(el).to.be.accessible();
    arrive();
    await waitFor(() => $(el, '[part="register-form"]'), 'the registration form');
    expect($(el, '[part="detail"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(el.matches(':state(registering)')).to.equal(true);
  });

  it('says plainly when a screen’s chunk cannot be loaded, and opens it on "try again"', async () => {
    const failing = watch('case', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const errors: unknown[] = [];
    const el = await render();
    el.addEventListener('rights-error', (e) => errors.push((e as CustomEvent<{ error: unknown }>).detail.error));
    await waitFor(() => rows(el) > 0, 'the list');
    const reference = $(el, '[data-reference]')!.getAttribute('data-reference')!;
    $(el, `[data-reference="${reference}"]`)!.click();
    await waitFor(() => $(el, '#screen-problem'), 'the message');
    expect(text($(el, '#screen-problem'))).to.include(t.screenFailed);
    expect($(el, '[part="detail"]')!.getAttribute('aria-busy')).to.equal('false');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'screen-problem', 'focus on the message');
    expect(errors.length, 'the page hears of it').to.be.greaterThan(0);
    expect(failing.calls).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    Object.assign(screenModules, { case: real.case });
    $(el, '#screen-retry')!.click();
    await waitFor(() => text($(el, '#case-heading')).includes(reference), 'the case after trying again');
    expect($(el, '#screen-problem')).to.equal(null);
  });

  it('fetches the list’s chunk only once there is a token, or when she signs in, beside the request', async () => {
    const listChunk = watch('list');
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="zh-CN"></rights-case-desk>`);
    expect($(el, 'form.sign-in'), 'the sign-in form is the first screen').to.not.equal(null);
    expect(listChunk.calls, 'not before she signs in').to.equal(0);
    await signIn(el, 'caseworker');
    expect(listChunk.calls, 'with her sign-in').to.equal(1);

    const page = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="zh-CN"></rights-case-desk>`);
    expect(listChunk.calls, 'not before the page gives a token').to.equal(1);
    page.token = 'demo-staff-token';
    await page.updateComplete;
    expect(listChunk.calls, 'with the page’s token').to.equal(2);
    await waitFor(() => rows(page) > 0, 'the list for the page’s token');
  });

  it('shows the list once both its request and its chunk are here, and the list’s busy state until then', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const listChunk = watch('list', () => arrived.then(() => real.list()));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const list = client.staff.list.bind(client.staff);
    let requests = 0;
    let answers = 0;
    client.staff.list = ((...args: Parameters<typeof list>) => {
      requests++;
      return answered.then(() => list(...args)).finally(() => answers++);
    }) as typeof list;
    const el = await render();
    expect([listChunk.calls, requests > 0], 'the chunk and the request go out together').to.deep.equal([1, true]);
    const busy = () => {
      expect($(el, '.list-pane')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '#screen-loading'))).to.equal(t.loading);
      expect($(el, '[part="list"]')).to.equal(null);
      expect(el.matches(':state(loading)')).to.equal(true);
    };
    busy();
    await expect(el).to.be.accessible();
    answer();
    await waitFor(() => answers === requests, 'the list’s (and the reminders’) answers');
    await el.updateComplete;
    busy();
    arrive();
    await waitFor(() => rows(el) > 0, 'the list, once its chunk is here too');
    expect($(el, '.list-pane')!.getAttribute('aria-busy')).to.equal('false');
    expect($(el, '[part="filters"]'), 'its filters').to.not.equal(null);
    expect($(el, '[part="reminders"]'), 'the reminders').to.not.equal(null);
    expect(el.matches(':state(loading)')).to.equal(false);
  });

  it('says plainly when the list’s chunk cannot be loaded, and shows the list on "try again"', async () => {
    const failing = watch('list', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const errors: unknown[] = [];
    const el = document.createElement('rights-case-desk');
    el.addEventListener('rights-error', (e) => errors.push((e as CustomEvent<{ error: unknown }>).detail.error));
    Object.assign(el, { client, token: 'demo-staff-token', locale: 'zh-CN' });
    el.setAttribute('locale', 'zh-CN');
    await fixture(html`<div>${el}</div>`);
    await waitFor(() => $(el, '.list-pane #screen-problem'), 'the message where the list would be');
    expect(text($(el, '#screen-problem'))).to.include(t.screenFailed);
    expect($(el, '.list-pane')!.getAttribute('aria-busy')).to.equal('false');
    expect(errors.length, 'the page hears of it').to.be.greaterThan(0);
    expect(failing.calls).to.equal(1);
    await expect(el).to.be.accessible();

    Object.assign(screenModules, { list: real.list });
    $(el, '#screen-retry')!.click();
    await waitFor(() => rows(el) > 0, 'the list after trying again');
    expect($(el, '#screen-problem')).to.equal(null);
  });
});
