import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { createClient, publicStations, queryStations, distanceMeters, type RightsBackend, type Station, type StationQuery } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../station-locator.js';
import type { RightsStationLocator } from './station-locator.component.js';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { RightsStationSelectedEvent } from '../events/events.js';
// Shared with the benchmark: deterministic bilingual stations over 12 districts.
import { generateStations } from '../../../../test/bench/locator-stations.mjs';
import { budget } from '../../../../test/support/budget-browser.mjs';

// Keep every resource entry, so "Leaflet was never requested" is a real observation.
performance.setResourceTimingBufferSize(100_000);

const TUESDAY_10 = new Date('2026-03-03T10:00:00+08:00');
const WEDNESDAY_10 = new Date('2026-03-04T10:00:00+08:00');
const TUESDAY_20 = new Date('2026-03-03T20:00:00+08:00');
const UNREACHABLE_TILES = 'http://127.0.0.1:9/{z}/{x}/{y}.png';

/** A memory backend that records every station query it answers. */
function spiedClient(stations: Station[] = demoSeed.stations) {
  const backend = memoryBackend({ seed: { ...demoSeed, stations } });
  const queries: StationQuery[] = [];
  const spied: RightsBackend = {
    ...backend,
    listStations: (query, options) => {
      queries.push(query);
      return backend.listStations(query, options);
    },
  };
  return { client: createClient({ backend: spied }), queries };
}

async function settle(el: RightsStationLocator): Promise<void> {
  // One microtask for the filtering pass, then Lit's update, then the virtualizer's frame.
  await el.updateComplete;
  await Promise.resolve();
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
}

/** The list is shown and the lazy filters and hours have arrived (they load right after the first render). */
async function ready(el: RightsStationLocator): Promise<void> {
  for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('[part="count"]'); i++) await aTimeout(10);
  for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('#kind'); i++) await aTimeout(10);
  await settle(el);
}

const $ = <T extends Element = HTMLElement>(el: RightsStationLocator, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const shownIds = (el: RightsStationLocator) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="list"] [part~="station"]')].map((item) => {
    const name = item.querySelector('.name-button')!.textContent!.trim();
    return demoSeed.stations.find((s) => Object.values(s.name).includes(name))?.id ?? name;
  });
const expectedIds = (query: StationQuery) => queryStations(demoSeed.stations, query).map((s) => s.id);

async function type(el: RightsStationLocator, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#q');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(el);
}

async function choose(el: RightsStationLocator, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

async function openNowOnly(el: RightsStationLocator): Promise<void> {
  const box = $<HTMLInputElement>(el, '#open-now');
  box.checked = true;
  box.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

function stubGeolocation(behaviour: { at?: { lat: number; lng: number }; errorCode?: number }) {
  const calls: number[] = [];
  const geolocation = {
    getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
      calls.push(Date.now());
      if (behaviour.at) success({ coords: { latitude: behaviour.at.lat, longitude: behaviour.at.lng } } as GeolocationPosition);
      else failure?.({ code: behaviour.errorCode ?? 2, message: 'stubbed' } as GeolocationPositionError);
    },
  };
  Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
  return calls;
}

async function locator(template = html`<rights-station-locator locale="zh-CN"></rights-station-locator>`, client = spiedClient().client) {
  const el = await fixture<RightsStationLocator>(template);
  el.client = client;
  el.now = () => TUESDAY_10;
  await ready(el);
  return el;
}

describe('<rights-station-locator>', () => {
  // The virtualizer's benign "ResizeObserver loop" notice would otherwise fail a test (lit's own advice).
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('lists every station from the client with its hours in words and whether it is open now', async () => {
    const el = await locator();
    expect(shownIds(el)).to.deep.equal(publicStations(demoSeed.stations).map((s) => s.id), 'in order, the confidential shelter last');
    expect($(el, '[part="count"]').textContent).to.contain('30');
    const first = $(el, '[part~="station"]');
    expect(first.textContent).to.contain('青禾县妇女儿童维权中心');
    expect(first.textContent).to.contain('现在开放');
    expect(first.querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:0931-8612338'.replace('-', ''));
  });

  it('does not load the map code in list view', async () => {
    const el = await locator();
    await aTimeout(50);
    const leaflet = performance.getEntriesByType('resource').filter((entry) => /leaflet|supercluster|station-map/.test(entry.name));
    expect(leaflet).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.leaflet-container')).to.equal(null);
  });

  it('narrows the list by Chinese and by English text, as queryStations does', async () => {
    const el = await locator();
    await type(el, '北山');
    expect(shownIds(el)).to.deep.equal(expectedIds({ q: '北山' }));
    expect(shownIds(el)).to.have.length(9);
    await type(el, 'legal aid');
    expect(shownIds(el)).to.deep.equal(expectedIds({ q: 'legal aid' }));
    expect(shownIds(el)).to.include('hx-legal-aid');
    await type(el, 'no such station anywhere');
    expect(shownIds(el)).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.contain('没有符合条件的站点');
  });

  it('filters by kind and by service, and clears the filters', async () => {
    const el = await locator();
    await choose(el, 'kind', 'dv-complaint-station');
    expect(shownIds(el)).to.deep.equal(expectedIds({ kinds: ['dv-complaint-station'] }));
    await choose(el, 'kind', '');
    await choose(el, 'service', 'medical');
    expect(shownIds(el)).to.deep.equal(expectedIds({ services: ['medical'] }));
    await choose(el, 'kind', 'shelter');
    expect(shownIds(el)).to.deep.equal(['cg-shelter']);
    $<HTMLButtonElement>(el, '.filters .actions button').click();
    await settle(el);
    expect(shownIds(el)).to.have.length(30);
    expect($<HTMLSelectElement>(el, '#kind').value).to.equal('');
  });

  it('narrows to a district from the picker and then to one of its communities', async () => {
    const el = await locator();
    expect(el.shadowRoot!.querySelector('#community')).to.equal(null);
    await choose(el, 'district', '河西区');
    expect(shownIds(el)).to.deep.equal(expectedIds({ district: 'Hexi' }));
    const community = $<HTMLSelectElement>(el, '#community');
    const options = [...community.options].map((o) => o.value).filter(Boolean);
    expect(options.length).to.be.greaterThan(1);
    await choose(el, 'community', options[0]!);
    const inCommunity = demoSeed.stations.filter((s) => s.community && Object.values(s.community).includes(options[0]!)).map((s) => s.id);
    expect(shownIds(el)).to.deep.equal(inCommunity);
    expect(inCommunity.length).to.be.lessThan(9);
  });

  it('keeps only stations open at the fixed clock time when "open now" is ticked', async () => {
    const el = await locator();
    await openNowOnly(el);
    expect(shownIds(el)).to.include('cg-ximen-point'); // Tu 09:00-11:30, and it is Tuesday 10:00
    expect(shownIds(el)).not.to.include('bs-liushu-point'); // Saturdays only

    el.now = () => WEDNESDAY_10;
    await choose(el, 'kind', ''); // any filter change re-evaluates
    expect(shownIds(el)).not.to.include('cg-ximen-point');
    expect(shownIds(el)).to.include('qh-rights-centre');

    el.now = () => TUESDAY_20;
    await choose(el, 'kind', '');
    expect(shownIds(el)).to.have.members(['cg-dongguan-dv', 'cg-shelter', 'hx-binhe-dv', 'bs-police-dv', 'bs-health']);
  });

  it('shows a monthly day ("the last Wednesday") in words in both locales, and counts it as open on that day only', async () => {
    const el = await locator();
    await type(el, '妇女学校');
    expect(shownIds(el)).to.deep.equal(['cg-womens-school']);
    const hoursText = () => $(el, '[part~="list"] [part~="station"]').textContent!.replace(/\s+/g, ' ');
    expect(hoursText()).to.contain('每月最后一个周三 14:30–17:00');
    el.locale = 'en';
    await settle(el);
    expect(hoursText()).to.contain('last Wednesday of each month 14:30–17:00');
    await openNowOnly(el);
    el.now = () => new Date('2026-03-25T15:00:00+08:00'); // the last Wednesday of March 2026
    await choose(el, 'kind', '');
    expect(shownIds(el)).to.deep.equal(['cg-womens-school']);
    el.now = () => new Date('2026-03-18T15:00:00+08:00'); // the Wednesday before
    await choose(el, 'kind', '');
    expect(shownIds(el)).to.deep.equal([]);
  });

  it('never asks for the location on load', async () => {
    const calls = stubGeolocation({ at: { lat: 36.1452, lng: 103.8398 } });
    await locator();
    expect(calls).to.have.length(0);
  });

  it('sorts nearest first after the citizen shares her location, computing distances on the device', async () => {
    const calls = stubGeolocation({ at: { lat: 36.1452, lng: 103.8398 } }); // at Liushuwan village
    const { client, queries } = spiedClient();
    const el = await locator(undefined, client);
    $<HTMLButtonElement>(el, '[part="locate"]').click();
    await settle(el);
    expect(calls).to.have.length(1);
    const ids = shownIds(el);
    expect(ids[0]).to.equal('bs-liushu-point');
    const here = { lat: 36.1452, lng: 103.8398 };
    const located = ids.filter((id) => !demoSeed.stations.find((s) => s.id === id)!.confidential);
    expect(located, 'the confidential shelter, without a place, comes last').to.deep.equal(ids.slice(0, located.length));
    const distances = located.map((id) => distanceMeters(here, demoSeed.stations.find((s) => s.id === id)!.location!));
    expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
    expect($(el, '[part~="station"] .distance').textContent).to.match(/米|公里/);
    // The position never reached the backend.
    expect(queries.every((q) => q.near === undefined)).to.equal(true);
  });

  it('explains a refused location and offers the district picker instead', async () => {
    stubGeolocation({ errorCode: 1 });
    const el = await locator();
    $<HTMLButtonElement>(el, '[part="locate"]').click();
    await settle(el);
    const alert = $(el, '.location-problem');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('没有获得位置权限');
    alert.querySelector('button')!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('district');
    expect(shownIds(el)).to.have.length(30);
  });

  it('sends the position to the backend only with server-search', async () => {
    stubGeolocation({ at: { lat: 36.1452, lng: 103.8398 } });
    const { client, queries } = spiedClient();
    const el = await locator(html`<rights-station-locator server-search locale="en"></rights-station-locator>`, client);
    expect(el.shadowRoot!.textContent).to.contain('sent to this site');
    $<HTMLButtonElement>(el, '[part="locate"]').click();
    for (let i = 0; i < 20 && queries.length < 2; i++) await aTimeout(10);
    await settle(el);
    expect(queries.at(-1)?.near).to.deep.equal({ lat: 36.1452, lng: 103.8398 });
    expect(shownIds(el)[0]).to.equal('bs-liushu-point');
    expect($(el, '[part~="station"] .distance').textContent).to.match(/m|km/);
  });

  it('fires rights-station-selected when a station is clicked or chosen with the keyboard', async () => {
    const el = await locator();
    const items = el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="station"]');
    setTimeout(() => items[2]!.querySelector<HTMLElement>('.kind')!.click());
    const clicked = (await oneEvent(el, 'rights-station-selected')) as RightsStationSelectedEvent;
    expect(clicked.station.id).to.equal(demoSeed.stations[2]!.id);
    expect(clicked.bubbles && clicked.composed).to.equal(true);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~="station-selected"] .name-button')!.getAttribute('aria-current')).to.equal('true');

    // The phone link dials; it does not select.
    let fired = 0;
    el.addEventListener('rights-station-selected', () => fired++);
    items[3]!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.addEventListener('click', (e) => e.preventDefault(), { once: true });
    items[3]!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.click();
    expect(fired).to.equal(0);

    // Arrow keys move between stations; Enter on the focused name selects it (a native button).
    const button = items[0]!.querySelector<HTMLButtonElement>('.name-button')!;
    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await settle(el);
    const focused = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(focused.textContent!.trim()).to.equal(demoSeed.stations[1]!.name['zh-CN' as keyof Station['name']]);
    setTimeout(() => focused.click());
    const chosen = (await oneEvent(el, 'rights-station-selected')) as RightsStationSelectedEvent;
    expect(chosen.station.id).to.equal(demoSeed.stations[1]!.id);
  });

  it('loads the map only in map view, keeps markers working without tiles, and keeps list and map selection in sync', async () => {
    const el = await locator(html`<rights-station-locator locale="en" view="both" tile-url=${UNREACHABLE_TILES}></rights-station-locator>`);
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('.leaflet-container .rk-marker'); i++) await aTimeout(20);
    expect(el.shadowRoot!.querySelector('.leaflet-container')).to.not.equal(null);
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('leaflet'))).to.equal(true);

    // List → map: the chosen station gets its own highlighted marker.
    const item = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="station"]')].find((i) => i.textContent!.includes('Sunshine Counselling'))!;
    item.querySelector<HTMLButtonElement>('.name-button')!.click();
    await settle(el);
    const marker = el.shadowRoot!.querySelector<HTMLElement>('.rk-marker[data-station-id="cg-counselling"]')!;
    expect(marker.classList.contains('rk-selected')).to.equal(true);
    expect(marker.getAttribute('aria-label')).to.equal('Sunshine Counselling Room');
    expect(marker.getAttribute('role')).to.equal('button');
    expect(marker.tabIndex).to.equal(0);

    // Map → list: Enter on a focused marker selects it in the list.
    const other = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.rk-marker[data-station-id]')].find((m) => m.dataset['stationId'] !== 'cg-counselling')!;
    const otherId = other.dataset['stationId']!;
    other.focus();
    setTimeout(() => other.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    const selected = (await oneEvent(el, 'rights-station-selected')) as RightsStationSelectedEvent;
    expect(selected.station.id).to.equal(otherId);
    await settle(el);
    expect(el.selectedId).to.equal(otherId);
    const selectedName = el.shadowRoot!.querySelector('[part~="station-selected"] .name-button')!.textContent!.trim();
    expect(selectedName).to.equal(demoSeed.stations.find((s) => s.id === otherId)!.name['en' as keyof Station['name']]);
    expect(el.shadowRoot!.querySelector('.rk-marker.rk-selected')!.getAttribute('data-station-id')).to.equal(otherId);

    // Offline / blocked tiles: a note, and the markers and list still work.
    for (let i = 0; i < 100 && !el.shadowRoot!.textContent!.includes('could not be loaded'); i++) await aTimeout(20);
    expect(el.shadowRoot!.textContent).to.contain('Markers and the list still work');

    // Back to the list only: the map is removed.
    el.view = 'list';
    await settle(el);
    expect(el.shadowRoot!.querySelector('.leaflet-container')).to.equal(null);
  });

  it('renders 5,000 stations with only a window of rows in the DOM, and filters them', async () => {
    const stations = generateStations(5000) as Station[];
    const el = await fixture<RightsStationLocator>(html`<rights-station-locator locale="en"></rights-station-locator>`);
    el.now = () => TUESDAY_10;
    el.stations = stations;
    await ready(el);
    expect($(el, '[part="count"]').textContent).to.contain('5,000');
    for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('[part~="station"]'); i++) await aTimeout(20);
    const rows = el.shadowRoot!.querySelectorAll('[part~="station"]');
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.length).to.be.lessThan(100);
    expect(rows[0]!.getAttribute('aria-setsize')).to.equal('5000');

    await type(el, 'Xigu');
    for (let i = 0; i < 20; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const expected = queryStations(stations, { q: 'Xigu' });
    expect($(el, '[part="count"]').textContent).to.contain(String(expected.length));
    expect(el.shadowRoot!.querySelector('[part~="station"] .name-button')!.textContent!.trim()).to.equal((expected[0]!.name as Record<string, string>)['en']);

    // Scrolling to the end renders the last rows (and not the first ones any more).
    await type(el, '');
    const list = $(el, '[part="list"]');
    // The virtualizer grows the list's height as it measures rows: scroll to the end again until the last row is there.
    const until = Date.now() + budget(2000);
    while (Date.now() < until && !list.textContent!.includes('No. 5000')) {
      list.scrollTop = list.scrollHeight;
      await aTimeout(20);
    }
    expect(list.textContent).to.contain('No. 5000');
    expect(list.textContent).not.to.contain('No. 1 ');
  });

  it('announces the result count politely once typing pauses', async () => {
    const el = await locator(html`<rights-station-locator locale="en"></rights-station-locator>`);
    const status = $(el, '[role="status"]');
    await type(el, 'B');
    await type(el, 'Be');
    await type(el, 'Beishan');
    expect(status.textContent!.trim()).to.not.contain(`${expectedIds({ q: 'Beishan' }).length} stations`);
    await aTimeout(900);
    expect(status.textContent!.trim()).to.equal(`${expectedIds({ q: 'Beishan' }).length} stations found`);
  });

  it('is accessible in Chinese, with the map', async () => {
    const el = await locator(html`<rights-station-locator locale="zh-CN" view="both" tile-url=${UNREACHABLE_TILES}></rights-station-locator>`);
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('.rk-marker'); i++) await aTimeout(20);
    await expect(el).to.be.accessible();
  });

  it('is accessible in English, after a search and a selection', async () => {
    const el = await locator(html`<rights-station-locator locale="en"></rights-station-locator>`);
    await type(el, 'police');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.name-button')!.click();
    await settle(el);
    await expect(el).to.be.accessible();
  });
});
