/**
 * The locator's lazy chunks (chunks.ts, issue #21): the list's chunk is requested when the element connects, in
 * parallel with the stations, and the list renders once both are here (what she typed meanwhile applied); the
 * first screen renders before the filters beyond the search and the opening hours arrive, and works if they never
 * do; a long list shows its first rows while the virtualiser loads (the focused row keeps focus when it arrives);
 * a chunk that fails says so and leaves the rest working.
 */
import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { createClient, type RightsBackend, type Station } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../station-locator.js';
import type { RightsStationLocator } from './station-locator.component.js';
import { chunks } from './chunks.js';
import { VIRTUALIZE_ABOVE } from './station-list.js';
import { budget } from '../../../../test/support/budget-browser.mjs';
import { generateStations } from '../../../../test/bench/locator-stations.mjs';

const TUESDAY_10 = new Date('2026-03-03T10:00:00+08:00');
const $ = <T extends Element = HTMLElement>(el: RightsStationLocator, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function waitFor(check: () => unknown, what: string, timeout = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > budget(timeout)) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

/** A chunk's import held until `release()` (or failed by `fail()`). */
function held<T>(load: () => Promise<T>) {
  let release!: () => void;
  let fail!: () => void;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = () => reject(new TypeError('Failed to fetch dynamically imported module'));
  });
  return { importer: () => gate.then(load), release, fail };
}

async function locator(stations?: Station[], locale = 'zh-CN'): Promise<RightsStationLocator> {
  const el = await fixture<RightsStationLocator>(html`<rights-station-locator locale=${locale}></rights-station-locator>`);
  el.now = () => TUESDAY_10;
  if (stations) el.stations = stations;
  else el.client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
  await waitFor(() => $(el, '[part="count"]'), 'the count');
  await el.updateComplete;
  return el;
}

async function type(el: RightsStationLocator, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#q')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
  await Promise.resolve();
  await el.updateComplete;
}

/** A memory client whose stations request is held until `release()`. */
function heldStations() {
  const backend = memoryBackend({ seed: demoSeed });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: RightsBackend = { ...backend, listStations: (query, options) => gate.then(() => backend.listStations(query, options)) };
  return { client: createClient({ backend: held }), release };
}

const busyNote = (el: RightsStationLocator) => el.shadowRoot!.querySelector('.locator > p.muted')?.textContent ?? '';

const rows = (el: RightsStationLocator) => el.shadowRoot!.querySelectorAll('[part~="list"] [part~="station"]');

describe('<rights-station-locator> lazy parts', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  const original = { ...chunks };
  afterEach(() => Object.assign(chunks, original));

  it('requests the list’s chunk when the element connects, not before, alongside the stations', async () => {
    const list = held(original.list);
    let requested = 0;
    chunks.list = () => (requested++, list.importer());
    const el = document.createElement('rights-station-locator') as RightsStationLocator;
    el.now = () => TUESDAY_10;
    const stations = heldStations();
    el.client = stations.client;
    await aTimeout(20);
    expect(requested, 'not before it connects').to.equal(0);
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    parent.append(el);
    await el.updateComplete;
    expect(requested, 'requested as it connects, while the stations are out').to.equal(1);
    expect(el.matches(':state(loading)'), 'the stations request is out too').to.equal(true);
    // The first paint: the search box, "use my location" and the busy note.
    expect($(el, '#q')).to.not.equal(null);
    expect($(el, '[part="locate"]')).to.not.equal(null);
    expect(busyNote(el)).to.contain('正在加载站点');
    stations.release();
    list.release();
    await waitFor(() => rows(el).length === 30, 'the list');
    expect(requested, 'requested once').to.equal(1);
    el.remove();
  });

  it('renders the list when both the stations and its chunk are here, whichever comes last', async () => {
    // The stations first: the busy note stays until the chunk is here.
    const list = held(original.list);
    chunks.list = list.importer;
    const early = await fixture<RightsStationLocator>(html`<rights-station-locator></rights-station-locator>`);
    early.client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    await waitFor(() => !early.matches(':state(loading)') && (early as unknown as { loader: { status: string } }).loader.status === 'complete', 'the stations');
    await early.updateComplete;
    expect($(early, '[part="count"]'), 'no list without its chunk').to.equal(null);
    expect(busyNote(early)).to.contain('正在加载站点');
    list.release();
    await waitFor(() => rows(early).length === 30, 'the list after its chunk');

    // The chunk first: the list waits for the stations, no longer.
    chunks.list = original.list;
    const stations = heldStations();
    const late = await fixture<RightsStationLocator>(html`<rights-station-locator></rights-station-locator>`);
    late.client = stations.client;
    await chunks.list();
    await aTimeout(20);
    expect($(late, '[part="count"]')).to.equal(null);
    expect(busyNote(late)).to.contain('正在加载站点');
    stations.release();
    await waitFor(() => rows(late).length === 30, 'the list after the stations');
  });

  it('applies what she typed before the list arrived', async () => {
    const list = held(original.list);
    chunks.list = list.importer;
    const el = await fixture<RightsStationLocator>(html`<rights-station-locator></rights-station-locator>`);
    el.now = () => TUESDAY_10;
    el.client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    await type(el, '北山');
    list.release();
    await waitFor(() => $(el, '[part="count"]'), 'the list');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('北山');
    expect(rows(el).length, 'filtered by what she typed').to.equal(9);
    expect($(el, '[part="count"]')!.textContent).to.contain('9');
  });

  it('says plainly when the list could not be loaded, and retries', async () => {
    const list = held(original.list);
    chunks.list = list.importer;
    const el = await fixture<RightsStationLocator>(html`<rights-station-locator locale="en"></rights-station-locator>`);
    el.client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    list.fail();
    await waitFor(() => $(el, '.locator > .problem'), 'the failure note');
    expect($(el, '.locator > .problem')!.textContent).to.contain('The list of stations could not be loaded');
    expect($(el, '#q'), 'the search is still there').to.not.equal(null);
    await type(el, 'Beishan');

    chunks.list = original.list;
    $<HTMLButtonElement>(el, '.locator > .problem button')!.click();
    await waitFor(() => rows(el).length === 9, 'the list after a retry, with what she typed');
    expect($(el, '.locator > .problem')).to.equal(null);
  });

  it('keeps focus on the same station’s row when the virtualiser replaces the preview rows', async () => {
    const virtualList = held(original.virtualList);
    chunks.virtualList = virtualList.importer;
    const stations = generateStations(VIRTUALIZE_ABOVE + 350) as Station[];
    const el = await locator(stations, 'en');
    const preview = rows(el)[3] as HTMLElement;
    const id = preview.dataset['station'];
    preview.querySelector<HTMLButtonElement>('.name-button')!.focus();
    expect(el.shadowRoot!.activeElement).to.equal(preview.querySelector('.name-button'));

    virtualList.release();
    await waitFor(() => $(el, '.list.virtual [part~="station"]'), 'the virtualised list');
    await waitFor(() => el.shadowRoot!.activeElement?.closest<HTMLElement>('[data-station]')?.dataset['station'] === id, 'focus on the same row');
    expect(el.shadowRoot!.activeElement!.classList.contains('name-button')).to.equal(true);
  });

  it('renders the search and the list before the filters and hours arrive, then adds them', async () => {
    const extras = held(original.extras);
    chunks.extras = extras.importer;
    const el = await locator();
    expect($(el, '#q'), 'the search').to.not.equal(null);
    expect(rows(el).length, 'every station listed').to.equal(30);
    expect($(el, '#kind'), 'no filter beyond the search yet').to.equal(null);
    expect($(el, '[part="more-filters"] [aria-busy="true"]')!.textContent).to.contain('正在加载');
    // Until the hours' code is there a row shows the hours as the office wrote them.
    expect(rows(el)[0]!.textContent).to.contain('Mo-Fr');
    expect(rows(el)[0]!.textContent).not.to.contain('现在开放');
    expect(rows(el)[0]!.querySelector('.tags'), 'the services come with the details').to.equal(null);
    expect(rows(el)[0]!.querySelector('a[href^="tel:"]'), 'the phone is on the first screen').to.not.equal(null);
    // Typing works meanwhile, and nothing typed is lost when the chunk arrives.
    await type(el, '北山');
    expect(rows(el).length).to.equal(9);

    extras.release();
    await waitFor(() => $(el, '#kind'), 'the filters beyond the search');
    await el.updateComplete;
    expect(rows(el)[0]!.textContent).to.contain('现在开放');
    expect(getComputedStyle($(el, '.more-fields')!).display, 'the chunk brought its styles').to.equal('grid');
    expect(rows(el)[0]!.querySelector('.tags')!.textContent).to.contain('法律咨询');
    expect(getComputedStyle(rows(el)[0]!.querySelector('.tags')!).display).to.equal('flex');
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('北山');
    const kind = $<HTMLSelectElement>(el, '#kind')!;
    kind.value = 'dv-complaint-station';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await type(el, '北山');
    expect([...rows(el)].every((row) => row.textContent!.includes('家庭暴力投诉站'))).to.equal(true);
    expect(rows(el).length).to.be.greaterThan(0).and.lessThan(9);
  });

  it('says plainly when the filters could not be loaded, keeps the search and list working, and retries', async () => {
    const extras = held(original.extras);
    chunks.extras = extras.importer;
    const el = await locator(undefined, 'en');
    extras.fail();
    await waitFor(() => $(el, '[part="more-filters"] .problem'), 'the failure note');
    expect($(el, '[part="more-filters"] .problem')!.textContent).to.contain('Search and the list still work');
    await type(el, 'Beishan');
    expect(rows(el).length).to.equal(9);
    expect(rows(el)[0]!.textContent, 'the hours as written').to.match(/\d\d:\d\d/);

    chunks.extras = original.extras;
    $<HTMLButtonElement>(el, '[part="more-filters"] .problem button')!.click();
    await waitFor(() => $(el, '#kind'), 'the filters after a retry');
    expect(rows(el).length, 'the search kept').to.equal(9);
  });

  it('shows the first rows of a long list while the virtualised list loads, then virtualises it', async () => {
    const virtualList = held(original.virtualList);
    chunks.virtualList = virtualList.importer;
    const stations = generateStations(VIRTUALIZE_ABOVE + 350) as Station[];
    const el = await locator(stations, 'en');
    const list = $(el, '[part="list"]')!;
    expect(list.getAttribute('aria-busy')).to.equal('true');
    expect(rows(el).length).to.be.greaterThan(0).and.lessThan(VIRTUALIZE_ABOVE);
    expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal(String(stations.length));

    virtualList.release();
    await waitFor(() => $(el, '.list.virtual [part~="station"]'), 'the virtualised list');
    expect($(el, '[part="list"]')!.hasAttribute('aria-busy')).to.equal(false);
  });

  it('lists every station in plain DOM if the virtualised list cannot be loaded', async () => {
    chunks.virtualList = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const stations = generateStations(VIRTUALIZE_ABOVE + 10) as Station[];
    const el = await locator(stations, 'en');
    await waitFor(() => rows(el).length === stations.length, 'every row');
    expect($(el, '[part="list"]')!.hasAttribute('aria-busy')).to.equal(false);
  });

  it('adopts the map section’s styles with its code', async () => {
    const el = await locator(undefined, 'en');
    el.view = 'both';
    await waitFor(() => $(el, '.map-canvas'), 'the map section');
    expect($(el, '.map-canvas')!.getBoundingClientRect().height).to.be.greaterThan(100);
  });

  it('says the map could not be loaded when its code fails, and keeps the list', async () => {
    chunks.map = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await locator(undefined, 'en');
    el.view = 'both';
    await waitFor(() => $(el, '[part="map"] .problem'), 'the map failure note');
    expect($(el, '[part="map"]')!.textContent).to.contain('The map could not be loaded');
    expect(rows(el).length).to.equal(30);
  });
});
